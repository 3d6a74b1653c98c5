export { ScoreHistory } from './ScoreHistory';
export { loadEntityHistory, useEntityScoreHistory, entityName } from './useEntityScoreHistory';
export type { EntityHistoryResult } from './useEntityScoreHistory';
