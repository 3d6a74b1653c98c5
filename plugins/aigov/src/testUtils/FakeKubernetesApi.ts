import { isObject } from '@aigov/rules';
import type { Entity } from '@backstage/catalog-model';
import type {
  CustomObjectsByEntityRequest,
  CustomResourceMatcher,
  FetchResponse,
  KubernetesErrorTypes,
  KubernetesFetchError,
  KubernetesRequestBody,
  ObjectsByEntityResponse,
  WorkloadsByEntityRequest,
} from '@backstage/plugin-kubernetes-common';
import type { KubernetesApi } from '@backstage/plugin-kubernetes-react';

/**
 * A stand-in for the Kubernetes plugin's `KubernetesApi` (the browser client of the Kubernetes
 * backend) over in-memory clusters. It answers the way the backend does, so components meet
 * the same shapes as in a portal:
 * - objects are selected by the entity's `backstage.io/kubernetes-id` label (or its
 *   `backstage.io/kubernetes-label-selector`, `k=v` terms) and namespace annotation;
 * - built-in list items lose `apiVersion`/`kind`, custom resource items get the list's kind;
 * - a resource that fails becomes `{ errorType, statusCode, resourcePath }` and is left out of
 *   `resources`; an unreachable cluster becomes one `FETCH_ERROR`;
 * - clusters with no objects and no errors are left out of the response;
 * - a failing backend throws the client's errors.
 * Every call is recorded.
 */

export interface FakeCluster {
  name: string;
  title?: string;
  /** Stored objects, with apiVersion and kind as in etcd. */
  objects?: Record<string, unknown>[];
  /** HTTP status per `group/plural` (`/pods` for the core group): 403, 404, 500… */
  failures?: Record<string, number>;
  /** The API server does not answer at all. */
  unreachable?: boolean;
  /** Nodes for the proxy, by name; a number is the HTTP status to answer with. */
  nodes?: Record<string, Record<string, unknown> | number>;
}

export interface FakeKubernetesApiOptions {
  clusters: FakeCluster[];
  /** The backend itself fails (`getObjectsByEntity` and the custom query throw). */
  backendError?: string;
  /** Only the custom resources query fails. */
  customQueryError?: string;
}

export type RecordedCall =
  | { method: 'getObjectsByEntity'; entity: string }
  | { method: 'getCustomObjectsByEntity'; entity: string; customResources: CustomResourceMatcher[] }
  | { method: 'proxy'; clusterName: string; path: string }
  | { method: 'getClusters' };

const DEFAULT_OBJECTS: (CustomResourceMatcher & { type: FetchResponse['type'] })[] = [
  ['', 'v1', 'pods'],
  ['', 'v1', 'services'],
  ['', 'v1', 'configmaps'],
  ['', 'v1', 'limitranges'],
  ['', 'v1', 'resourcequotas'],
  ['apps', 'v1', 'deployments'],
  ['apps', 'v1', 'replicasets'],
  ['autoscaling', 'v2', 'horizontalpodautoscalers'],
  ['batch', 'v1', 'jobs'],
  ['batch', 'v1', 'cronjobs'],
  ['networking.k8s.io', 'v1', 'ingresses'],
  ['apps', 'v1', 'statefulsets'],
  ['apps', 'v1', 'daemonsets'],
].map(([group = '', apiVersion = '', plural = '']) => ({
  group,
  apiVersion,
  plural,
  type: plural as FetchResponse['type'],
}));

/** Plural of a stored object's kind, as the API serves it. */
function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  if (lower.endsWith('s')) return `${lower}es`;
  return `${lower}s`;
}

function metadataOf(o: Record<string, unknown>): Record<string, unknown> {
  return isObject(o.metadata) ? o.metadata : {};
}

function selectorOf(entity: Entity): Record<string, string> {
  const annotations = entity.metadata.annotations ?? {};
  const query = annotations['backstage.io/kubernetes-label-selector'];
  if (query) {
    return Object.fromEntries(
      query
        .split(',')
        .map((term) => term.split('=').map((s) => s.trim()))
        .filter((kv): kv is [string, string] => kv.length === 2),
    );
  }
  const id = annotations['backstage.io/kubernetes-id'] ?? entity.metadata.name;
  return { 'backstage.io/kubernetes-id': id };
}

function resourcePath(m: CustomResourceMatcher, namespace: string | undefined): string {
  const base = m.group ? `/apis/${m.group}/${m.apiVersion}` : `/api/${m.apiVersion}`;
  return `${base}${namespace ? `/namespaces/${namespace}` : ''}/${m.plural}`;
}

function errorType(status: number): KubernetesErrorTypes {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401 || status === 403) return 'UNAUTHORIZED_ERROR';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 500) return 'SYSTEM_ERROR';
  return 'UNKNOWN_ERROR';
}

export class FakeKubernetesApi implements KubernetesApi {
  readonly calls: RecordedCall[] = [];

  constructor(private options: FakeKubernetesApiOptions) {}

  /** Changes what the clusters hold from now on (for refresh tests). */
  update(options: FakeKubernetesApiOptions): void {
    this.options = options;
  }

  private list(
    cluster: FakeCluster,
    m: CustomResourceMatcher,
    entity: Entity,
    custom: boolean,
  ): FetchResponse | KubernetesFetchError {
    const namespace = entity.metadata.annotations?.['backstage.io/kubernetes-namespace'];
    const status = cluster.failures?.[`${m.group}/${m.plural}`];
    if (status)
      return {
        errorType: errorType(status),
        statusCode: status,
        resourcePath: resourcePath(m, namespace),
      };
    const selector = selectorOf(entity);
    const wantedApiVersion = m.group ? `${m.group}/${m.apiVersion}` : m.apiVersion;
    const items = (cluster.objects ?? []).filter((o) => {
      const md = metadataOf(o);
      const labels = isObject(md.labels) ? md.labels : {};
      return (
        o.apiVersion === wantedApiVersion &&
        typeof o.kind === 'string' &&
        pluralOf(o.kind) === m.plural &&
        (!namespace || md.namespace === namespace) &&
        Object.entries(selector).every(([k, v]) => labels[k] === v)
      );
    });
    if (custom) return { type: 'customresources', resources: items.map((o) => structuredClone(o)) };
    const resources = items.map((o) => {
      const { apiVersion: _a, kind: _k, ...rest } = structuredClone(o);
      return rest;
    });
    return { type: m.plural, resources } as FetchResponse;
  }

  private fanOut(
    entity: Entity,
    matchers: readonly CustomResourceMatcher[],
    custom: boolean,
  ): ObjectsByEntityResponse {
    const items = this.options.clusters.map((cluster) => {
      const results = cluster.unreachable
        ? [
            {
              errorType: 'FETCH_ERROR' as const,
              message: `request to https://${cluster.name}.example:6443 failed, reason: connect ECONNREFUSED`,
            },
          ]
        : matchers.map((m) => this.list(cluster, m, entity, custom));
      const errors = results.filter((r): r is KubernetesFetchError => 'errorType' in r);
      const resources = results.filter((r): r is FetchResponse => 'type' in r);
      return {
        cluster: { name: cluster.name, ...(cluster.title ? { title: cluster.title } : {}) },
        resources,
        errors,
        podMetrics: [],
      };
    });
    return {
      items: items.filter(
        (c) => c.errors.length > 0 || c.resources.some((r) => r.resources.length > 0),
      ),
    };
  }

  async getObjectsByEntity(request: KubernetesRequestBody): Promise<ObjectsByEntityResponse> {
    this.calls.push({ method: 'getObjectsByEntity', entity: request.entity.metadata.name });
    if (this.options.backendError) throw new Error(this.options.backendError);
    return this.fanOut(request.entity, DEFAULT_OBJECTS, false);
  }

  async getCustomObjectsByEntity(
    request: CustomObjectsByEntityRequest,
  ): Promise<ObjectsByEntityResponse> {
    this.calls.push({
      method: 'getCustomObjectsByEntity',
      entity: request.entity.metadata.name,
      customResources: request.customResources,
    });
    if (this.options.backendError) throw new Error(this.options.backendError);
    if (this.options.customQueryError) throw new Error(this.options.customQueryError);
    return this.fanOut(request.entity, request.customResources, true);
  }

  async getWorkloadsByEntity(request: WorkloadsByEntityRequest): Promise<ObjectsByEntityResponse> {
    return this.getObjectsByEntity({ entity: request.entity });
  }

  async getClusters() {
    this.calls.push({ method: 'getClusters' });
    return this.options.clusters.map((c) => ({ name: c.name, authProvider: 'serviceAccount' }));
  }

  async getCluster(clusterName: string) {
    const c = this.options.clusters.find((x) => x.name === clusterName);
    return c && { name: c.name, authProvider: 'serviceAccount' };
  }

  async proxy(options: {
    clusterName: string;
    path: string;
    init?: RequestInit;
  }): Promise<Response> {
    this.calls.push({ method: 'proxy', clusterName: options.clusterName, path: options.path });
    const cluster = this.options.clusters.find((c) => c.name === options.clusterName);
    // The client looks the cluster up first and throws when it is not configured.
    if (!cluster) throw new Error(`Cluster ${options.clusterName} not found`);
    if (cluster.unreachable) return jsonResponse(502, { message: 'Bad Gateway' });
    const match = /^\/api\/v1\/nodes\/([^/]+)$/.exec(options.path);
    if (!match) return jsonResponse(404, { kind: 'Status', code: 404 });
    const node = cluster.nodes?.[decodeURIComponent(match[1] ?? '')];
    if (node === undefined)
      return jsonResponse(404, { kind: 'Status', reason: 'NotFound', code: 404 });
    if (typeof node === 'number') return jsonResponse(node, { kind: 'Status', code: node });
    return jsonResponse(200, node);
  }
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
