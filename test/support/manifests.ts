/**
 * Generates realistic multi-document manifest streams for benchmarks and the bad-input suite:
 * GPU Deployments and StatefulSets, Services, HPAs, PDBs, NetworkPolicies, ConfigMaps, Jobs,
 * CronJobs, InferenceServices, RayClusters, PyTorchJobs and LeaderWorkerSets, written the way
 * people write them (comments, quoted and unquoted quantities, block scalars, flow lists).
 * Deterministic: the same seed gives the same text.
 */

type Rng = () => number;

/** mulberry32: small, fast, good enough for varied test data. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  r: Rng;
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
  chance(p: number): boolean;
}

function gen(seed: number): Gen {
  const r = rng(seed);
  return {
    r,
    pick: (items) => items[Math.floor(r() * items.length)] as (typeof items)[number],
    int: (min, max) => min + Math.floor(r() * (max - min + 1)),
    chance: (p) => r() < p,
  };
}

const TEAMS = ['search', 'ranking', 'llm-serving', 'vision', 'speech', 'recsys', 'platform'];
const MODELS = [
  'meta-llama/Llama-3.1-8B-Instruct',
  'meta-llama/Llama-3.1-70B-Instruct',
  'mistralai/Mistral-7B-Instruct-v0.3',
  'Qwen/Qwen2.5-32B-Instruct',
  'google/gemma-2-27b-it',
  'deepseek-ai/DeepSeek-R1-Distill-Llama-8B',
];
const IMAGES = [
  'vllm/vllm-openai:v0.8.5',
  'nvcr.io/nvidia/tritonserver:24.08-py3',
  'ghcr.io/huggingface/text-generation-inference:2.4.1',
  'rayproject/ray-ml:2.41.0-gpu',
  'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime',
  'registry.example.com/ml/embedder@sha256:4b1c0a3b9f0d2e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
  'nginx:latest',
];
const GPU_RESOURCES = ['nvidia.com/gpu', 'nvidia.com/gpu', 'nvidia.com/gpu', 'amd.com/gpu'];

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

function quantity(g: Gen, values: readonly string[]): string {
  const v = g.pick(values);
  return g.chance(0.3) ? `"${v}"` : v;
}

function resources(g: Gen, gpus: number): string {
  const cpu = quantity(g, ['500m', '1', '2', '4', '8', '16']);
  const mem = quantity(g, ['512Mi', '2Gi', '8Gi', '32Gi', '64Gi', '128Gi']);
  const gpu = gpus > 0 ? g.pick(GPU_RESOURCES) : '';
  const lines = ['resources:'];
  if (g.chance(0.9)) {
    lines.push('  requests:');
    if (g.chance(0.85)) lines.push(`    cpu: ${cpu}`);
    lines.push(`    memory: ${mem}`);
    if (gpus > 0 && g.chance(0.5)) lines.push(`    ${gpu}: ${g.chance(0.5) ? `"${gpus}"` : gpus}`);
  }
  lines.push('  limits:');
  if (g.chance(0.5)) lines.push(`    cpu: ${cpu}`);
  if (g.chance(0.8)) lines.push(`    memory: ${mem}`);
  if (gpus > 0) lines.push(`    ${gpu}: ${g.chance(0.5) ? `"${gpus}"` : gpus}`);
  if (g.chance(0.2)) lines.push('    ephemeral-storage: 20Gi');
  return lines.join('\n');
}

function probe(g: Gen, kind: string, port: number): string {
  const handler = g.chance(0.7)
    ? `httpGet:\n    path: ${g.pick(['/health', '/healthz', '/v1/models', '/ready'])}\n    port: ${g.chance(0.5) ? port : 'http'}`
    : `tcpSocket:\n    port: ${port}`;
  const extra =
    kind === 'startupProbe'
      ? `\n  failureThreshold: ${g.int(10, 120)}\n  periodSeconds: 10`
      : `\n  initialDelaySeconds: ${g.int(0, 120)}\n  periodSeconds: ${g.int(5, 30)}`;
  return `${kind}:\n  ${handler}${extra}`;
}

function container(g: Gen, name: string, gpus: number, serving: boolean): string {
  const port = g.pick([8000, 8080, 8501, 9000]);
  const model = g.pick(MODELS);
  const parts = [
    `- name: ${name}`,
    `  image: ${g.pick(IMAGES)}`,
    g.chance(0.3) ? '  imagePullPolicy: IfNotPresent' : '',
    serving
      ? `  args: ["--model", "${model}", "--port", "${port}", "--tensor-parallel-size", "${Math.max(1, gpus)}"]`
      : `  command:\n    - python\n    - train.py\n    - --epochs=${g.int(1, 50)}\n    - --batch-size=${g.pick([16, 32, 64, 128])}`,
    `  env:\n    - name: MODEL_ID\n      value: ${model}${g.chance(0.3) ? '\n    - name: HF_TOKEN\n      valueFrom:\n        secretKeyRef: {name: hf-token, key: token}' : ''}${g.chance(0.1) ? '\n    - name: API_KEY\n      value: sk-not-a-real-key' : ''}`,
    serving ? `  ports:\n    - containerPort: ${port}\n      name: http` : '',
    indent(resources(g, gpus), 2),
    serving && g.chance(0.6) ? indent(probe(g, 'readinessProbe', port), 2) : '',
    serving && g.chance(0.35) ? indent(probe(g, 'livenessProbe', port), 2) : '',
    serving && gpus > 0 && g.chance(0.3) ? indent(probe(g, 'startupProbe', port), 2) : '',
    g.chance(0.2)
      ? `  securityContext:\n    runAsNonRoot: true\n    allowPrivilegeEscalation: false${g.chance(0.5) ? '\n    readOnlyRootFilesystem: true' : ''}\n    capabilities:\n      drop: ["ALL"]`
      : '',
    `  volumeMounts:\n    - name: dshm\n      mountPath: /dev/shm\n    - name: models\n      mountPath: /models${g.chance(0.5) ? '\n      readOnly: true' : ''}`,
  ];
  return parts.filter(Boolean).join('\n');
}

function podSpec(g: Gen, name: string, gpus: number, serving: boolean): string {
  const lines = [];
  if (g.chance(0.3)) lines.push(`serviceAccountName: ${name}`);
  if (g.chance(0.2)) lines.push('priorityClassName: high-priority');
  if (gpus > 0 && g.chance(0.7))
    lines.push(
      `nodeSelector:\n  nvidia.com/gpu.product: ${g.pick(['NVIDIA-A100-SXM4-80GB', 'NVIDIA-H100-80GB-HBM3', 'NVIDIA-L4'])}`,
    );
  if (gpus > 0 && g.chance(0.6))
    lines.push(
      'tolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule',
    );
  if (g.chance(0.1))
    lines.push(
      `initContainers:\n${indent(`- name: fetch-model\n  image: busybox:1.36\n  command: ["sh", "-c", "cp -r /src/* /models/"]\n  volumeMounts:\n    - name: models\n      mountPath: /models`, 2)}`,
    );
  lines.push(`containers:\n${indent(container(g, name, gpus, serving), 2)}`);
  if (g.chance(0.08)) lines.push(`${indent(container(g, 'sidecar', 0, true), 2)}`);
  const models = g.chance(0.6)
    ? `persistentVolumeClaim:\n      claimName: ${name}-models${g.chance(0.5) ? '\n      readOnly: true' : ''}`
    : `emptyDir: {}`;
  lines.push(
    `volumes:\n  - name: dshm\n    emptyDir:\n      medium: Memory${g.chance(0.6) ? `\n      sizeLimit: ${g.pick(['1Gi', '8Gi', '16Gi'])}` : ''}\n  - name: models\n    ${models}`,
  );
  return lines.join('\n');
}

function meta(g: Gen, name: string, ns: string, app: string): string {
  return `metadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:\n    app: ${app}\n    team: ${g.pick(TEAMS)}${g.chance(0.2) ? `\n  annotations:\n    description: "${app} for ${g.pick(MODELS)}"` : ''}`;
}

function template(g: Gen, app: string, name: string, gpus: number, serving: boolean): string {
  return `metadata:\n  labels:\n    app: ${app}${g.chance(0.15) ? `\n  annotations:\n    prometheus.io/scrape: "true"\n    prometheus.io/port: "8000"` : ''}\nspec:\n${indent(podSpec(g, name, gpus, serving), 2)}`;
}

type Maker = (g: Gen, i: number) => string;

const makers = {
  Deployment: (g, i) => {
    const app = `llm-${i}`;
    const gpus = g.pick([0, 1, 1, 2, 4, 8]);
    return `# ${app}: ${gpus} GPU(s)\napiVersion: apps/v1\nkind: Deployment\n${meta(g, app, g.pick(TEAMS), app)}\nspec:\n  replicas: ${g.int(1, 4)}\n  selector:\n    matchLabels:\n      app: ${app}\n${g.chance(0.4) ? '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n' : ''}  template:\n${indent(template(g, app, app, gpus, true), 4)}`;
  },
  StatefulSet: (g, i) => {
    const app = `embed-${i}`;
    return `apiVersion: apps/v1\nkind: StatefulSet\n${meta(g, app, g.pick(TEAMS), app)}\nspec:\n  serviceName: ${app}\n  replicas: ${g.int(1, 3)}\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n${indent(template(g, app, app, g.pick([0, 1, 2]), true), 4)}\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: ["ReadWriteOnce"]\n        resources:\n          requests:\n            storage: ${g.pick(['50Gi', '200Gi', '1Ti'])}`;
  },
  Service: (g, i) => {
    const app = `llm-${i - 1}`;
    return `apiVersion: v1\nkind: Service\n${meta(g, app, g.pick(TEAMS), app)}\nspec:\n  type: ${g.pick(['ClusterIP', 'ClusterIP', 'LoadBalancer'])}\n  selector:\n    app: ${app}\n  ports:\n    - name: http\n      port: 80\n      targetPort: ${g.pick(['http', '8000', '8080'])}`;
  },
  HorizontalPodAutoscaler: (g, i) => {
    const app = `llm-${i - 2}`;
    return `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n${meta(g, app, g.pick(TEAMS), app)}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${app}\n  minReplicas: ${g.int(1, 2)}\n  maxReplicas: ${g.int(2, 10)}\n  metrics:\n    - type: ${g.chance(0.5) ? 'Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70' : 'Pods\n      pods:\n        metric:\n          name: vllm_num_requests_waiting\n        target:\n          type: AverageValue\n          averageValue: "5"'}`;
  },
  PodDisruptionBudget: (g, i) => {
    const app = `llm-${i - 3}`;
    return `apiVersion: policy/v1\nkind: PodDisruptionBudget\n${meta(g, app, g.pick(TEAMS), app)}\nspec:\n  ${g.chance(0.5) ? `minAvailable: ${g.int(1, 2)}` : 'maxUnavailable: 1'}\n  selector:\n    matchLabels:\n      app: ${app}`;
  },
  NetworkPolicy: (g, i) => {
    const app = `llm-${i - 4}`;
    return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n${meta(g, app, g.pick(TEAMS), app)}\nspec:\n  podSelector:\n    matchLabels:\n      app: ${app}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: gateway\n      ports:\n        - protocol: TCP\n          port: 8000`;
  },
  Secret: (g, i) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: hf-token-${i}\n  namespace: ${g.pick(TEAMS)}\ntype: Opaque\nstringData:\n  token: "hf_${Math.floor(g.r() * 1e12).toString(36)}"`,
  ServiceAccount: (g, i) =>
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa-${i}\n  namespace: ${g.pick(TEAMS)}${g.chance(0.5) ? '\nautomountServiceAccountToken: false' : ''}`,
  PersistentVolumeClaim: (g, i) =>
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: models-${i}\n  namespace: ${g.pick(TEAMS)}\nspec:\n  accessModes: [ReadOnlyMany]\n  storageClassName: ${g.pick(['standard-rwo', 'filestore', 'efs'])}\n  resources:\n    requests:\n      storage: ${g.pick(['100Gi', '500Gi', '2Ti'])}`,
  ConfigMap: (g, i) =>
    `apiVersion: v1\nkind: ConfigMap\n${meta(g, `config-${i}`, g.pick(TEAMS), `config-${i}`)}\ndata:\n  MAX_MODEL_LEN: "${g.pick([4096, 8192, 32768])}"\n  config.yaml: |\n    model: ${g.pick(MODELS)}\n    # a comment inside a block scalar, and a line that looks like a key:\n    served-model-name: default\n    gpu-memory-utilization: 0.9\n    enable-prefix-caching: true`,
  Job: (g, i) =>
    `apiVersion: batch/v1\nkind: Job\n${meta(g, `finetune-${i}`, g.pick(TEAMS), `finetune-${i}`)}\nspec:\n  backoffLimit: ${g.int(0, 6)}\n${g.chance(0.5) ? `  activeDeadlineSeconds: ${g.int(3600, 86400)}\n` : ''}  template:\n${indent(template(g, `finetune-${i}`, `finetune-${i}`, g.pick([1, 2, 8]), false).replace('spec:\n', 'spec:\n  restartPolicy: Never\n'), 4)}`,
  CronJob: (g, i) =>
    `apiVersion: batch/v1\nkind: CronJob\n${meta(g, `eval-${i}`, g.pick(TEAMS), `eval-${i}`)}\nspec:\n  schedule: "${g.int(0, 59)} */6 * * *"\n  jobTemplate:\n    spec:\n      template:\n${indent(template(g, `eval-${i}`, `eval-${i}`, g.pick([0, 1]), false).replace('spec:\n', 'spec:\n  restartPolicy: OnFailure\n'), 8)}`,
  InferenceService: (g, i) =>
    `apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\n${meta(g, `isvc-${i}`, g.pick(TEAMS), `isvc-${i}`)}\nspec:\n  predictor:\n    minReplicas: ${g.int(0, 2)}\n    maxReplicas: ${g.int(2, 8)}\n    model:\n      modelFormat:\n        name: huggingface\n      args:\n        - --model_name=${g.pick(MODELS).split('/')[1]}\n      storageUri: ${g.pick(['hf://', 's3://models/', 'pvc://models/'])}${g.pick(MODELS)}\n${indent(resources(g, g.pick([1, 2, 4])), 6)}`,
  RayCluster: (g, i) =>
    `apiVersion: ray.io/v1\nkind: RayCluster\n${meta(g, `raycluster-${i}`, g.pick(TEAMS), `raycluster-${i}`)}\nspec:\n  rayVersion: "2.41.0"\n  headGroupSpec:\n    rayStartParams:\n      dashboard-host: "0.0.0.0"\n    template:\n${indent(template(g, `raycluster-${i}`, 'ray-head', 0, true), 6)}\n  workerGroupSpecs:\n    - groupName: gpu-group\n      replicas: ${g.int(1, 4)}\n      minReplicas: 1\n      maxReplicas: ${g.int(4, 16)}\n      rayStartParams: {}\n      template:\n${indent(template(g, `raycluster-${i}`, 'ray-worker', g.pick([1, 4, 8]), false), 8)}`,
  PyTorchJob: (g, i) =>
    `apiVersion: kubeflow.org/v1\nkind: PyTorchJob\n${meta(g, `pytorch-${i}`, g.pick(TEAMS), `pytorch-${i}`)}\nspec:\n  pytorchReplicaSpecs:\n    Master:\n      replicas: 1\n      restartPolicy: OnFailure\n      template:\n${indent(template(g, `pytorch-${i}`, 'pytorch', g.pick([1, 8]), false), 8)}\n    Worker:\n      replicas: ${g.int(1, 8)}\n      restartPolicy: OnFailure\n      template:\n${indent(template(g, `pytorch-${i}`, 'pytorch', g.pick([1, 8]), false), 8)}`,
  LeaderWorkerSet: (g, i) =>
    `apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\n${meta(g, `lws-${i}`, g.pick(TEAMS), `lws-${i}`)}\nspec:\n  replicas: ${g.int(1, 3)}\n  leaderWorkerTemplate:\n    size: ${g.int(2, 4)}\n    restartPolicy: RecreateGroupOnPodRestart\n    leaderTemplate:\n${indent(template(g, `lws-${i}`, 'vllm-leader', 8, true), 6)}\n    workerTemplate:\n${indent(template(g, `lws-${i}`, 'vllm-worker', 8, false), 6)}`,
} satisfies Record<string, Maker>;

/**
 * The mix of kinds, in the order a chart or a kustomize build would emit them: about a quarter
 * workloads, the rest the small objects around them.
 */
const CYCLE = [
  'Deployment',
  'Service',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ServiceAccount',
  'ConfigMap',
  'InferenceService',
  'ConfigMap',
  'Service',
  'Deployment',
  'Service',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'PersistentVolumeClaim',
  'ConfigMap',
  'Job',
  'ServiceAccount',
  'DistributedWorkload',
  'Service',
  'Deployment',
  'Service',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ConfigMap',
  'CronJob',
  'ServiceAccount',
  'Secret',
  'Service',
  'StatefulSet',
  'Service',
  'NetworkPolicy',
  'ConfigMap',
  'InferenceService',
  'PersistentVolumeClaim',
  'ServiceAccount',
  'Service',
  'ConfigMap',
  'ConfigMap',
] as const;

const DISTRIBUTED = ['RayCluster', 'PyTorchJob', 'LeaderWorkerSet'] as const;

/** `count` documents as one YAML stream (`---` separated). */
export function generateManifests(count: number, seed = 42): string {
  const g = gen(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const slot = CYCLE[i % CYCLE.length] as (typeof CYCLE)[number];
    const kind =
      slot === 'DistributedWorkload'
        ? (DISTRIBUTED[
            Math.floor(i / CYCLE.length) % DISTRIBUTED.length
          ] as (typeof DISTRIBUTED)[number])
        : slot;
    docs.push(makers[kind](g, i));
  }
  return `${docs.join('\n---\n')}\n`;
}

/** Documents of the stream, for tests that need them one by one. */
export function generateDocuments(count: number, seed = 42): string[] {
  return generateManifests(count, seed).slice(0, -1).split('\n---\n');
}
