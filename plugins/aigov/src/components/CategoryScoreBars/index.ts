export { CategoryScoreBars } from './CategoryScoreBars';
export type { CategoryScoreBarsProps } from './CategoryScoreBars';
