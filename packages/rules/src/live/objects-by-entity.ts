import type { JsonObject } from '../model';
import type { LoadedManifest } from '../load/loader';
import { asArray, asObject, asString, getIn, isObject } from '../util/json';
import {
  BUILT_IN_TYPES,
  apiVersionOf,
  builtInApiVersionOfKind,
  kindOfCustomResource,
} from './resource-types';
import type { CustomResourceSpec } from './resource-types';
import { clustersOf } from './responses';
import type { ClusterObjects, ObjectsByEntityResponseLike } from './responses';

export type { ClusterObjectsLike, ObjectsByEntityResponseLike } from './responses';

/** A cluster that did not answer fully: shown beside the results of the others. */
export interface LiveClusterError {
  cluster: string;
  /** `NOT_FOUND`, `UNAUTHORIZED_ERROR`, `FETCH_ERROR`… as the plugin reports it. */
  errorType: string;
  statusCode?: number;
  resourcePath?: string;
  message: string;
}

/** A cluster of the response, with the objects evaluated there. */
export interface LiveCluster {
  name: string;
  title?: string;
  /** Objects kept: what a present controller owns, or a sibling stands for, is not counted. */
  objects: number;
}

export interface LiveLoadResult {
  manifests: LoadedManifest[];
  /** Per cluster and resource, as the plugin reported them; the same error is said once. */
  errors: LiveClusterError[];
  clusters: LiveCluster[];
  /**
   * For a manifest kept for its siblings (the pods of one controller that is not in the
   * response), how many objects it stands for, itself included. Others are not listed.
   */
  replicas: Map<LoadedManifest, number>;
}

export interface LiveLoadOptions {
  /**
   * The custom resources that were asked for: their items get the apiVersion the Kubernetes
   * backend may leave out (it sets `kind` from the list, not `apiVersion`).
   */
  customResources?: readonly CustomResourceSpec[];
}

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

/** The errors of a cluster, each said once (an unreachable cluster fails every request alike). */
function describeErrors(cluster: string, raw: readonly unknown[]): LiveClusterError[] {
  const seen = new Set<string>();
  const out: LiveClusterError[] = [];
  for (const e of raw) {
    const described = describeError(cluster, e);
    const key = [
      described.errorType,
      described.statusCode,
      described.resourcePath,
      described.message,
    ].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(described);
  }
  return out;
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
 * Labels operators put on pods that tell apart the roles of one controller (a PyTorchJob's
 * master and workers, a RayCluster's groups, a LeaderWorkerSet's leader): pods of different
 * roles run different templates and must not stand for each other.
 */
const ROLE_LABELS = [
  'pod-template-hash',
  'controller-revision-hash',
  'training.kubeflow.org/replica-type',
  'ray.io/node-type',
  'ray.io/group',
  'jobset.sigs.k8s.io/replicatedjob-name',
  'component',
] as const;
const LWS_WORKER_INDEX = 'leaderworkerset.sigs.k8s.io/worker-index';

/** The controller and role an object shares with the siblings it may stand for. */
function siblingKey(obj: JsonObject, owner: string): string {
  const labels = asObject(getIn(obj, ['metadata', 'labels'])) ?? {};
  const role = ROLE_LABELS.map((l) => asString(labels[l]) ?? '');
  const workerIndex = asString(labels[LWS_WORKER_INDEX]);
  role.push(workerIndex === undefined ? '' : workerIndex === '0' ? 'leader' : 'worker');
  return [owner, asString(obj.kind) ?? '', ...role].join('\u0000');
}

/** A ReplicaSet or StatefulSet scaled to zero: a Deployment keeps its old ones for rollbacks. */
function scaledToZero(obj: JsonObject): boolean {
  return getIn(obj, ['spec', 'replicas']) === 0;
}

/**
 * The objects of one cluster with apiVersion and kind, each once (by uid, or by identity when
 * it has none), in the order of the response.
 */
function objectsOf(
  cluster: ClusterObjects,
  apiVersionByKind: ReadonlyMap<string, string>,
): JsonObject[] {
  const objects: JsonObject[] = [];
  const seen = new Set<string>();
  for (const group of cluster.resources) {
    const builtIn = BUILT_IN_TYPES[group.type];
    const isCustom = group.type === 'customresources';
    for (const item of group.resources) {
      if (!isObject(item)) continue;
      const kind = asString(item.kind) ?? builtIn?.kind;
      if (!kind) continue;
      const apiVersion =
        asString(item.apiVersion) ??
        builtIn?.apiVersion ??
        (isCustom ? apiVersionByKind.get(kind) : undefined) ??
        builtInApiVersionOfKind(kind);
      if (!apiVersion) continue;
      const obj: JsonObject =
        item.apiVersion === apiVersion && item.kind === kind ? item : { ...item, apiVersion, kind };
      const key =
        uid(obj) ??
        `${apiVersion}|${kind}|${String(getIn(obj, ['metadata', 'namespace']))}|${String(getIn(obj, ['metadata', 'name']))}`;
      if (seen.has(key)) continue;
      seen.add(key);
      objects.push(obj);
    }
  }
  return objects;
}

/**
 * Which objects to evaluate: an object whose controller is in the response is left out (a
 * Deployment's ReplicaSets and pods repeat its template); of the objects of one controller and
 * role that is not in the response (pods whose ReplicaSet does not carry the entity's label),
 * one stands for all, preferring one that is not scaled to zero (a Deployment's old ReplicaSets). Returns
 * the kept objects with the number each stands for.
 */
function keptObjects(objects: readonly JsonObject[]): { obj: JsonObject; count: number }[] {
  const uids = new Set<string>();
  for (const obj of objects) {
    const u = uid(obj);
    if (u !== undefined) uids.add(u);
  }
  const kept: { obj: JsonObject; count: number }[] = [];
  const siblings = new Map<string, JsonObject[]>();
  for (const obj of objects) {
    const owner = controllerUid(obj);
    if (owner === undefined) {
      kept.push({ obj, count: 1 });
      continue;
    }
    if (uids.has(owner)) continue;
    const key = siblingKey(obj, owner);
    const group = siblings.get(key);
    if (group) {
      group.push(obj);
      continue;
    }
    siblings.set(key, [obj]);
    // Placeholder at the first sibling's position: the order of the response is kept.
    kept.push({ obj, count: 0 });
  }
  return kept.map((k) => {
    if (k.count > 0) return k;
    const all = siblings.get(siblingKey(k.obj, controllerUid(k.obj) as string)) as JsonObject[];
    const running = all.filter((o) => !scaledToZero(o));
    const pool = running.length > 0 ? running : all;
    return { obj: pool[0] as JsonObject, count: pool.length };
  });
}

/**
 * The cluster errors of the Kubernetes plugin's response, each said once per cluster, as
 * {@link fromObjectsByEntity} reports them, without loading any object. Never throws because of
 * its input.
 */
export function clusterErrorsOf(
  response: ObjectsByEntityResponseLike | unknown,
): LiveClusterError[] {
  return clustersOf(response).flatMap((c) => describeErrors(c.cluster.name, c.errors));
}

/**
 * Turns the Kubernetes plugin's response into manifests for the same rules the files get, each
 * workload once: objects whose controller is in the response are left out, and the objects of
 * a controller that is not are checked through one of them. Built-in items get the apiVersion
 * and kind their list leaves out, custom resource items the apiVersion of the resource asked
 * for. Never throws because of its input.
 */
export function fromObjectsByEntity(
  response: ObjectsByEntityResponseLike | unknown,
  options: LiveLoadOptions = {},
): LiveLoadResult {
  const apiVersionByKind = new Map<string, string>();
  for (const c of options.customResources ?? []) {
    const kind = kindOfCustomResource(c);
    if (kind && !apiVersionByKind.has(kind)) apiVersionByKind.set(kind, apiVersionOf(c));
  }
  const result: LiveLoadResult = { manifests: [], errors: [], clusters: [], replicas: new Map() };
  for (const c of clustersOf(response)) {
    const cluster = c.cluster.name;
    result.errors.push(...describeErrors(cluster, c.errors));
    const kept = keptObjects(objectsOf(c, apiVersionByKind));
    for (const { obj, count } of kept) {
      const apiVersion = obj.apiVersion as string;
      const metadata = asObject(obj.metadata) ?? {};
      const slash = apiVersion.indexOf('/');
      const manifest: LoadedManifest = {
        apiVersion,
        kind: obj.kind as string,
        group: slash < 0 ? '' : apiVersion.slice(0, slash),
        name: asString(metadata.name) ?? '',
        namespace: asString(metadata.namespace) || undefined,
        object: obj,
        origin: { type: 'live', cluster },
      };
      result.manifests.push(manifest);
      if (count > 1) result.replicas.set(manifest, count);
    }
    result.clusters.push({
      name: cluster,
      ...(c.cluster.title ? { title: c.cluster.title } : {}),
      objects: kept.length,
    });
  }
  return result;
}
