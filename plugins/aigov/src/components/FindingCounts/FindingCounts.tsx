import type { AigovSeverityCounts } from '@aigov/backstage-plugin-common';
import { SEVERITIES } from '@aigov/rules';
import { Text } from '@backstage/ui';
import { severityCount } from '../presentation';

/** `1 error · 9 warnings · 8 info`, in red when there are errors. */
export function FindingCounts({ counts }: { counts: AigovSeverityCounts }) {
  return (
    <Text variant="body-small" color={counts.error > 0 ? 'danger' : 'secondary'}>
      {SEVERITIES.map((s) => severityCount(counts[s], s)).join(' · ')}
    </Text>
  );
}
