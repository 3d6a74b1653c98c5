export { WorstFindings } from './WorstFindings';
export type { WorstFindingsProps } from './WorstFindings';
export { loadWorstFindings, WORST_FINDINGS, WORST_SERVICES } from './worstFindings';
export type { ServiceFinding, WorstFindingsResult } from './worstFindings';
