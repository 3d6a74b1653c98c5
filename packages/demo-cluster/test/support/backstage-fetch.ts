/**
 * What the Backstage Kubernetes backend (`@backstage/plugin-kubernetes-backend` 0.21.15,
 * `KubernetesClientBasedFetcher.fetchObjectsForService` and `KubernetesFanOutHandler`) does for
 * one entity and one cluster, reproduced without Backstage: the same object types, paths,
 * `labelSelector`, bearer token, list-to-resources transformation (custom resources get the
 * list's kind, nothing else is added) and error records. Its result has the shape of an
 * `ObjectsByEntityResponse` item.
 */

export interface ObjectToFetch {
  group: string;
  apiVersion: string;
  plural: string;
  objectType: string;
}

/** `DEFAULT_OBJECTS` of the Kubernetes backend, in its order. */
export const BACKSTAGE_DEFAULT_OBJECTS: readonly ObjectToFetch[] = [
  { group: '', apiVersion: 'v1', plural: 'pods', objectType: 'pods' },
  { group: '', apiVersion: 'v1', plural: 'services', objectType: 'services' },
  { group: '', apiVersion: 'v1', plural: 'configmaps', objectType: 'configmaps' },
  { group: '', apiVersion: 'v1', plural: 'limitranges', objectType: 'limitranges' },
  { group: '', apiVersion: 'v1', plural: 'resourcequotas', objectType: 'resourcequotas' },
  { group: 'apps', apiVersion: 'v1', plural: 'deployments', objectType: 'deployments' },
  { group: 'apps', apiVersion: 'v1', plural: 'replicasets', objectType: 'replicasets' },
  {
    group: 'autoscaling',
    apiVersion: 'v2',
    plural: 'horizontalpodautoscalers',
    objectType: 'horizontalpodautoscalers',
  },
  { group: 'batch', apiVersion: 'v1', plural: 'jobs', objectType: 'jobs' },
  { group: 'batch', apiVersion: 'v1', plural: 'cronjobs', objectType: 'cronjobs' },
  { group: 'networking.k8s.io', apiVersion: 'v1', plural: 'ingresses', objectType: 'ingresses' },
  { group: 'apps', apiVersion: 'v1', plural: 'statefulsets', objectType: 'statefulsets' },
  { group: 'apps', apiVersion: 'v1', plural: 'daemonsets', objectType: 'daemonsets' },
];

export interface FetchError {
  errorType: string;
  statusCode: number;
  resourcePath: string;
}

export interface ClusterObjects {
  cluster: { name: string };
  resources: { type: string; resources: Record<string, unknown>[] }[];
  errors: FetchError[];
  podMetrics: unknown[];
}

export interface EntityFetch {
  clusterUrl: string;
  clusterName?: string;
  token: string;
  /** `backstage.io/kubernetes-id`. */
  kubernetesId: string;
  /** `backstage.io/kubernetes-namespace`, when the entity has it. */
  namespace?: string;
  customResources?: readonly { group: string; apiVersion: string; plural: string }[];
  objectTypes?: readonly ObjectToFetch[];
}

function errorType(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED_ERROR';
    case 404:
      return 'NOT_FOUND';
    case 500:
      return 'SYSTEM_ERROR';
    default:
      return 'UNKNOWN_ERROR';
  }
}

export function resourcePath(
  o: Pick<ObjectToFetch, 'group' | 'apiVersion' | 'plural'>,
  namespace?: string,
): string {
  const encode = encodeURIComponent;
  let path = o.group
    ? `/apis/${encode(o.group)}/${encode(o.apiVersion)}`
    : `/api/${encode(o.apiVersion)}`;
  if (namespace) path += `/namespaces/${encode(namespace)}`;
  return `${path}/${encode(o.plural)}`;
}

/** The objects of one entity on one cluster, as the Kubernetes backend returns them. */
export async function fetchObjectsForEntity(input: EntityFetch): Promise<ClusterObjects> {
  const types: ObjectToFetch[] = [
    ...(input.objectTypes ?? BACKSTAGE_DEFAULT_OBJECTS),
    ...(input.customResources ?? []).map((c) => ({ ...c, objectType: 'customresources' })),
  ];
  const labelSelector = `backstage.io/kubernetes-id=${input.kubernetesId}`;
  const results = await Promise.all(
    types.map(async (t) => {
      const path = resourcePath(t, input.namespace);
      const res = await fetch(
        `${input.clusterUrl}${path}?labelSelector=${encodeURIComponent(labelSelector)}`,
        {
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            Authorization: `Bearer ${input.token}`,
          },
          redirect: 'manual',
        },
      );
      if (!res.ok) {
        await res.text();
        return {
          error: { errorType: errorType(res.status), statusCode: res.status, resourcePath: path },
        };
      }
      const { kind, items } = (await res.json()) as {
        kind?: string;
        items: Record<string, unknown>[];
      };
      const itemKind = kind?.replace(/(List)$/, '');
      if (t.objectType === 'customresources') {
        if (itemKind === undefined)
          throw new Error(`Missing kind in response when fetching '${t.plural}'`);
        return {
          response: {
            type: t.objectType,
            resources: items.map((item) => ({ ...item, kind: itemKind })),
          },
        };
      }
      return { response: { type: t.objectType, resources: items } };
    }),
  );
  return {
    cluster: { name: input.clusterName ?? 'demo' },
    resources: results.flatMap((r) => (r.response ? [r.response] : [])),
    errors: results.flatMap((r) => (r.error ? [r.error] : [])),
    podMetrics: [],
  };
}
