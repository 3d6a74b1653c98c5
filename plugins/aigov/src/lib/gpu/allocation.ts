import { isObject } from '@aigov/rules';
import { classifyGpuResource, parseDeviceCount } from './resources';
import type { GpuShareKind } from './resources';

/** One GPU resource a container names in its requests or limits. */
export interface ContainerGpuResource {
  resource: string;
  kind: GpuShareKind;
  profile?: string;
  /** As written, when it is not a whole number (shown, never counted). */
  invalid?: string;
  request?: number;
  limit?: number;
}

export interface ContainerGpus {
  name: string;
  init: boolean;
  resources: ContainerGpuResource[];
}

export interface PodGpus {
  cluster: string;
  namespace: string;
  name: string;
  /** `spec.nodeName`; undefined while the pod is not scheduled. */
  node?: string;
  phase?: string;
  /** Only the containers that name a GPU resource. */
  containers: ContainerGpus[];
  /**
   * Devices (or slices, or shares) the pod holds per resource: the sum over app containers,
   * or the largest init container when that is more (as the scheduler counts).
   */
  allocated: Record<string, number>;
}

export interface GpuAllocation {
  /** Pods that name a GPU resource, by cluster, namespace and name. */
  pods: PodGpus[];
  /** Pods read, with or without GPUs. */
  totalPods: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function containerGpus(
  raw: unknown,
  init: boolean,
  isGpuResource: (r: string) => boolean,
): ContainerGpus | undefined {
  if (!isObject(raw)) return undefined;
  const resources = isObject(raw.resources) ? raw.resources : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const names = [...new Set([...Object.keys(requests), ...Object.keys(limits)])]
    .filter(isGpuResource)
    .sort();
  if (names.length === 0) return undefined;
  return {
    name: str(raw.name) ?? '(unnamed)',
    init,
    resources: names.map((resource) => {
      const request = parseDeviceCount(requests[resource]);
      const limit = parseDeviceCount(limits[resource]);
      const badValue = [requests[resource], limits[resource]].find(
        (v) => v !== undefined && parseDeviceCount(v) === undefined,
      );
      return {
        resource,
        ...classifyGpuResource(resource),
        // Kubernetes defaults the request of an extended resource to its limit.
        ...(request !== undefined ? { request } : limit !== undefined ? { request: limit } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(badValue !== undefined ? { invalid: String(badValue) } : {}),
      };
    }),
  };
}

function allocatedOf(containers: readonly ContainerGpus[]): Record<string, number> {
  const app: Record<string, number> = {};
  const init: Record<string, number> = {};
  for (const c of containers) {
    for (const r of c.resources) {
      const n = r.limit ?? r.request ?? 0;
      if (c.init) init[r.resource] = Math.max(init[r.resource] ?? 0, n);
      else app[r.resource] = (app[r.resource] ?? 0) + n;
    }
  }
  const out: Record<string, number> = { ...app };
  for (const [k, v] of Object.entries(init)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

/**
 * The GPUs each pod of an `ObjectsByEntityResponse` holds, per container. Pods without GPU
 * resources are counted but not listed. Tolerates malformed responses.
 */
export function gpuAllocation(
  response: unknown,
  isGpuResource: (resource: string) => boolean,
): GpuAllocation {
  const pods: PodGpus[] = [];
  let totalPods = 0;
  const items = isObject(response) && Array.isArray(response.items) ? response.items : [];
  for (const item of items) {
    if (!isObject(item) || !isObject(item.cluster)) continue;
    const cluster = str(item.cluster.name) ?? 'unknown';
    const groups = Array.isArray(item.resources) ? item.resources : [];
    for (const group of groups) {
      if (!isObject(group) || group.type !== 'pods' || !Array.isArray(group.resources)) continue;
      for (const pod of group.resources) {
        if (!isObject(pod)) continue;
        totalPods++;
        const metadata = isObject(pod.metadata) ? pod.metadata : {};
        const spec = isObject(pod.spec) ? pod.spec : {};
        const status = isObject(pod.status) ? pod.status : {};
        const containers = [
          ...(Array.isArray(spec.initContainers) ? spec.initContainers : []).map((c) =>
            containerGpus(c, true, isGpuResource),
          ),
          ...(Array.isArray(spec.containers) ? spec.containers : []).map((c) =>
            containerGpus(c, false, isGpuResource),
          ),
        ].filter((c): c is ContainerGpus => c !== undefined);
        if (containers.length === 0) continue;
        const node = str(spec.nodeName);
        const phase = str(status.phase);
        pods.push({
          cluster,
          namespace: str(metadata.namespace) ?? 'default',
          name: str(metadata.name) ?? '(unnamed)',
          ...(node ? { node } : {}),
          ...(phase ? { phase } : {}),
          containers,
          allocated: allocatedOf(containers),
        });
      }
    }
  }
  pods.sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return { pods, totalPods };
}

/** Whether the pod holds at least one device, slice or share. */
export function holdsGpus(pod: PodGpus): boolean {
  return Object.values(pod.allocated).some((n) => n > 0);
}
