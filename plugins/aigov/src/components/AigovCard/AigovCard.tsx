import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  Alert,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Skeleton,
  Text,
} from '@backstage/ui';
import { isAigovAvailable } from '../../conditions';
import { useLiveEvaluation } from '../../hooks/useLiveEvaluation';
import { useTabLink } from '../../hooks/useTabLink';
import { objectLabel, worstFindings } from '../../lib/findings';
import { RuleLink } from '../RuleLink';
import { ScoreSummary } from '../ScoreSummary';
import { SeverityBadge } from '../SeverityCounts';

function Title() {
  return (
    <CardHeader>
      <Text as="h2" variant="title-small">
        AI compliance
      </Text>
    </CardHeader>
  );
}

function CardContent({ entity }: { entity: Entity }) {
  const { value, error, loading } = useLiveEvaluation(entity);
  const tabLink = useTabLink();
  if (loading)
    return (
      <CardBody>
        <Text role="status" variant="body-small" color="secondary">
          Reading the live objects…
        </Text>
        <Skeleton width="100%" height={56} />
      </CardBody>
    );
  if (!value)
    return (
      <CardBody>
        <Alert
          status="danger"
          icon
          title="Could not read the live objects"
          description={error?.message}
        />
      </CardBody>
    );
  const worst = worstFindings(value.findings, 3);
  const objects = value.clusters.reduce((n, c) => n + c.objects, 0);
  return (
    <>
      <CardBody>
        {objects === 0 ? (
          <Text variant="body-medium" color="secondary">
            No Kubernetes objects found for this entity.
          </Text>
        ) : (
          <Flex direction="column" gap="3">
            <ScoreSummary
              score={value.score.overall}
              grade={value.score.grade}
              counts={value.counts}
              status={value.status}
            />
            {worst.length > 0 && (
              <ol
                aria-label="Worst findings"
                style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
              >
                {worst.map((f) => (
                  <li key={f.fingerprint} style={{ marginTop: 6 }}>
                    <Flex gap="2" align="start">
                      <SeverityBadge severity={f.severity} />
                      <Flex direction="column" gap="0.5">
                        <Text variant="body-small">{f.message}</Text>
                        <Text variant="body-x-small" color="secondary">
                          {f.cluster ? `${f.cluster} · ` : ''}
                          {objectLabel(f.object)} · <RuleLink finding={f} />
                        </Text>
                      </Flex>
                    </Flex>
                  </li>
                ))}
              </ol>
            )}
          </Flex>
        )}
        {value.status === 'partial' && (
          <Text variant="body-x-small" color="warning" as="p" style={{ marginTop: 8 }}>
            Some objects could not be read; the score covers the rest. See the tab for details.
          </Text>
        )}
      </CardBody>
      {tabLink && (
        <CardFooter>
          <Link href={tabLink}>View all findings</Link>
        </CardFooter>
      )}
    </>
  );
}

/** Overview card: score, grade, findings by severity and the three worst, linking to the tab. */
export function AigovCard() {
  const { entity } = useEntity();
  return (
    <Card>
      <Title />
      {isAigovAvailable(entity) ? (
        <CardContent entity={entity} />
      ) : (
        <CardBody>
          <Text variant="body-medium" color="secondary">
            Add the backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation
            to evaluate this entity’s Kubernetes objects.
          </Text>
        </CardBody>
      )}
    </Card>
  );
}
