import type { KubeObject } from '../util/json';
import { asString, getIn, groupOf, versionOf } from '../util/json';

/** One resource the server can list: what discovery advertises for it. */
export interface ResourceType {
  group: string;
  version: string;
  /** The path segment: `pods`, `inferenceservices`. */
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  /**
   * Compiled into the API server. Its list items carry no `apiVersion`/`kind` (the list does);
   * a custom resource's items carry both, as the API server stores them.
   */
  builtIn: boolean;
  /** Field selectors beyond `metadata.name` and `metadata.namespace`, with their value. */
  fields?: Readonly<Record<string, (obj: KubeObject) => string>>;
}

const READ_VERBS = ['get', 'list'];

function podField(path: readonly string[]): (obj: KubeObject) => string {
  return (obj) => asString(getIn(obj, path)) ?? '';
}

function t(
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced: boolean,
  shortNames?: string[],
): ResourceType {
  return {
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    ...(shortNames ? { shortNames } : {}),
    builtIn: true,
  };
}

/** The built-in resources this server answers for (one served version each). */
export const BUILT_IN_RESOURCES: readonly ResourceType[] = [
  {
    ...t('', 'v1', 'pods', 'Pod', true, ['po']),
    fields: {
      'spec.nodeName': podField(['spec', 'nodeName']),
      'spec.restartPolicy': podField(['spec', 'restartPolicy']),
      'spec.schedulerName': podField(['spec', 'schedulerName']),
      'spec.serviceAccountName': podField(['spec', 'serviceAccountName']),
      'status.phase': podField(['status', 'phase']),
      'status.podIP': podField(['status', 'podIP']),
      'status.nominatedNodeName': podField(['status', 'nominatedNodeName']),
    },
  },
  t('', 'v1', 'services', 'Service', true, ['svc']),
  t('', 'v1', 'configmaps', 'ConfigMap', true, ['cm']),
  t('', 'v1', 'secrets', 'Secret', true),
  t('', 'v1', 'serviceaccounts', 'ServiceAccount', true, ['sa']),
  t('', 'v1', 'endpoints', 'Endpoints', true, ['ep']),
  t('', 'v1', 'events', 'Event', true, ['ev']),
  t('', 'v1', 'limitranges', 'LimitRange', true, ['limits']),
  t('', 'v1', 'resourcequotas', 'ResourceQuota', true, ['quota']),
  t('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc']),
  t('', 'v1', 'persistentvolumes', 'PersistentVolume', false, ['pv']),
  t('', 'v1', 'namespaces', 'Namespace', false, ['ns']),
  t('', 'v1', 'nodes', 'Node', false, ['no']),
  t('apps', 'v1', 'deployments', 'Deployment', true, ['deploy']),
  t('apps', 'v1', 'replicasets', 'ReplicaSet', true, ['rs']),
  t('apps', 'v1', 'statefulsets', 'StatefulSet', true, ['sts']),
  t('apps', 'v1', 'daemonsets', 'DaemonSet', true, ['ds']),
  t('apps', 'v1', 'controllerrevisions', 'ControllerRevision', true),
  t('batch', 'v1', 'jobs', 'Job', true),
  t('batch', 'v1', 'cronjobs', 'CronJob', true, ['cj']),
  t('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa']),
  t('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, ['ing']),
  t('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, ['netpol']),
  t('networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false),
  t('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, ['pdb']),
  t('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, ['pc']),
  t('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, ['sc']),
  t('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true),
  t('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  t('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  t('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  t('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, [
    'crd',
    'crds',
  ]),
];

function crd(
  group: string,
  version: string,
  plural: string,
  kind: string,
  shortNames?: string[],
): ResourceType {
  return { ...t(group, version, plural, kind, true, shortNames), builtIn: false };
}

/** Custom resources of the AI stack the demo knows; a group is served when it is installed. */
export const KNOWN_CUSTOM_RESOURCES: readonly ResourceType[] = [
  crd('serving.kserve.io', 'v1beta1', 'inferenceservices', 'InferenceService', ['isvc']),
  crd('ray.io', 'v1', 'rayclusters', 'RayCluster'),
  crd('ray.io', 'v1', 'rayjobs', 'RayJob'),
  crd('ray.io', 'v1', 'rayservices', 'RayService'),
  crd('kubeflow.org', 'v1', 'pytorchjobs', 'PyTorchJob'),
  crd('kubeflow.org', 'v1', 'tfjobs', 'TFJob'),
  crd('kubeflow.org', 'v1', 'xgboostjobs', 'XGBoostJob'),
  crd('monitoring.coreos.com', 'v1', 'servicemonitors', 'ServiceMonitor', ['smon']),
  crd('monitoring.coreos.com', 'v1', 'podmonitors', 'PodMonitor', ['pmon']),
  crd('monitoring.coreos.com', 'v1', 'prometheusrules', 'PrometheusRule', ['promrule']),
];

/** The resources of the metrics API (metrics-server), computed rather than stored. */
export const METRICS_RESOURCES: readonly ResourceType[] = [
  { ...t('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', true), builtIn: true },
  { ...t('metrics.k8s.io', 'v1beta1', 'nodes', 'NodeMetrics', false), builtIn: true },
];

/** The English plural the API server uses for a kind when a CRD does not say otherwise. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The resource type of an object of a kind that no table names: a namespaced custom resource. */
export function customResourceFor(obj: KubeObject): ResourceType {
  return {
    group: groupOf(obj.apiVersion),
    version: versionOf(obj.apiVersion),
    plural: pluralOf(obj.kind),
    singular: obj.kind.toLowerCase(),
    kind: obj.kind,
    namespaced: obj.metadata.namespace !== undefined,
    builtIn: false,
  };
}

export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export { READ_VERBS };
