import type { JsonObject } from '../model';
import type { LoadedManifest } from '../load/loader';
import { asArray, asObject, asString, getIn, isObject } from '../util/json';

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

/** A cluster that did not answer fully: shown beside the results of the others. */
export interface LiveClusterError {
  cluster: string;
  /** `NOT_FOUND`, `UNAUTHORIZED_ERROR`, `FETCH_ERROR`… as the plugin reports it. */
  errorType: string;
  statusCode?: number;
  resourcePath?: string;
  message: string;
}

export interface LiveLoadResult {
  manifests: LoadedManifest[];
  errors: LiveClusterError[];
  /** Objects per cluster, after dropping the ones whose controller is also present. */
  clusters: { name: string; objects: number }[];
}

/**
 * apiVersion of built-in kinds fetched as custom resources: the Kubernetes backend labels those
 * items with their kind only.
 */
const BUILT_IN_API_VERSIONS: Record<string, string> = {
  PodDisruptionBudget: 'policy/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  PersistentVolumeClaim: 'v1',
  ServiceAccount: 'v1',
  Secret: 'v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  LimitRange: 'v1',
  Ingress: 'networking.k8s.io/v1',
};

/** apiVersion and kind of the built-in object types, whose list items do not carry them. */
const BUILT_IN: Record<string, { apiVersion: string; kind: string }> = {
  pods: { apiVersion: 'v1', kind: 'Pod' },
  services: { apiVersion: 'v1', kind: 'Service' },
  configmaps: { apiVersion: 'v1', kind: 'ConfigMap' },
  limitranges: { apiVersion: 'v1', kind: 'LimitRange' },
  resourcequotas: { apiVersion: 'v1', kind: 'ResourceQuota' },
  deployments: { apiVersion: 'apps/v1', kind: 'Deployment' },
  replicasets: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  statefulsets: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  daemonsets: { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  horizontalpodautoscalers: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
  jobs: { apiVersion: 'batch/v1', kind: 'Job' },
  cronjobs: { apiVersion: 'batch/v1', kind: 'CronJob' },
  ingresses: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
};

function describeError(cluster: string, raw: unknown): LiveClusterError {
  const e = asObject(raw) ?? {};
  const errorType = asString(e.errorType) ?? 'UNKNOWN_ERROR';
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const resourcePath = asString(e.resourcePath);
  const detail = asString(e.message);
  const what = resourcePath ? ` fetching ${resourcePath}` : '';
  const message =
    detail ??
    (errorType === 'NOT_FOUND'
      ? `Not found${what} (is the custom resource definition installed on ${cluster}?)`
      : `${errorType}${statusCode !== undefined ? ` (HTTP ${statusCode})` : ''}${what}`);
  return {
    cluster,
    errorType,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(resourcePath ? { resourcePath } : {}),
    message,
  };
}

function uid(obj: JsonObject): string | undefined {
  return asString(getIn(obj, ['metadata', 'uid']));
}

function controllerUid(obj: JsonObject): string | undefined {
  for (const ref of asArray(getIn(obj, ['metadata', 'ownerReferences']))) {
    if (isObject(ref) && ref.controller === true) return asString(ref.uid);
  }
  return undefined;
}

/**
 * Turns the Kubernetes plugin's response into manifests for the same rules the files get.
 * An object whose controller is in the response is left out (a Deployment's ReplicaSets and
 * Pods repeat its template); everything else is kept, so nothing is checked twice or skipped.
 */
export function fromObjectsByEntity(
  response: ObjectsByEntityResponseLike | unknown,
): LiveLoadResult {
  const result: LiveLoadResult = { manifests: [], errors: [], clusters: [] };
  for (const rawCluster of asArray(asObject(response)?.items)) {
    const clusterObj = asObject(rawCluster);
    if (!clusterObj) continue;
    const cluster = asString(getIn(clusterObj, ['cluster', 'name'])) ?? 'unknown';
    for (const e of asArray(clusterObj.errors)) result.errors.push(describeError(cluster, e));

    const objects: JsonObject[] = [];
    const seen = new Set<string>();
    for (const group of asArray(clusterObj.resources)) {
      const g = asObject(group);
      const type = asString(g?.type) ?? '';
      const fallback = BUILT_IN[type];
      for (const item of asArray(g?.resources)) {
        if (!isObject(item)) continue;
        const kind = asString(item.kind) ?? fallback?.kind;
        const apiVersion =
          asString(item.apiVersion) ??
          fallback?.apiVersion ??
          (kind ? BUILT_IN_API_VERSIONS[kind] : undefined);
        if (!apiVersion || !kind) continue;
        const obj: JsonObject = { ...item, apiVersion, kind };
        const key =
          uid(obj) ??
          `${apiVersion}|${kind}|${String(getIn(obj, ['metadata', 'namespace']))}|${String(getIn(obj, ['metadata', 'name']))}`;
        if (seen.has(key)) continue;
        seen.add(key);
        objects.push(obj);
      }
    }
    const uids = new Set(objects.map(uid).filter((u): u is string => u !== undefined));
    let count = 0;
    for (const obj of objects) {
      const owner = controllerUid(obj);
      if (owner !== undefined && uids.has(owner)) continue;
      const apiVersion = obj.apiVersion as string;
      const metadata = asObject(obj.metadata) ?? {};
      const slash = apiVersion.indexOf('/');
      result.manifests.push({
        apiVersion,
        kind: obj.kind as string,
        group: slash < 0 ? '' : apiVersion.slice(0, slash),
        name: asString(metadata.name) ?? '',
        namespace: asString(metadata.namespace) || undefined,
        object: obj,
        origin: { type: 'live', cluster },
      });
      count++;
    }
    result.clusters.push({ name: cluster, objects: count });
  }
  return result;
}
