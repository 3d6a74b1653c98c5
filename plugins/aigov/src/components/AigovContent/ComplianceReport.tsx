import { useMemo, useState } from 'react';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type { AigovCategory } from '@aigov/backstage-plugin-common';
import type { CustomResourceSpec } from '@aigov/rules';
import type { LiveEvaluation } from '../../lib/evaluateLive';
import { objectKey } from '../../lib/evaluateLive';
import { NO_FILTER, filterFindings } from '../../lib/findings';
import type { FindingFilter } from '../../lib/findings';
import { CategoryScoreBars } from '../CategoryScoreBars';
import { ClusterWarnings } from '../ClusterWarnings';
import { FindingFilters } from '../FindingFilters';
import { FindingsList } from '../FindingsList';
import { ScoreSummary } from '../ScoreSummary';
import { plural } from '../presentation';

export interface ComplianceReportProps {
  evaluation: LiveEvaluation;
  customResources?: readonly CustomResourceSpec[];
}

/** The evaluated live objects: score, categories, cluster warnings and filterable findings. */
export function ComplianceReport({ evaluation, customResources }: ComplianceReportProps) {
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const { findings, score, counts, clusters } = evaluation;
  const shown = useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const categories = useMemo(
    () => [...new Set(findings.map((f) => f.category))] as AigovCategory[],
    [findings],
  );
  const objects = clusters.reduce((n, c) => n + c.objects, 0);
  const warnings = (
    <ClusterWarnings
      errors={evaluation.clusterErrors}
      {...(evaluation.customError !== undefined ? { customError: evaluation.customError } : {})}
      {...(customResources ? { customResources } : {})}
    />
  );

  if (objects === 0)
    return (
      <Flex direction="column" gap="3">
        {warnings}
        <Alert
          status="info"
          icon
          title="No Kubernetes objects found for this entity"
          description={
            clusters.length === 0 && evaluation.clusterErrors.length === 0
              ? 'No cluster has objects with the labels of this entity’s Kubernetes annotations.'
              : 'The clusters that answered have no objects of this entity.'
          }
        />
      </Flex>
    );

  return (
    <Flex direction="column" gap="4">
      <Flex gap="4" style={{ flexWrap: 'wrap' }} align="stretch">
        <Card style={{ flex: '1 1 320px' }}>
          <CardHeader>
            <Text as="h2" variant="title-small">
              AI compliance
            </Text>
          </CardHeader>
          <CardBody>
            <ScoreSummary
              score={score.overall}
              grade={score.grade}
              counts={counts}
              status={evaluation.status}
              checks={{ total: score.checks, failed: score.failed }}
            />
            <Text variant="body-small" color="secondary" as="p" style={{ marginTop: 12 }}>
              {plural(objects, 'object')} in {plural(clusters.length, 'cluster')}:{' '}
              {clusters.map((c) => `${c.title ?? c.name} (${c.objects})`).join(', ')}
            </Text>
          </CardBody>
        </Card>
        <Card style={{ flex: '2 1 420px' }}>
          <CardHeader>
            <Text as="h2" variant="title-small">
              By category
            </Text>
          </CardHeader>
          <CardBody>
            <CategoryScoreBars categories={score.categories} />
          </CardBody>
        </Card>
      </Flex>
      {warnings}
      {evaluation.ruleErrors.length > 0 && (
        <Alert
          status="danger"
          icon
          title="Some rules failed to run (a bug in aigov, please report it)"
          description={evaluation.ruleErrors.map((e) => `${e.ruleId}: ${e.message}`).join('; ')}
        />
      )}
      <Card>
        <CardHeader>
          <Flex direction="column" gap="2">
            <Text as="h2" variant="title-small">
              Findings (
              {shown.length === findings.length
                ? findings.length
                : `${shown.length} of ${findings.length}`}
              )
            </Text>
            {findings.length > 0 && (
              <FindingFilters
                filter={filter}
                onChange={setFilter}
                categories={categories}
                hasSuppressed={counts.suppressed > 0}
              />
            )}
          </Flex>
        </CardHeader>
        <CardBody>
          {findings.length === 0 ? (
            <Text variant="body-medium">
              No findings: every check passed on {plural(objects, 'object')}.
            </Text>
          ) : shown.length === 0 ? (
            <Text variant="body-medium" color="secondary">
              No finding matches the filters.
            </Text>
          ) : (
            <FindingsList
              findings={shown}
              scoreOf={(cluster, w) => {
                const s = evaluation.objectScores.get(objectKey(cluster, w.object));
                return s && { score: s.overall, grade: s.grade };
              }}
              replicasOf={(cluster, w) => evaluation.replicas.get(objectKey(cluster, w.object))}
            />
          )}
        </CardBody>
      </Card>
    </Flex>
  );
}
