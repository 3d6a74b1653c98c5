import type { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Card, CardBody, CardHeader, Flex, Skeleton, Text } from '@backstage/ui';
import type { GpuUsageData } from '../../api/gpuUsage';
import { isAigovAvailable } from '../../conditions';
import type { GpuSettings } from '../../config';
import { useGpuUsage } from '../../hooks/useGpuUsage';
import { ClusterWarnings } from '../ClusterWarnings';
import { RefreshStatus } from '../RefreshStatus';
import { plural } from '../presentation';
import { GpuPodTable } from './GpuPodTable';

/** What the card says about live usage when it cannot show it. */
function UsageNotice({ data }: { data: GpuUsageData }) {
  const usage = data.usage;
  if (usage.state === 'disabled')
    return (
      <Text variant="body-small" color="secondary" as="p">
        Live usage is not shown: {usage.message}
      </Text>
    );
  if (usage.state === 'unavailable')
    return (
      <Alert
        status="warning"
        icon
        title={
          usage.kind === 'not-configured'
            ? 'Prometheus is not configured: live GPU usage is not shown'
            : 'Live GPU usage is unavailable'
        }
        description={`${usage.message} The GPU allocation below comes from Kubernetes.`}
      />
    );
  if (usage.state === 'ok' && usage.demoData)
    return (
      <Alert
        status="info"
        icon
        title="Demo data"
        description="Prometheus marked these series as generated demo data (X-Aigov-Demo-Data), not measurements."
      />
    );
  return null;
}

function GpuUsage({ data, settings }: { data: GpuUsageData; settings: GpuSettings | undefined }) {
  const { pods, totalPods } = data.allocation;
  return (
    <Flex direction="column" gap="3">
      <ClusterWarnings errors={data.clusterErrors.filter((e) => e.errorType !== 'NOT_FOUND')} />
      {pods.length === 0 ? (
        <Text variant="body-medium" color="secondary">
          {totalPods === 0
            ? 'No pods found for this entity.'
            : `None of the ${plural(totalPods, 'pod')} of this entity requests GPUs.`}
        </Text>
      ) : (
        <>
          <UsageNotice data={data} />
          <GpuPodTable
            data={data}
            clusterLabel={settings?.prometheus.labels.cluster ?? ''}
            idleThresholdPercent={settings?.idleThresholdPercent ?? 5}
          />
        </>
      )}
    </Flex>
  );
}

function CardContent({ entity }: { entity: Entity }) {
  const { value, error, loading, refreshing, updatedAt, retry, settings } = useGpuUsage(entity);
  if (loading)
    return (
      <>
        <Text role="status" variant="body-small" color="secondary">
          Reading GPU pods…
        </Text>
        <Skeleton width="100%" height={72} />
      </>
    );
  if (!value)
    return (
      <Alert
        status="danger"
        icon
        title="Could not read the pods of this entity"
        description={error?.message}
      />
    );
  return (
    <Flex direction="column" gap="2">
      <GpuUsage data={value} settings={settings} />
      <RefreshStatus
        refreshing={refreshing}
        onRetry={retry}
        {...(updatedAt !== undefined ? { updatedAt } : {})}
        {...(error ? { error } : {})}
      />
    </Flex>
  );
}

/**
 * GPU card: per pod and container, the GPUs requested and limited (whole, MIG slices, shared),
 * the node with its allocatable GPUs, and live utilisation and memory from Prometheus (DCGM)
 * as sparklines; idle GPUs highlighted.
 */
export function GpuUsageCard() {
  const { entity } = useEntity();
  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-small">
          GPU usage
        </Text>
      </CardHeader>
      <CardBody>
        {isAigovAvailable(entity) ? (
          <CardContent entity={entity} />
        ) : (
          <Text variant="body-medium" color="secondary">
            Add the backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation
            to see this entity’s GPU pods.
          </Text>
        )}
      </CardBody>
    </Card>
  );
}
