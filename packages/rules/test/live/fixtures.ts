import { DEFAULT_CUSTOM_RESOURCES, DEFAULT_OBJECT_TYPES } from '../../src/live/resource-types';
import { BUILT_IN_TYPES } from '../../src/live/resource-types';
import type { CustomResourceSpec } from '../../src/live/resource-types';
import type { LiveResponses } from '../../src/live/evaluate-live';

/**
 * Live objects as a cluster stores them, and the answers the Backstage Kubernetes backend gives
 * for them (`@backstage/plugin-kubernetes-backend`: KubernetesFanOutHandler, KubernetesFetcher,
 * KubernetesConnection), so that the rules core meets the shapes of a portal:
 * - objects are selected by the `backstage.io/kubernetes-id` label;
 * - one fetch response per type that answered, empty or not; built-in items lose `apiVersion`
 *   and `kind` (the API server lists them so); custom resource items get the list's kind, and
 *   keep their `apiVersion` only when the API server sends one (custom resource definitions do,
 *   built-in kinds fetched as custom resources do not);
 * - a type that fails becomes `{ errorType, statusCode, resourcePath }` (403 is
 *   `UNKNOWN_ERROR`, as `statusCodeToErrorType` says) and is left out of `resources`;
 * - an unreachable cluster becomes one `FETCH_ERROR` without a path;
 * - clusters with no objects and no errors are left out.
 */

export type Obj = Record<string, unknown>;

export const SERVICE_ID = 'llm-chat';
const LABELS = { app: 'llm', 'backstage.io/kubernetes-id': SERVICE_ID };

interface WorkloadOptions {
  name?: string;
  namespace?: string;
  replicas?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A vLLM Deployment: one GPU, no /dev/shm, no probes… enough to fail several rules. */
export function deployment({
  name = 'llm',
  namespace = 'ml',
  replicas = 2,
  labels = LABELS,
  annotations,
}: WorkloadOptions = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      uid: `uid-${namespace}-${name}`,
      labels,
      ...(annotations ? { annotations } : {}),
      generation: 3,
      creationTimestamp: '2025-06-02T08:00:00Z',
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { ...LABELS, app: name } },
        spec: {
          containers: [
            {
              name: 'vllm',
              image: 'vllm/vllm-openai:v0.6.3',
              args: ['--model=/models/llama-3.1-8b', '--port=8000'],
              ports: [{ name: 'http', containerPort: 8000 }],
              resources: {
                requests: { cpu: '4', memory: '32Gi' },
                limits: { 'nvidia.com/gpu': 1, memory: '32Gi' },
              },
            },
          ],
        },
      },
    },
    status: { replicas, readyReplicas: replicas, observedGeneration: 3 },
  };
}

function metadataOf(o: Obj): Obj {
  return o.metadata as Obj;
}

function ownerRef(owner: Obj): Obj {
  const md = metadataOf(owner);
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: md.name,
    uid: md.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The ReplicaSet of a Deployment's revision (`replicas: 0` for an old one). */
export function replicaSet(owner: Obj, hash = '7d9f', replicas?: number): Obj {
  const md = metadataOf(owner);
  const spec = owner.spec as Obj;
  const template = spec.template as Obj;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${String(md.name)}-${hash}`,
      namespace: md.namespace,
      uid: `${String(md.uid)}-rs-${hash}`,
      labels: { ...((template.metadata as Obj).labels as Obj), 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': hash === '7d9f' ? '3' : '2' },
      ownerReferences: [ownerRef(owner)],
    },
    spec: { ...spec, replicas: replicas ?? spec.replicas },
  };
}

/** A running pod of a ReplicaSet (or of any controller with a pod template). */
export function pod(owner: Obj, n: number, node = `gpu-node-${n}`): Obj {
  const md = metadataOf(owner);
  const template = (owner.spec as Obj).template as Obj;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${String(md.name)}-${n}`,
      namespace: md.namespace,
      uid: `${String(md.uid)}-pod-${n}`,
      labels: (template.metadata as Obj).labels,
      ownerReferences: [ownerRef(owner)],
    },
    spec: { ...(template.spec as Obj), nodeName: node },
    status: { phase: 'Running', podIP: `10.0.0.${n}` },
  };
}

/** Deployment, its current ReplicaSet and its pods, as the API server holds them. */
export function deploymentWithPods(options: WorkloadOptions = {}, pods = 2): Obj[] {
  const d = deployment({ replicas: pods, ...options });
  const rs = replicaSet(d);
  return [d, rs, ...Array.from({ length: pods }, (_, i) => pod(rs, i + 1))];
}

/** A pod with no owner (a debugging pod, a notebook). */
export function standalonePod(name: string, namespace = 'ml'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, labels: LABELS },
    spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
    status: { phase: 'Running' },
  };
}

export function networkPolicy(namespace = 'ml'): Obj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'llm', namespace, uid: `uid-np-${namespace}`, labels: LABELS },
    spec: {
      podSelector: { matchLabels: { app: 'llm' } },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 8000 }] }],
    },
  };
}

export function podDisruptionBudget(namespace = 'ml'): Obj {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'llm', namespace, uid: `uid-pdb-${namespace}`, labels: LABELS },
    spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'llm' } } },
  };
}

export function inferenceService(name = 'chat', namespace = 'ml'): Obj {
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace, uid: `uid-isvc-${name}`, labels: LABELS },
    spec: {
      predictor: {
        model: {
          modelFormat: { name: 'huggingface' },
          storageUri: 'pvc://models/llama-3.1-8b',
          resources: {
            requests: { cpu: '4', memory: '32Gi', 'nvidia.com/gpu': 1 },
            limits: { cpu: '4', memory: '32Gi', 'nvidia.com/gpu': 1 },
          },
        },
      },
    },
    status: { url: `http://${name}.${namespace}.example.com` },
  };
}

export interface FakeCluster {
  name: string;
  title?: string;
  objects?: Obj[];
  /** HTTP status per `group/plural` (`/pods` for the core group): 403, 404, 500… */
  failures?: Record<string, number>;
  unreachable?: boolean;
}

interface Resource {
  group: string;
  apiVersion: string;
  plural: string;
}

function statusCodeToErrorType(status: number): string {
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

function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  if (lower.endsWith('s')) return `${lower}es`;
  return `${lower}s`;
}

const BUILT_IN_API_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
]);

function fanOut(clusters: readonly FakeCluster[], resources: readonly Resource[], custom: boolean) {
  const items = clusters.map((cluster) => {
    const errors: Obj[] = [];
    const fetched: { type: string; resources: Obj[] }[] = [];
    if (cluster.unreachable) {
      errors.push({
        errorType: 'FETCH_ERROR',
        message: `request to https://${cluster.name}.example:6443/api/v1/pods failed, reason: connect ECONNREFUSED`,
      });
    } else {
      for (const r of resources) {
        const path = `${r.group ? `/apis/${r.group}/${r.apiVersion}` : `/api/${r.apiVersion}`}/${r.plural}`;
        const status = cluster.failures?.[`${r.group}/${r.plural}`];
        if (status) {
          errors.push({
            errorType: statusCodeToErrorType(status),
            statusCode: status,
            resourcePath: path,
          });
          continue;
        }
        const apiVersion = r.group ? `${r.group}/${r.apiVersion}` : r.apiVersion;
        const listed = (cluster.objects ?? []).filter((o) => {
          const labels = (metadataOf(o).labels ?? {}) as Obj;
          return (
            o.apiVersion === apiVersion &&
            pluralOf(String(o.kind)) === r.plural &&
            labels['backstage.io/kubernetes-id'] === SERVICE_ID
          );
        });
        const builtIn = BUILT_IN_API_GROUPS.has(r.group);
        fetched.push({
          type: custom ? 'customresources' : r.plural,
          resources: listed.map((o) => {
            const { apiVersion: a, kind: k, ...rest } = structuredClone(o);
            if (!custom) return rest;
            return builtIn ? { ...rest, kind: k } : { apiVersion: a, ...rest, kind: k };
          }),
        });
      }
    }
    return {
      cluster: { name: cluster.name, ...(cluster.title ? { title: cluster.title } : {}) },
      resources: fetched,
      errors,
      podMetrics: [],
    };
  });
  return {
    items: items.filter((c) => c.errors.length > 0 || c.resources.some((r) => r.resources.length)),
  };
}

/** The Kubernetes backend's `POST /services/:entityName` with its default object types. */
export function objectsAnswer(clusters: readonly FakeCluster[]) {
  return fanOut(
    clusters,
    DEFAULT_OBJECT_TYPES.map((t) => BUILT_IN_TYPES[t] as Resource).map((t) => ({
      ...t,
      apiVersion: t.apiVersion.split('/').pop() as string,
    })),
    false,
  );
}

/** The Kubernetes backend's `POST /resources/custom/query`. */
export function customAnswer(
  clusters: readonly FakeCluster[],
  customResources: readonly CustomResourceSpec[] = DEFAULT_CUSTOM_RESOURCES,
) {
  return fanOut(clusters, customResources, true);
}

/** Both answers, as the entity page and the backend's scoring read them. */
export function answers(
  clusters: readonly FakeCluster[],
  options: { customResources?: readonly CustomResourceSpec[]; customError?: string } = {},
): LiveResponses {
  const customResources = options.customResources ?? DEFAULT_CUSTOM_RESOURCES;
  if (options.customError !== undefined)
    return {
      workloads: objectsAnswer(clusters),
      customResources,
      customError: options.customError,
    };
  return {
    workloads: objectsAnswer(clusters),
    custom: customAnswer(clusters, customResources),
    customResources,
  };
}
