import type { AigovFinding, AigovSeverityCounts } from './types';

/** No findings of any severity. @public */
export function emptySeverityCounts(): AigovSeverityCounts {
  return { error: 0, warning: 0, info: 0, suppressed: 0 };
}

/** Counts one finding: under its severity, or as suppressed. @public */
export function addToCounts(
  counts: AigovSeverityCounts,
  finding: Pick<AigovFinding, 'severity' | 'suppressed'>,
): void {
  if (finding.suppressed) counts.suppressed++;
  else counts[finding.severity]++;
}

/** Findings by severity, suppressed ones apart. @public */
export function countFindings(
  findings: Iterable<Pick<AigovFinding, 'severity' | 'suppressed'>>,
): AigovSeverityCounts {
  const counts = emptySeverityCounts();
  for (const f of findings) addToCounts(counts, f);
  return counts;
}
