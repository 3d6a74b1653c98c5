export { AigovScorecard, AIGOV_BACKEND_DOCS_URL, SERVICES_PAGE_SIZE } from './AigovScorecard';
export { ScorecardPage, SCORECARD_TITLE, SCORECARD_SUBTITLE } from './ScorecardPage';
export { ScorecardMessage } from './ScorecardMessage';
export type { ScorecardMessageProps } from './ScorecardMessage';
export { useScorecardFilters } from './useScorecardFilters';
