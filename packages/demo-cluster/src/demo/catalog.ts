import { KUBERNETES_ID_LABEL } from '../util/kubernetes-id';

/** The demo organisation and its AI services, as the portal's catalog describes them. */

export interface DemoGroup {
  name: string;
  title: string;
  description: string;
  /** `division` for the parent, `team` for the teams. */
  type: 'division' | 'team';
  /** The parent group's name (teams only). */
  parent?: string;
}

export interface DemoUser {
  name: string;
  displayName: string;
  email: string;
  /** Group names. */
  memberOf: string[];
}

export interface DemoSystem {
  name: string;
  title: string;
  description: string;
  /** Owning group's name. */
  owner: string;
}

export interface DemoService {
  /** Component name, and the `backstage.io/kubernetes-id` label of its objects. */
  name: string;
  title: string;
  description: string;
  /** Owning team's name. */
  owner: string;
  system: string;
  /** Kubernetes namespace of its objects. */
  namespace: string;
  /** Backstage component type. */
  type: string;
  lifecycle: 'production' | 'experimental';
  tags: string[];
  /** The object that defines the workload (its pods' top-level owner). */
  workload: { apiVersion: string; kind: string; name: string };
  /** Running pods. */
  pods: number;
  /** GPUs held by its running pods. */
  gpus: number;
  /**
   * Rule ids the live objects are designed to trigger when the portal fetches them through the
   * Backstage Kubernetes plugin (default object types plus the custom resources of
   * `DEMO_CUSTOM_RESOURCES`). The integration test holds the demo to these.
   */
  designedFindings: string[];
}

export interface DemoCatalog {
  /** The parent group of both teams (for nested rollups). */
  division: DemoGroup;
  teams: DemoGroup[];
  users: DemoUser[];
  systems: DemoSystem[];
  services: DemoService[];
}

export const DEMO_CATALOG: DemoCatalog = {
  division: {
    name: 'ai-division',
    title: 'AI Division',
    description: 'Everyone who trains and serves models.',
    type: 'division',
  },
  teams: [
    {
      name: 'ml-platform',
      title: 'ML Platform',
      description: 'Runs the model-serving platform and the assistant behind the product.',
      type: 'team',
      parent: 'ai-division',
    },
    {
      name: 'research',
      title: 'Research',
      description: 'Fine-tunes and trains models; works in GPU notebooks.',
      type: 'team',
      parent: 'ai-division',
    },
  ],
  users: [
    {
      name: 'ada',
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      memberOf: ['ml-platform'],
    },
    {
      name: 'grace',
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      memberOf: ['ml-platform'],
    },
    { name: 'alan', displayName: 'Alan Turing', email: 'alan@example.com', memberOf: ['research'] },
    {
      name: 'katherine',
      displayName: 'Katherine Johnson',
      email: 'katherine@example.com',
      memberOf: ['research'],
    },
    {
      name: 'margaret',
      displayName: 'Margaret Hamilton',
      email: 'margaret@example.com',
      memberOf: ['ai-division'],
    },
  ],
  systems: [
    {
      name: 'assistant-platform',
      title: 'Assistant platform',
      description: 'Chat, retrieval and offline inference for the product assistant.',
      owner: 'ml-platform',
    },
    {
      name: 'model-training',
      title: 'Model training',
      description: 'Fine-tuning and training runs, and the notebooks they start from.',
      owner: 'research',
    },
  ],
  services: [
    {
      name: 'chat-assistant',
      title: 'Chat assistant',
      description:
        'vLLM serving Llama 3.1 70B (AWQ) with tensor parallelism over 2 GPUs per replica.',
      owner: 'ml-platform',
      system: 'assistant-platform',
      namespace: 'ml-serving',
      type: 'service',
      lifecycle: 'production',
      tags: ['vllm', 'llm', 'gpu'],
      workload: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'chat-assistant' },
      pods: 2,
      gpus: 4,
      designedFindings: ['gpu/rolling-update-surge', 'resources/gpu-pod-not-guaranteed'],
    },
    {
      name: 'embeddings-api',
      title: 'Embeddings API',
      description: 'KServe InferenceService running Text Embeddings Inference on one GPU.',
      owner: 'ml-platform',
      system: 'assistant-platform',
      namespace: 'ml-serving',
      type: 'service',
      lifecycle: 'production',
      tags: ['kserve', 'embeddings', 'gpu'],
      workload: {
        apiVersion: 'serving.kserve.io/v1beta1',
        kind: 'InferenceService',
        name: 'embeddings-api',
      },
      pods: 1,
      gpus: 1,
      designedFindings: [
        'gpu/hpa-cpu-only',
        'gpu/shm-missing',
        'reliability/liveness-probe-missing',
        'resources/memory-limit-missing',
        'security/privilege-escalation',
        'security/run-as-root',
      ],
    },
    {
      name: 'batch-inference',
      title: 'Batch inference',
      description: 'Ray cluster that scores documents offline on a GPU worker group.',
      owner: 'ml-platform',
      system: 'assistant-platform',
      namespace: 'ml-batch',
      type: 'service',
      lifecycle: 'production',
      tags: ['ray', 'batch', 'gpu'],
      workload: { apiVersion: 'ray.io/v1', kind: 'RayCluster', name: 'batch-inference' },
      pods: 3,
      gpus: 2,
      designedFindings: [
        'gpu/node-targeting-missing',
        'gpu/toleration-missing',
        'resources/memory-limit-missing',
        'resources/memory-request-missing',
        'security/image-tag-mutable',
        'security/secret-in-env',
        'storage/emptydir-size-limit-missing',
        'storage/ephemeral-model-volume',
      ],
    },
    {
      name: 'llama-finetune',
      title: 'Llama fine-tuning',
      description: 'PyTorchJob fine-tuning Llama 3.1 8B on 4 nodes × 2 GPUs.',
      owner: 'research',
      system: 'model-training',
      namespace: 'research-training',
      type: 'training-job',
      lifecycle: 'experimental',
      tags: ['pytorch', 'training', 'gpu'],
      workload: { apiVersion: 'kubeflow.org/v1', kind: 'PyTorchJob', name: 'llama-finetune' },
      pods: 4,
      gpus: 8,
      designedFindings: [
        'gpu/shm-missing',
        'reliability/checkpoint-volume-missing',
        'reliability/job-limits-missing',
        'scaling/gang-scheduling-missing',
        'security/image-tag-mutable',
      ],
    },
    {
      name: 'vision-trainer',
      title: 'Vision trainer',
      description: 'A Job training an image classifier on 2 GPUs, checkpointing to a volume.',
      owner: 'research',
      system: 'model-training',
      namespace: 'research-training',
      type: 'training-job',
      lifecycle: 'experimental',
      tags: ['pytorch', 'vision', 'gpu'],
      workload: { apiVersion: 'batch/v1', kind: 'Job', name: 'vision-trainer' },
      pods: 1,
      gpus: 2,
      designedFindings: [
        'reliability/priority-class-missing',
        'security/privilege-escalation',
        'security/run-as-root',
      ],
    },
    {
      name: 'notebook-gpu',
      title: 'GPU notebook',
      description: 'A Jupyter notebook server that holds a GPU, mostly idle.',
      owner: 'research',
      system: 'model-training',
      namespace: 'research-notebooks',
      type: 'notebook',
      lifecycle: 'experimental',
      tags: ['jupyter', 'gpu'],
      workload: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'notebook-gpu' },
      pods: 1,
      gpus: 1,
      designedFindings: [
        'gpu/shm-missing',
        'reliability/liveness-probe-missing',
        'reliability/readiness-probe-missing',
        'resources/gpu-pod-not-guaranteed',
      ],
    },
  ],
};

/**
 * The custom resources the portal should configure for the Kubernetes plugin
 * (`kubernetes.customResources`), so every demo workload and its monitors are fetched.
 */
export const DEMO_CUSTOM_RESOURCES: readonly {
  group: string;
  apiVersion: string;
  plural: string;
}[] = [
  { group: 'serving.kserve.io', apiVersion: 'v1beta1', plural: 'inferenceservices' },
  { group: 'ray.io', apiVersion: 'v1', plural: 'rayclusters' },
  { group: 'kubeflow.org', apiVersion: 'v1', plural: 'pytorchjobs' },
  { group: 'monitoring.coreos.com', apiVersion: 'v1', plural: 'servicemonitors' },
];

export function demoService(name: string): DemoService {
  const found = DEMO_CATALOG.services.find((s) => s.name === name);
  if (!found) throw new Error(`no demo service named "${name}"`);
  return found;
}

/** Labels every object of a demo service carries. */
export function serviceLabels(service: DemoService): Record<string, string> {
  return {
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/part-of': service.system,
    [KUBERNETES_ID_LABEL]: service.name,
  };
}
