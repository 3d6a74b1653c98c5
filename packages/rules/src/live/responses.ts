import { asArray, asObject, asString, isObject } from '../util/json';

/**
 * The Backstage Kubernetes plugin's `ObjectsByEntityResponse` (from
 * `@backstage/plugin-kubernetes-common`), typed loosely: the rules core must not depend on
 * Backstage, and a response from any plugin version must load without throwing.
 */
export interface ObjectsByEntityResponseLike {
  items: readonly ClusterObjectsLike[];
}

export interface ClusterObjectsLike {
  cluster: { name: string; title?: string };
  resources: readonly { type: string; resources: readonly unknown[] }[];
  errors?: readonly unknown[];
}

/** One cluster of one or more responses, read defensively. */
export interface ClusterObjects {
  cluster: { name: string; title?: string };
  resources: { type: string; resources: readonly unknown[] }[];
  errors: unknown[];
}

/**
 * The clusters of a response, skipping whatever is not shaped like one; a cluster without a
 * name is `unknown` (its objects are still evaluated).
 */
export function clustersOf(response: unknown): ClusterObjects[] {
  const out: ClusterObjects[] = [];
  for (const raw of asArray(asObject(response)?.items)) {
    const item = asObject(raw);
    if (!item) continue;
    const cluster = asObject(item.cluster);
    const title = asString(cluster?.title);
    const resources: ClusterObjects['resources'] = [];
    for (const group of asArray(item.resources)) {
      if (!isObject(group)) continue;
      resources.push({ type: asString(group.type) ?? '', resources: asArray(group.resources) });
    }
    out.push({
      cluster: { name: asString(cluster?.name) ?? 'unknown', ...(title ? { title } : {}) },
      resources,
      errors: [...asArray(item.errors)],
    });
  }
  return out;
}

/**
 * The answers of several Kubernetes plugin calls for one entity (its objects and its custom
 * resources) as one response: one item per cluster, in order of appearance, with the resources
 * and errors of every answer. `undefined` answers (a call not made) are skipped.
 */
export function mergeObjectsResponses(...responses: unknown[]): { items: ClusterObjects[] } {
  const byCluster = new Map<string, ClusterObjects>();
  for (const response of responses) {
    for (const c of clustersOf(response)) {
      const into = byCluster.get(c.cluster.name);
      if (!into) {
        byCluster.set(c.cluster.name, c);
        continue;
      }
      into.resources.push(...c.resources);
      into.errors.push(...c.errors);
      if (!into.cluster.title && c.cluster.title) into.cluster.title = c.cluster.title;
    }
  }
  return { items: [...byCluster.values()] };
}
