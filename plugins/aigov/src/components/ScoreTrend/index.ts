export { ScoreTrend, dailyTrend, describeTrend, scanTrend } from './ScoreTrend';
export type { ScoreTrendProps, TrendPoint } from './ScoreTrend';
export { formatAge, formatDate, formatDateTime } from './time';
export { LoadedTrend } from './LoadedTrend';
export type { LoadedTrendProps } from './LoadedTrend';
