import type { FileSummary } from '../load/loader';
import type { Finding } from '../model';
import type { Score } from '../engine/score';
import type { RuleError } from '../engine/evaluate';

/** What every reporter renders: the findings, the score and which files were read. */
export interface ReportInput {
  findings: readonly Finding[];
  score: Score;
  files: readonly FileSummary[];
  /** Rules that crashed and were skipped (a ScanResult carries them). */
  ruleErrors?: readonly RuleError[];
}

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'junit';
export const REPORT_FORMATS: readonly ReportFormat[] = [
  'text',
  'json',
  'sarif',
  'markdown',
  'junit',
];
