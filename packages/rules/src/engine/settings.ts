/** Settings shared by many rules; `settings` in .aigov.yaml overrides any of them. */
export interface Settings {
  /** Extended resources that are GPUs. `*` matches anything. */
  gpuResources: string[];
  /** Node labels that pin a pod to GPU nodes (nodeSelector or nodeAffinity keys). */
  gpuNodeLabels: string[];
  /** Taint keys GPU nodes carry; a GPU pod should tolerate one of them. */
  gpuTaints: string[];
  /** Seconds a model server may need to load its model before it answers probes. */
  modelLoadSeconds: number;
  /** Least replicas (and HPA minReplicas) for a highly available service. */
  minReplicas: number;
  /** Whether batch and training workloads must name a Kueue queue. */
  kueueRequired: boolean;
  /** Mount paths that hold models, data or checkpoints. A trailing `*` matches a prefix. */
  modelPaths: string[];
  /** Environment variables whose value is a model, cache or checkpoint directory. */
  modelPathEnvVars: string[];
  /** Names of model servers, matched against images and labels. */
  modelServers: string[];
  /** Annotation that declares spare GPU capacity for a surge rollout. */
  gpuSurgeAnnotation: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  gpuResources: [
    'nvidia.com/gpu',
    'nvidia.com/gpu.shared',
    'nvidia.com/mig-*',
    'amd.com/gpu',
    'gpu.intel.com/*',
  ],
  gpuNodeLabels: [
    'nvidia.com/gpu.present',
    'nvidia.com/gpu.product',
    'nvidia.com/gpu.count',
    'nvidia.com/gpu.memory',
    'nvidia.com/gpu.family',
    'nvidia.com/gpu',
    'nvidia.com/mig.config',
    'amd.com/gpu',
    'amd.com/gpu.product-name',
    'gpu.intel.com/device-id.0300-0bd5.present',
    'cloud.google.com/gke-accelerator',
    'cloud.google.com/gke-gpu',
    'k8s.amazonaws.com/accelerator',
    'eks.amazonaws.com/instance-gpu-name',
    'karpenter.k8s.aws/instance-gpu-name',
    'karpenter.k8s.aws/instance-gpu-count',
    'node.kubernetes.io/instance-type',
    'accelerator',
    'gpu',
  ],
  gpuTaints: ['nvidia.com/gpu', 'amd.com/gpu', 'gpu.intel.com/i915'],
  modelLoadSeconds: 600,
  minReplicas: 2,
  kueueRequired: false,
  modelPaths: [
    '/models',
    '/models/*',
    '/model',
    '/mnt/models',
    '/data',
    '/data/*',
    '/checkpoints',
    '/checkpoints/*',
    '/root/.cache/huggingface',
    '/root/.cache/huggingface/*',
    '/.cache/huggingface',
  ],
  modelPathEnvVars: [
    'HF_HOME',
    'HF_HUB_CACHE',
    'HUGGINGFACE_HUB_CACHE',
    'TRANSFORMERS_CACHE',
    'MODEL_PATH',
    'MODEL_DIR',
    'CHECKPOINT_DIR',
  ],
  modelServers: [
    'vllm',
    'tgi',
    'text-generation-inference',
    'text-embeddings-inference',
    'triton',
    'tritonserver',
    'tensorrt-llm',
    'trtllm',
    'sglang',
    'torchserve',
    'kserve',
    'ollama',
    'llama.cpp',
    'llama-cpp',
    'llamacpp',
    'ray-serve',
    'rayserve',
    'lmdeploy',
    'nim',
  ],
  gpuSurgeAnnotation: 'aigov.dev/gpu-spare-capacity',
});
