import { Flex, Text } from '@backstage/ui';
import type { GpuUsageData, PodUsage } from '../../api/gpuUsage';
import { nodeKey, usageOf } from '../../api/gpuUsage';
import type { ContainerGpuResource, PodGpus } from '../../lib/gpu/allocation';
import { SEVERITY_BG, SEVERITY_COLOR, TABLE_CELL, TABLE_HEAD } from '../presentation';
import { Sparkline } from './Sparkline';

export interface GpuPodTableProps {
  data: GpuUsageData;
  /** Label naming the cluster in Prometheus series (`aigov.gpu.prometheus.labels.cluster`). */
  clusterLabel: string;
  idleThresholdPercent: number;
}

const percent = (v: number) => `${Math.round(v)}%`;
const mebibytes = (v: number) =>
  v >= 1024 ? `${(v / 1024).toFixed(1)} GiB` : `${Math.round(v)} MiB`;

/** `1 GPU`, `2 × MIG 1g.5gb`, `1 shared GPU`, with the resource name. */
export function describeGpuResource(r: ContainerGpuResource): string {
  const n = r.limit ?? r.request;
  const count = n === undefined ? (r.invalid ?? '?') : String(n);
  let what: string;
  if (r.kind === 'mig') what = `${count} × MIG ${r.profile}`;
  else if (r.kind === 'shared') what = `${count} shared GPU${n === 1 ? '' : 's'}`;
  else what = `${count} GPU${n === 1 ? '' : 's'}`;
  const mismatch =
    r.request !== undefined && r.limit !== undefined && r.request !== r.limit
      ? ` (request ${r.request}, limit ${r.limit})`
      : r.limit === undefined && r.invalid === undefined
        ? ' (request only, no limit)'
        : '';
  const invalid = r.invalid !== undefined ? ` (invalid: ${r.invalid})` : '';
  return `${what}${mismatch}${invalid} · ${r.resource}`;
}

function NodeCell({ pod, data }: { pod: PodGpus; data: GpuUsageData }) {
  if (!pod.node)
    return (
      <Text variant="body-small" color="secondary">
        not scheduled
      </Text>
    );
  const node = data.nodes.get(nodeKey(pod.cluster, pod.node));
  const entries = node?.known ? Object.entries(node.allocatable) : [];
  return (
    <Flex direction="column" gap="0.5">
      <Text variant="body-small">{pod.node}</Text>
      <Text variant="body-x-small" color="secondary">
        {!node?.known
          ? 'allocatable GPUs: unknown'
          : entries.length === 0
            ? 'no GPUs allocatable'
            : `allocatable: ${entries.map(([r, n]) => `${n} × ${r}`).join(', ')}`}
      </Text>
    </Flex>
  );
}

function UsageCells({ usage, demo }: { usage: PodUsage | undefined; demo: boolean }) {
  return (
    <>
      <td style={cell}>
        {usage?.utilisation ? (
          <Sparkline
            series={usage.utilisation}
            label="GPU utilisation"
            format={percent}
            max={100}
            demo={demo}
          />
        ) : (
          <Text variant="body-small" color="secondary">
            no data
          </Text>
        )}
      </td>
      <td style={cell}>
        {usage?.memory ? (
          <Sparkline series={usage.memory} label="GPU memory used" format={mebibytes} demo={demo} />
        ) : (
          <Text variant="body-small" color="secondary">
            no data
          </Text>
        )}
      </td>
    </>
  );
}

const cell = { ...TABLE_CELL, verticalAlign: 'top' } as const;

/** One row per GPU pod: its containers' GPUs, its node, and live usage when known. */
export function GpuPodTable({ data, clusterLabel, idleThresholdPercent }: GpuPodTableProps) {
  const live = data.usage.state === 'ok';
  const demo = data.usage.state === 'ok' && data.usage.demoData;
  const minutes = data.usage.state === 'ok' ? Math.round(data.usage.rangeSeconds / 60) : 0;
  return (
    // Scrolls sideways rather than spilling out of a narrow card.
    <div style={{ overflowX: 'auto' }}>
      <table
        style={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.875rem' }}
        aria-label="GPU pods"
      >
        <thead>
          <tr>
            <th style={TABLE_HEAD}>Pod</th>
            <th style={TABLE_HEAD}>Node</th>
            <th style={TABLE_HEAD}>GPUs</th>
            {live && <th style={TABLE_HEAD}>Utilisation ({minutes} min)</th>}
            {live && <th style={TABLE_HEAD}>Memory used</th>}
          </tr>
        </thead>
        <tbody>
          {data.allocation.pods.map((pod) => {
            const usage = usageOf(data, pod, clusterLabel);
            return (
              <tr
                key={`${pod.cluster}|${pod.namespace}|${pod.name}`}
                data-testid="gpu-pod"
                data-idle={usage?.idle ? 'true' : undefined}
                style={usage?.idle ? { background: SEVERITY_BG.warning } : undefined}
              >
                <td style={cell}>
                  <Flex direction="column" gap="0.5">
                    <Text variant="body-small" weight="bold">
                      {pod.name}
                    </Text>
                    <Text variant="body-x-small" color="secondary">
                      {pod.cluster} · {pod.namespace}
                      {pod.phase ? ` · ${pod.phase}` : ''}
                    </Text>
                    {usage?.idle && (
                      <Text
                        variant="body-x-small"
                        weight="bold"
                        style={{ color: SEVERITY_COLOR.warning }}
                        title={`GPU utilisation stayed under ${idleThresholdPercent}% for the last ${minutes} minutes`}
                      >
                        Idle: under {idleThresholdPercent}% for {minutes} min
                      </Text>
                    )}
                  </Flex>
                </td>
                <td style={cell}>
                  <NodeCell pod={pod} data={data} />
                </td>
                <td style={cell}>
                  <Flex direction="column" gap="0.5">
                    {pod.containers.map((c) => (
                      <Text key={`${c.init}|${c.name}`} variant="body-small">
                        {c.name}
                        {c.init ? ' (init)' : ''}: {c.resources.map(describeGpuResource).join('; ')}
                      </Text>
                    ))}
                  </Flex>
                </td>
                {live && <UsageCells usage={usage} demo={demo} />}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
