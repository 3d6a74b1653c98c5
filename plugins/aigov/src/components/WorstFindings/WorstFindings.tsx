import type { AigovEntityScore } from '@aigov/backstage-plugin-common';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Flex, Skeleton, Text } from '@backstage/ui';
import { aigovApiRef } from '../../api/AigovApi';
import { aigovErrorMessage } from '../../api/errors';
import { usePolledData } from '../../hooks/usePolledData';
import { objectLabel } from '../../lib/findings';
import { BORDER } from '../presentation';
import { FindingPath, RuleLink } from '../RuleLink';
import { SeverityBadge } from '../SeverityCounts';
import { loadWorstFindings } from './worstFindings';

export interface WorstFindingsProps {
  /** The services in view, worst first. */
  services: readonly AigovEntityScore[];
}

/**
 * The most severe findings of the lowest-scored services in view (the first few with
 * findings, see `loadWorstFindings`): message, service, object, remediation and the rule's
 * documentation.
 */
export function WorstFindings({ services }: WorstFindingsProps) {
  const api = useApi(aigovApiRef);
  const key = services.map((s) => `${s.entityRef}@${s.scannedAt}`).join(' ');
  const { value, error, loading, refreshing } = usePolledData(
    () => loadWorstFindings(api, services),
    [api, key],
    0,
  );
  if (loading)
    return (
      <Flex direction="column" gap="2" aria-busy="true">
        <Text variant="body-small" color="secondary">
          Reading the findings of the lowest-scored services…
        </Text>
        <Skeleton width="100%" height={64} />
      </Flex>
    );
  if (!value)
    return (
      <Alert
        status="warning"
        icon
        title="Could not read the findings"
        description={aigovErrorMessage(error)}
      />
    );
  return (
    <Flex direction="column" gap="2" aria-busy={refreshing ? 'true' : undefined}>
      {value.failures.length > 0 && (
        <Alert
          status="warning"
          icon
          title="Could not read the findings of some services"
          description={value.failures.join('; ')}
        />
      )}
      {value.findings.length === 0 ? (
        value.asked === 0 ? (
          <Text variant="body-medium" color="secondary">
            No findings: every check passed on these services.
          </Text>
        ) : (
          value.services.length > 0 && (
            <Text variant="body-medium" color="secondary">
              No open findings in the lowest-scored services.
            </Text>
          )
        )
      ) : (
        <ol aria-label="Worst findings" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {value.findings.map(({ service, finding }) => (
            <li
              key={`${service.entityRef}|${finding.fingerprint}`}
              data-testid="worst-finding"
              data-rule={finding.ruleId}
              style={{ padding: '8px 0', borderTop: `1px solid ${BORDER}` }}
            >
              <Flex gap="2" align="start">
                <SeverityBadge severity={finding.severity} />
                <Flex direction="column" gap="0.5" style={{ minWidth: 0 }}>
                  <Text variant="body-medium">{finding.message}</Text>
                  <Text variant="body-x-small" color="secondary">
                    {service.title ?? service.name}
                    {finding.cluster ? ` · ${finding.cluster}` : ''}
                    {finding.object ? ` · ${objectLabel(finding.object)}` : ''}
                    {finding.container ? ` · container ${finding.container}` : ''}
                  </Text>
                  <Text variant="body-small" color="secondary">
                    {finding.remediation}
                  </Text>
                  <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
                    <RuleLink finding={finding} />
                    <FindingPath path={finding.path} />
                  </Flex>
                </Flex>
              </Flex>
            </li>
          ))}
        </ol>
      )}
    </Flex>
  );
}
