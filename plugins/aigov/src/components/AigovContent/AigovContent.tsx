import type { Entity } from '@backstage/catalog-model';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Button, Flex, Skeleton, Text } from '@backstage/ui';
import { KUBERNETES_ANNOTATIONS, isAigovAvailable } from '../../conditions';
import { useLiveEvaluation } from '../../hooks/useLiveEvaluation';
import { RefreshStatus } from '../RefreshStatus';
import { ScoreHistory } from '../ScoreHistory';
import { ComplianceReport } from './ComplianceReport';

function LiveCompliance({ entity }: { entity: Entity }) {
  const { value, error, loading, refreshing, updatedAt, retry, settings } =
    useLiveEvaluation(entity);
  if (loading)
    return (
      <Flex direction="column" gap="3">
        <Text role="status" variant="body-medium" color="secondary">
          Reading the live objects from Kubernetes…
        </Text>
        <Skeleton width="100%" height={96} />
        <Skeleton width="100%" height={240} />
      </Flex>
    );
  if (!value)
    return (
      <Alert
        status="danger"
        icon
        title="Could not read the live objects of this entity"
        description={error?.message ?? 'Unknown error'}
        customActions={
          <Button size="small" variant="secondary" onPress={retry}>
            Retry
          </Button>
        }
      />
    );
  return (
    <Flex direction="column" gap="3">
      <RefreshStatus
        refreshing={refreshing}
        onRetry={retry}
        {...(updatedAt !== undefined ? { updatedAt } : {})}
        {...(error ? { error } : {})}
      />
      <ComplianceReport
        evaluation={value}
        {...(settings ? { customResources: settings.customResources } : {})}
      />
    </Flex>
  );
}

/**
 * The "AI Compliance" entity tab: the entity's live Kubernetes objects evaluated with the
 * aigov rules, refreshed on an interval; below them, when the aigov backend is installed, the
 * score history it stored.
 */
export function AigovContent() {
  const { entity } = useEntity();
  if (!isAigovAvailable(entity))
    return <MissingAnnotationEmptyState annotation={[...KUBERNETES_ANNOTATIONS]} />;
  return (
    <Flex direction="column" gap="4">
      <LiveCompliance entity={entity} />
      <ScoreHistory entity={entity} />
    </Flex>
  );
}
