export { ServiceScoreTable, SERVICE_TREND_DAYS, displayName } from './ServiceScoreTable';
export type { ServiceScoreTableProps } from './ServiceScoreTable';
export { useEntityLink } from './useEntityLink';
