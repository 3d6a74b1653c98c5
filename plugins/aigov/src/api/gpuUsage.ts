import type { Entity } from '@backstage/catalog-model';
import { clusterErrorsOf } from '@aigov/rules';
import type { LiveClusterError } from '@aigov/rules';
import type { GpuSettings } from '../config';
import { gpuAllocation, holdsGpus } from '../lib/gpu/allocation';
import type { GpuAllocation, PodGpus } from '../lib/gpu/allocation';
import { DCGM_FB_USED, DCGM_GPU_UTIL, podMetricQuery } from '../lib/gpu/promql';
import type { PodSelection } from '../lib/gpu/promql';
import { isIdle, podKey, podKeyOfSeries } from '../lib/gpu/series';
import type { Series } from '../lib/gpu/series';
import { requestAuth } from './kubernetesObjects';
import type { KubernetesDeps } from './kubernetesObjects';
import type { NodeGpuLoader, NodeGpus } from './nodeGpus';
import { PrometheusError } from './PrometheusProxyClient';
import type { PrometheusProblemKind, PrometheusProxyClient } from './PrometheusProxyClient';

export interface PodUsage {
  /** `DCGM_FI_DEV_GPU_UTIL`, percent, averaged over the pod's GPUs. */
  utilisation?: Series;
  /** `DCGM_FI_DEV_FB_USED`, MiB, summed over the pod's GPUs. */
  memory?: Series;
  /** Holds GPUs and stayed under the idle threshold for the whole window. */
  idle: boolean;
}

export type UsageState =
  | { state: 'ok'; byPod: ReadonlyMap<string, PodUsage>; demoData: boolean; rangeSeconds: number }
  | { state: 'disabled'; message: string }
  | { state: 'unavailable'; kind: PrometheusProblemKind; message: string }
  /** No pod holds a GPU: nothing to ask Prometheus. */
  | { state: 'none' };

export interface GpuUsageData {
  allocation: GpuAllocation;
  clusterErrors: LiveClusterError[];
  /** By {@link nodeKey}. */
  nodes: ReadonlyMap<string, NodeGpus>;
  usage: UsageState;
}

export interface GpuUsageDeps extends KubernetesDeps {
  nodes: NodeGpuLoader;
  /** Undefined when Prometheus is turned off. */
  prometheus: PrometheusProxyClient | undefined;
  isGpuResource: (resource: string) => boolean;
}

export function nodeKey(cluster: string, node: string): string {
  return `${cluster}|${node}`;
}

/** Pods per query: keeps the URL well under proxies' limits. */
const PODS_PER_QUERY = 40;

/** The pods to ask about, by namespace (and cluster, when series carry a cluster label). */
export function podSelections(pods: readonly PodGpus[], byCluster: boolean): PodSelection[] {
  const groups = new Map<string, PodSelection & { pods: string[] }>();
  for (const pod of pods) {
    const key = `${byCluster ? pod.cluster : ''}|${pod.namespace}`;
    let g = groups.get(key);
    if (!g) {
      g = { namespace: pod.namespace, pods: [], ...(byCluster ? { cluster: pod.cluster } : {}) };
      groups.set(key, g);
    }
    g.pods.push(pod.name);
  }
  const out: PodSelection[] = [];
  for (const g of groups.values())
    for (let i = 0; i < g.pods.length; i += PODS_PER_QUERY)
      out.push({ ...g, pods: g.pods.slice(i, i + PODS_PER_QUERY) });
  return out;
}

async function loadUsage(
  pods: readonly PodGpus[],
  prometheus: PrometheusProxyClient,
  settings: GpuSettings,
  nowMs: number,
): Promise<UsageState> {
  const { labels, rangeSeconds, stepSeconds } = settings.prometheus;
  const end = Math.floor(nowMs / 1000);
  const range = { start: end - rangeSeconds, end, step: stepSeconds };
  const selections = podSelections(pods, Boolean(labels.cluster));
  const ask = (metric: string, aggregation: 'avg' | 'sum') =>
    Promise.all(
      selections.map((s) =>
        prometheus.queryRange(podMetricQuery(metric, aggregation, s, labels), range),
      ),
    );
  try {
    const [util, memory] = await Promise.all([ask(DCGM_GPU_UTIL, 'avg'), ask(DCGM_FB_USED, 'sum')]);
    const byPod = new Map<string, PodUsage>();
    const put = (series: Series, field: 'utilisation' | 'memory') => {
      const key = podKeyOfSeries(series, labels);
      if (key === undefined) return;
      const entry = byPod.get(key) ?? { idle: false };
      entry[field] = series;
      byPod.set(key, entry);
    };
    for (const r of util) for (const s of r.series) put(s, 'utilisation');
    for (const r of memory) for (const s of r.series) put(s, 'memory');
    for (const pod of pods) {
      const key = podKey(labels.cluster ? pod.cluster : undefined, pod.namespace, pod.name);
      const entry = byPod.get(key);
      if (entry)
        entry.idle = holdsGpus(pod) && isIdle(entry.utilisation, settings.idleThresholdPercent);
    }
    return {
      state: 'ok',
      byPod,
      demoData: [...util, ...memory].some((r) => r.demoData),
      rangeSeconds,
    };
  } catch (e) {
    if (e instanceof PrometheusError)
      return { state: 'unavailable', kind: e.kind, message: e.message };
    return { state: 'unavailable', kind: 'bad-response', message: String(e) };
  }
}

/** The usage entry of a pod, however the series were keyed. */
export function usageOf(
  data: GpuUsageData,
  pod: PodGpus,
  clusterLabel: string,
): PodUsage | undefined {
  if (data.usage.state !== 'ok') return undefined;
  return data.usage.byPod.get(
    podKey(clusterLabel ? pod.cluster : undefined, pod.namespace, pod.name),
  );
}

/**
 * Everything the GPU card shows: the pods' GPU requests and limits (from the Kubernetes
 * plugin), their nodes' allocatable GPUs (through its proxy, when allowed) and live usage
 * from Prometheus (through the Backstage proxy). Only the Kubernetes objects are required;
 * the rest degrades to "unknown" or to a message saying what is missing.
 */
export async function loadGpuUsage(
  deps: GpuUsageDeps,
  entity: Entity,
  settings: GpuSettings,
  nowMs: number = Date.now(),
): Promise<GpuUsageData> {
  const auth = await requestAuth(entity, deps);
  const response = await deps.kubernetesApi.getObjectsByEntity({ auth, entity });
  const allocation = gpuAllocation(response, deps.isGpuResource);
  const clusterErrors = clusterErrorsOf(response);
  const gpuPods = allocation.pods.filter(holdsGpus);

  const nodeNames = new Map<string, { cluster: string; node: string }>();
  for (const p of gpuPods)
    if (p.node) nodeNames.set(nodeKey(p.cluster, p.node), { cluster: p.cluster, node: p.node });
  const nodesPromise = Promise.all(
    [...nodeNames.entries()].map(
      async ([key, n]) => [key, await deps.nodes.load(n.cluster, n.node)] as const,
    ),
  );

  let usagePromise: Promise<UsageState>;
  if (gpuPods.length === 0) usagePromise = Promise.resolve({ state: 'none' });
  else if (settings.prometheusDisabled || !deps.prometheus)
    usagePromise = Promise.resolve({
      state: 'disabled',
      message: settings.prometheusDisabled ?? 'Prometheus is not configured.',
    });
  else usagePromise = loadUsage(gpuPods, deps.prometheus, settings, nowMs);

  const [nodes, usage] = await Promise.all([nodesPromise, usagePromise]);
  return { allocation, clusterErrors, nodes: new Map(nodes), usage };
}
