export { ScoreSummary } from './ScoreSummary';
export type { ScoreSummaryProps } from './ScoreSummary';
