/**
 * The Kubernetes object types of live objects, and how the Backstage Kubernetes plugin names
 * them: built-in types arrive as `{ type: 'deployments', resources }` whose items carry no
 * `apiVersion`/`kind`; custom resources are asked for with `{ group, apiVersion, plural }` and
 * arrive as `{ type: 'customresources', resources }` whose items carry their kind.
 */

/** A built-in object type of the Kubernetes backend. */
export interface BuiltInResourceType {
  /** API group, `''` for the core group. */
  group: string;
  /** apiVersion of its objects: `v1`, `apps/v1`. */
  apiVersion: string;
  /** Plural resource name, as in the API path. */
  plural: string;
  kind: string;
}

/** A custom resource type to fetch (`getCustomObjectsByEntity`), and the kind of its objects. */
export interface CustomResourceSpec {
  /** API group, `''` for the core group (`v1`). */
  group: string;
  /** Version in the group, e.g. `v1beta1`. */
  apiVersion: string;
  /** Plural resource name, as in the API path: `inferenceservices`. */
  plural: string;
  /**
   * Kind of its objects: `InferenceService`. When left out, it is looked up among the built-in
   * types and {@link DEFAULT_CUSTOM_RESOURCES}; a type whose kind stays unknown is evaluated
   * but never counted as read completely (rules that conclude absence do not trust it).
   */
  kind?: string;
}

const type = (group: string, version: string, plural: string, kind: string) => ({
  group,
  apiVersion: group ? `${group}/${version}` : version,
  plural,
  kind,
});

/**
 * Every object type of the Kubernetes backend (its `DEFAULT_OBJECTS` and `ALL_OBJECTS`), by
 * the `type` of its fetch response.
 */
export const BUILT_IN_TYPES: Readonly<Record<string, BuiltInResourceType>> = {
  pods: type('', 'v1', 'pods', 'Pod'),
  services: type('', 'v1', 'services', 'Service'),
  configmaps: type('', 'v1', 'configmaps', 'ConfigMap'),
  secrets: type('', 'v1', 'secrets', 'Secret'),
  limitranges: type('', 'v1', 'limitranges', 'LimitRange'),
  resourcequotas: type('', 'v1', 'resourcequotas', 'ResourceQuota'),
  persistentvolumes: type('', 'v1', 'persistentvolumes', 'PersistentVolume'),
  persistentvolumeclaims: type('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  deployments: type('apps', 'v1', 'deployments', 'Deployment'),
  replicasets: type('apps', 'v1', 'replicasets', 'ReplicaSet'),
  statefulsets: type('apps', 'v1', 'statefulsets', 'StatefulSet'),
  daemonsets: type('apps', 'v1', 'daemonsets', 'DaemonSet'),
  horizontalpodautoscalers: type(
    'autoscaling',
    'v2',
    'horizontalpodautoscalers',
    'HorizontalPodAutoscaler',
  ),
  jobs: type('batch', 'v1', 'jobs', 'Job'),
  cronjobs: type('batch', 'v1', 'cronjobs', 'CronJob'),
  ingresses: type('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
};

/**
 * The types the Kubernetes backend fetches unless configured otherwise (its
 * `DEFAULT_OBJECTS`): what a response that lists no cluster at all was read for.
 */
export const DEFAULT_OBJECT_TYPES: readonly string[] = [
  'pods',
  'services',
  'configmaps',
  'limitranges',
  'resourcequotas',
  'deployments',
  'replicasets',
  'horizontalpodautoscalers',
  'jobs',
  'cronjobs',
  'ingresses',
  'statefulsets',
  'daemonsets',
];

const custom = (group: string, apiVersion: string, plural: string, kind: string) => ({
  group,
  apiVersion,
  plural,
  kind,
});

/**
 * What aigov reads for a service besides the Kubernetes plugin's default object types: the AI
 * workload kinds the rules understand, and the objects rules look for around a workload
 * (disruption budgets, network policies, volume claims, KEDA autoscalers, Prometheus Operator
 * monitors and alert rules). A type whose definition is not installed answers 404 and counts
 * as having no objects.
 */
export const DEFAULT_CUSTOM_RESOURCES: readonly Required<CustomResourceSpec>[] = [
  custom('serving.kserve.io', 'v1beta1', 'inferenceservices', 'InferenceService'),
  custom('ray.io', 'v1', 'rayclusters', 'RayCluster'),
  custom('ray.io', 'v1', 'rayservices', 'RayService'),
  custom('ray.io', 'v1', 'rayjobs', 'RayJob'),
  custom('kubeflow.org', 'v1', 'pytorchjobs', 'PyTorchJob'),
  custom('trainer.kubeflow.org', 'v1alpha1', 'trainjobs', 'TrainJob'),
  custom('leaderworkerset.x-k8s.io', 'v1', 'leaderworkersets', 'LeaderWorkerSet'),
  custom('jobset.x-k8s.io', 'v1alpha2', 'jobsets', 'JobSet'),
  custom('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget'),
  custom('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy'),
  custom('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  custom('keda.sh', 'v1alpha1', 'scaledobjects', 'ScaledObject'),
  custom('monitoring.coreos.com', 'v1', 'servicemonitors', 'ServiceMonitor'),
  custom('monitoring.coreos.com', 'v1', 'podmonitors', 'PodMonitor'),
  custom('monitoring.coreos.com', 'v1', 'prometheusrules', 'PrometheusRule'),
];

/**
 * apiVersion of built-in kinds by kind, for items of built-in kinds fetched as custom
 * resources, which the Kubernetes backend labels with their kind only.
 */
const BUILT_IN_KIND_API_VERSIONS: ReadonlyMap<string, string> = new Map([
  ...Object.values(BUILT_IN_TYPES).map((t): [string, string] => [t.kind, t.apiVersion]),
  ['PodDisruptionBudget', 'policy/v1'],
  ['NetworkPolicy', 'networking.k8s.io/v1'],
  ['ServiceAccount', 'v1'],
  ['Role', 'rbac.authorization.k8s.io/v1'],
  ['RoleBinding', 'rbac.authorization.k8s.io/v1'],
]);

export function builtInApiVersionOfKind(kind: string): string | undefined {
  return BUILT_IN_KIND_API_VERSIONS.get(kind);
}

/** `apiVersion` of an object of this resource: `v1`, `ray.io/v1`. */
export function apiVersionOf(resource: { group: string; apiVersion: string }): string {
  return resource.group ? `${resource.group}/${resource.apiVersion}` : resource.apiVersion;
}

function sameResource(
  a: { group: string; plural: string },
  b: { group: string; plural: string },
): boolean {
  return a.group === b.group && a.plural === b.plural;
}

/**
 * The kind of a custom resource's objects: its own `kind`, or the kind of the built-in type or
 * default custom resource with the same group and plural.
 */
export function kindOfCustomResource(resource: CustomResourceSpec): string | undefined {
  if (resource.kind) return resource.kind;
  for (const t of Object.values(BUILT_IN_TYPES)) if (sameResource(t, resource)) return t.kind;
  for (const c of DEFAULT_CUSTOM_RESOURCES) if (sameResource(c, resource)) return c.kind;
  return undefined;
}

/** The group and plural a Kubernetes API path lists, e.g. `/apis/ray.io/v1/namespaces/ml/rayjobs`. */
export function parseResourcePath(
  path: string | undefined,
): { group: string; plural: string } | undefined {
  if (!path) return undefined;
  const [pathname = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  let rest: string[];
  let group: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts[1] !== undefined && parts.length >= 4) {
    group = parts[1];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const plural = rest[0];
  return plural ? { group, plural } : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The kind a resource path lists, among the built-in types and the given custom resources (by
 * group and plural: the version does not change the kind).
 */
export function kindOfResourcePath(
  path: string | undefined,
  customResources: readonly CustomResourceSpec[],
): string | undefined {
  const resource = parseResourcePath(path);
  if (!resource) return undefined;
  for (const t of Object.values(BUILT_IN_TYPES)) if (sameResource(t, resource)) return t.kind;
  for (const c of customResources) if (sameResource(c, resource)) return kindOfCustomResource(c);
  return undefined;
}
