import type { AigovFinding, AigovGrade } from '@aigov/backstage-plugin-common';
import { Flex, Text } from '@backstage/ui';
import { useMemo } from 'react';
import { groupFindings, objectLabel } from '../../lib/findings';
import type { WorkloadFindings } from '../../lib/findings';
import { FindingPath, RuleLink } from '../RuleLink';
import { SeverityBadge } from '../SeverityCounts';
import { GradeBadge } from '../GradeBadge';
import { BORDER } from '../presentation';

export interface FindingsListProps {
  findings: readonly AigovFinding[];
  /** Score of a workload, by cluster and object, when known. */
  scoreOf?: (
    cluster: string,
    workload: WorkloadFindings,
  ) => { score: number; grade: AigovGrade } | undefined;
  /** How many objects a workload stands for (pods of one controller), when more than one. */
  replicasOf?: (cluster: string, workload: WorkloadFindings) => number | undefined;
}

function FindingItem({ finding }: { finding: AigovFinding }) {
  const suppressed = finding.suppressed;
  return (
    <li
      data-testid="finding"
      data-rule={finding.ruleId}
      style={{
        listStyle: 'none',
        padding: '8px 0',
        borderTop: `1px solid ${BORDER}`,
        opacity: suppressed ? 0.65 : 1,
      }}
    >
      <Flex gap="2" align="start">
        <SeverityBadge severity={finding.severity} />
        <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
          <Text
            variant="body-medium"
            style={suppressed ? { textDecoration: 'line-through' } : undefined}
          >
            {finding.message}
          </Text>
          <Text variant="body-small" color="secondary">
            {finding.remediation}
          </Text>
          <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
            <RuleLink finding={finding} variant="body-small" />
            <FindingPath path={finding.path} />
            {suppressed && (
              <Text variant="body-small" color="secondary" weight="bold">
                Suppressed by {suppressed.kind === 'annotation' ? 'annotation' : 'exemption'}
                {suppressed.reason ? `: ${suppressed.reason}` : ' (no reason given)'}
              </Text>
            )}
          </Flex>
        </Flex>
      </Flex>
    </li>
  );
}

/** Findings by cluster → workload → container, worst workloads first. */
export function FindingsList({ findings, scoreOf, replicasOf }: FindingsListProps) {
  // The tab re-renders on each refresh; the groups change only with the findings.
  const clusters = useMemo(() => groupFindings(findings), [findings]);
  return (
    <Flex direction="column" gap="4">
      {clusters.map((cluster) => (
        <section key={cluster.cluster} aria-label={`Cluster ${cluster.cluster || '(unknown)'}`}>
          <Text as="h3" variant="title-small">
            Cluster {cluster.cluster || '(unknown)'}
          </Text>
          <Flex direction="column" gap="3" style={{ marginTop: 8 }}>
            {cluster.workloads.map((w) => {
              const score = scoreOf?.(cluster.cluster, w);
              const replicas = replicasOf?.(cluster.cluster, w);
              return (
                <section
                  key={w.key}
                  aria-label={objectLabel(w.object)}
                  style={{ border: `1px solid ${BORDER}`, borderRadius: 8, padding: '8px 12px' }}
                >
                  <Flex align="center" gap="2">
                    {score && <GradeBadge grade={score.grade} score={score.score} />}
                    <Text as="h4" variant="title-x-small">
                      {objectLabel(w.object)}
                    </Text>
                    {replicas !== undefined && replicas > 1 && (
                      <Text variant="body-x-small" color="secondary">
                        checked for all {replicas} pods of its controller
                      </Text>
                    )}
                  </Flex>
                  {w.containers.map((c) => (
                    <div key={c.container ?? ''} style={{ marginTop: 6 }}>
                      <Text as="h5" variant="body-small" weight="bold" color="secondary">
                        {c.container !== undefined
                          ? `Container ${c.container}`
                          : 'Object and pod spec'}
                      </Text>
                      <ul style={{ margin: 0, padding: 0 }}>
                        {c.findings.map((f) => (
                          <FindingItem key={f.fingerprint} finding={f} />
                        ))}
                      </ul>
                    </div>
                  ))}
                </section>
              );
            })}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
