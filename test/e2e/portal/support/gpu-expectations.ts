/**
 * What the GPU card should show, computed from the fixture: the DCGM exporter values each GPU by
 * `gpuMetricValue(metric, gpu, time)`, Prometheus stores the scrapes with their timestamps, and
 * the card averages a pod's GPUs (`avg by (namespace, pod)`). So the utilisation of a pod at a
 * moment is the mean, over its GPUs, of the value function at each GPU's latest scrape timestamp.
 */
import {
  gpuAllocations,
  gpuMetricValue,
  demoObjects,
  type GpuAllocation,
} from '@aigov/demo-cluster';
import type { Prometheus } from './prometheus';

export const UTIL_METRIC = 'DCGM_FI_DEV_GPU_UTIL';

export interface PodUtilisation {
  /** Mean over the pod's GPUs of the fixture's value at each GPU's latest scrape. */
  expected: number;
  /** The same GPUs' values as Prometheus stored them (they must agree with `expected`). */
  stored: number;
  /** The scrape timestamps used, seconds. */
  timestamps: number[];
  gpus: number;
}

/** The GPUs the exporter reports for a pod, by UUID. */
export function allocationsOf(namespace: string, pod: string): Map<string, GpuAllocation> {
  const byUuid = new Map<string, GpuAllocation>();
  for (const allocation of gpuAllocations(demoObjects())) {
    if (allocation.namespace === namespace && allocation.pod === pod) {
      byUuid.set(allocation.uuid, allocation);
    }
  }
  return byUuid;
}

/**
 * The pod's utilisation at `atSeconds` (a query_range step timestamp the card received): for each
 * GPU the latest raw sample at or before that time, from Prometheus itself.
 */
export async function podUtilisationAt(
  prometheus: Prometheus,
  namespace: string,
  pod: string,
  atSeconds: number,
): Promise<PodUtilisation> {
  const allocations = allocationsOf(namespace, pod);
  if (allocations.size === 0) throw new Error(`the fixture has no GPUs for ${namespace}/${pod}`);
  const series = await prometheus.query(
    `${UTIL_METRIC}{namespace="${namespace}",pod="${pod}"}[30s]`,
    atSeconds,
  );
  let expected = 0;
  let stored = 0;
  const timestamps: number[] = [];
  for (const one of series) {
    const uuid = one.metric.UUID;
    const allocation = uuid === undefined ? undefined : allocations.get(uuid);
    if (!allocation)
      throw new Error(`Prometheus has a series for an unknown GPU: ${JSON.stringify(one.metric)}`);
    const last = one.values?.[one.values.length - 1];
    if (!last)
      throw new Error(`no samples for GPU ${uuid} of ${namespace}/${pod} before ${atSeconds}`);
    const [timestamp, value] = last;
    timestamps.push(timestamp);
    expected += gpuMetricValue(UTIL_METRIC, allocation, timestamp);
    stored += Number(value);
  }
  if (series.length !== allocations.size) {
    throw new Error(
      `Prometheus has ${series.length} GPU series for ${namespace}/${pod}, the fixture ${allocations.size}`,
    );
  }
  return {
    expected: expected / series.length,
    stored: stored / series.length,
    timestamps,
    gpus: series.length,
  };
}
