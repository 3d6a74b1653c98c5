import type { Entity } from '@backstage/catalog-model';

/** Objects as a cluster stores them, for tests and the dev app. */

export const SERVICE_ID = 'llm-chat';
const LABELS = { app: 'llm', 'backstage.io/kubernetes-id': SERVICE_ID };

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: SERVICE_ID,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': SERVICE_ID },
  },
  spec: { type: 'service', owner: 'group:default/ml', lifecycle: 'production' },
};

export const entityWithoutAnnotations: Entity = {
  ...entity,
  metadata: { name: 'docs-site', namespace: 'default' },
};

type Obj = Record<string, unknown>;

export interface GpuOptions {
  /** Resources of the `vllm` container. */
  resources?: Obj;
  replicas?: number;
  namespace?: string;
  name?: string;
}

/** A vLLM Deployment: one GPU, no /dev/shm, no probes… enough to fail several rules. */
export function deployment({
  name = 'llm',
  namespace = 'ml',
  replicas = 2,
  resources = {
    limits: { 'nvidia.com/gpu': 1, memory: '32Gi' },
    requests: { cpu: '4', memory: '32Gi' },
  },
}: GpuOptions = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, uid: `uid-${name}`, labels: LABELS },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'llm' } },
      template: {
        metadata: { labels: { app: 'llm' } },
        spec: {
          containers: [
            {
              name: 'vllm',
              image: 'vllm/vllm-openai:v0.6.3',
              ports: [{ containerPort: 8000 }],
              resources,
            },
          ],
        },
      },
    },
  };
}

export function replicaSet(owner: Obj): Obj {
  const md = owner.metadata as Obj;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${md.name}-7d9f`,
      namespace: md.namespace,
      uid: `uid-${md.name}-rs`,
      labels: LABELS,
      ownerReferences: [{ kind: 'Deployment', name: md.name, uid: md.uid, controller: true }],
    },
    spec: owner.spec,
  };
}

/** A pod of `owner` on `node` (`null`: not scheduled yet). */
export function pod(owner: Obj, n: number, node: string | null = `gpu-node-${n}`): Obj {
  const md = owner.metadata as Obj;
  const spec = ((owner.spec as Obj).template as Obj).spec as Obj;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${md.name}-7d9f-${n}`,
      namespace: md.namespace,
      uid: `uid-${md.name}-pod-${n}`,
      labels: LABELS,
      ownerReferences: [
        { kind: 'ReplicaSet', name: `${md.name}-7d9f`, uid: `uid-${md.name}-rs`, controller: true },
      ],
    },
    spec: { ...spec, ...(node ? { nodeName: node } : {}) },
    status: { phase: node ? 'Running' : 'Pending' },
  };
}

/** Deployment, ReplicaSet and pods, as the Kubernetes API holds them. */
export function deploymentWithPods(
  options: GpuOptions = {},
  nodes: (string | null)[] = ['gpu-node-1', 'gpu-node-2'],
): Obj[] {
  const d = deployment({ replicas: nodes.length, ...options });
  const rs = replicaSet(d);
  return [d, rs, ...nodes.map((node, i) => pod(d, i + 1, node))];
}

export function networkPolicy(namespace = 'ml'): Obj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'llm', namespace, uid: `uid-np-${namespace}`, labels: LABELS },
    spec: { podSelector: { matchLabels: { app: 'llm' } }, policyTypes: ['Ingress'] },
  };
}

export function inferenceService(namespace = 'ml'): Obj {
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name: 'chat', namespace, uid: 'uid-isvc', labels: LABELS },
    spec: {
      predictor: {
        model: {
          modelFormat: { name: 'huggingface' },
          resources: { limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': 1 } },
        },
      },
    },
  };
}

export function gpuNode(
  name: string,
  allocatable: Obj = { 'nvidia.com/gpu': '8', cpu: '96' },
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { allocatable, capacity: allocatable },
  };
}
