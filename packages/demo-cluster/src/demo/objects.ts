import type { KubeObject } from '../util/json';
import { kubeObject, PRIORITY_CLASSES } from './builders';
import { DEMO_CATALOG } from './catalog';
import { demoNodes, Placer } from './nodes';
import { batchInference } from './services/batch-inference';
import { chatAssistant } from './services/chat-assistant';
import { embeddingsApi } from './services/embeddings-api';
import { gpuOperator } from './services/gpu-operator';
import { llamaFinetune } from './services/llama-finetune';
import { notebookGpu } from './services/notebook-gpu';
import { visionTrainer } from './services/vision-trainer';

/** Which team each namespace belongs to (namespaces of no team: empty). */
const NAMESPACES: readonly [string, string | undefined][] = [
  ['default', undefined],
  ['kube-system', undefined],
  ['gpu-operator', undefined],
  ['monitoring', undefined],
  ['api-gateway', undefined],
  ['ml-serving', 'ml-platform'],
  ['ml-batch', 'ml-platform'],
  ['research-training', 'research'],
  ['research-notebooks', 'research'],
];

function namespaces(): KubeObject[] {
  return NAMESPACES.map(([name, team]) =>
    kubeObject(
      'v1',
      'Namespace',
      {
        name,
        labels: { 'kubernetes.io/metadata.name': name, ...(team ? { team } : {}) },
        created: -60 * 24 * 30,
      },
      { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    ),
  );
}

function priorityClasses(): KubeObject[] {
  return Object.entries(PRIORITY_CLASSES).map(([name, value]) =>
    kubeObject(
      'scheduling.k8s.io/v1',
      'PriorityClass',
      { name, created: -60 * 24 * 30 },
      {
        value,
        globalDefault: false,
        preemptionPolicy: 'PreemptLowerPriority',
        description:
          name === 'inference-high'
            ? 'Online inference: preempts batch and training work.'
            : 'Training and batch runs.',
      },
    ),
  );
}

/**
 * The demo cluster: 1 CPU and 3 GPU nodes (8 × H100 each; gpu-node-c MIG-partitioned), the GPU
 * Operator's daemons, and the six services of `DEMO_CATALOG` with everything their controllers
 * create (ReplicaSets, pods with ownerReferences, services), labelled
 * `backstage.io/kubernetes-id: <component>`. The same objects on every call (fresh copies).
 */
export function demoObjects(): KubeObject[] {
  const placer = new Placer();
  const services: Record<string, (p: Placer) => KubeObject[]> = {
    'chat-assistant': chatAssistant,
    'embeddings-api': embeddingsApi,
    'batch-inference': batchInference,
    'llama-finetune': llamaFinetune,
    'vision-trainer': visionTrainer,
    'notebook-gpu': notebookGpu,
  };
  return [
    ...namespaces(),
    ...demoNodes(),
    ...priorityClasses(),
    ...gpuOperator(placer),
    ...DEMO_CATALOG.services.flatMap((s) => {
      const build = services[s.name];
      if (!build) throw new Error(`demo service "${s.name}" has no objects`);
      return build(placer);
    }),
  ];
}
