import { isObject } from '@aigov/rules';
import type { KubernetesApi } from '@backstage/plugin-kubernetes-react';
import { parseDeviceCount } from '../lib/gpu/resources';

/** A node's GPU capacity, or why it is not known. */
export type NodeGpus =
  | { known: true; allocatable: Record<string, number> }
  | { known: false; reason: 'forbidden' | 'not-found' | 'error' };

/**
 * Reads nodes through the Kubernetes plugin's proxy (`/api/v1/nodes/<name>`) and keeps the
 * answers: node capacity changes rarely, and a 403 (the proxy or RBAC does not allow node
 * reads) will not change between refreshes either. Never throws.
 */
export class NodeGpuLoader {
  private readonly cache = new Map<string, Promise<NodeGpus>>();

  constructor(
    private readonly kubernetesApi: KubernetesApi,
    private readonly isGpuResource: (resource: string) => boolean,
  ) {}

  load(clusterName: string, nodeName: string): Promise<NodeGpus> {
    const key = `${clusterName}|${nodeName}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.fetch(clusterName, nodeName);
      this.cache.set(key, pending);
      // Errors other than 403/404 may be transient: ask again on the next refresh.
      pending.then((r) => {
        if (!r.known && r.reason === 'error') this.cache.delete(key);
      });
    }
    return pending;
  }

  private async fetch(clusterName: string, nodeName: string): Promise<NodeGpus> {
    try {
      const response = await this.kubernetesApi.proxy({
        clusterName,
        path: `/api/v1/nodes/${encodeURIComponent(nodeName)}`,
      });
      if (response.status === 401 || response.status === 403)
        return { known: false, reason: 'forbidden' };
      if (response.status === 404) return { known: false, reason: 'not-found' };
      if (!response.ok) return { known: false, reason: 'error' };
      const node: unknown = await response.json();
      const status = isObject(node) && isObject(node.status) ? node.status : {};
      const allocatable = isObject(status.allocatable) ? status.allocatable : {};
      const gpus: Record<string, number> = {};
      for (const [resource, value] of Object.entries(allocatable)) {
        const n = parseDeviceCount(value);
        if (this.isGpuResource(resource) && n !== undefined) gpus[resource] = n;
      }
      return { known: true, allocatable: gpus };
    } catch {
      return { known: false, reason: 'error' };
    }
  }
}
