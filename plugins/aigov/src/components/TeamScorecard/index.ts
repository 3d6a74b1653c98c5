export { TeamRankingTable, TEAM_TREND_DAYS } from './TeamRankingTable';
export type { TeamRankingTableProps } from './TeamRankingTable';
