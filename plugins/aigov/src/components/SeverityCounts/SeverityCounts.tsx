import type { AigovSeverity, AigovSeverityCounts } from '@aigov/backstage-plugin-common';
import { Flex, Text } from '@backstage/ui';
import { SEVERITIES } from '@aigov/rules';
import { SEVERITY_BG, SEVERITY_COLOR, SEVERITY_LABEL, severityCount } from '../presentation';

/** A severity as a small coloured label. */
export function SeverityBadge({ severity }: { severity: AigovSeverity }) {
  return (
    <span
      style={{
        display: 'inline-block',
        flex: 'none',
        width: 64,
        textAlign: 'center',
        padding: '1px 6px',
        borderRadius: 4,
        fontSize: '0.75rem',
        fontWeight: 600,
        color: SEVERITY_COLOR[severity],
        background: SEVERITY_BG[severity],
        border: `1px solid ${SEVERITY_COLOR[severity]}`,
      }}
    >
      {SEVERITY_LABEL[severity]}
    </span>
  );
}

/** `2 errors · 5 warnings · 0 info · 1 suppressed`. */
export function SeverityCounts({ counts }: { counts: AigovSeverityCounts }) {
  return (
    <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }} aria-label="Findings by severity">
      {SEVERITIES.map((s) => (
        <Text
          key={s}
          variant="body-medium"
          weight={counts[s] > 0 ? 'bold' : 'regular'}
          style={counts[s] > 0 ? { color: SEVERITY_COLOR[s] } : undefined}
          color={counts[s] > 0 ? undefined : 'secondary'}
        >
          {severityCount(counts[s], s)}
        </Text>
      ))}
      {counts.suppressed > 0 && (
        <Text variant="body-medium" color="secondary">
          {counts.suppressed} suppressed
        </Text>
      )}
    </Flex>
  );
}
