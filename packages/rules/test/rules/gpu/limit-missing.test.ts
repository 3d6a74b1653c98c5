import rule from '../../../src/rules/gpu/limit-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'RayService', 'JobSet'],
  valid: [
    {
      name: 'a limit alone (the request defaults to it)',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits: {nvidia.com/gpu: 1}
`,
    },
    {
      name: 'request and limit',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {nvidia.com/mig-1g.10gb: 1, cpu: 1}
        limits: {nvidia.com/mig-1g.10gb: 1}
`,
    },
    {
      name: 'resources that are not GPUs by the settings',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {google.com/tpu: 4, cpu: 1}
`,
    },
    {
      name: 'a configured GPU resource is checked, others are not',
      settings: { gpuResources: ['example.com/accelerator'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {nvidia.com/gpu: 1}
        limits: {example.com/accelerator: 1}
`,
    },
  ],
  invalid: [
    {
      name: 'request without limit points at limits',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            requests:
              cpu: "200m"
              nvidia.com/gpu: "1"
            limits:
              memory: 32Gi
`,
      errors: [
        {
          messageId: 'missing',
          line: 15,
          column: 13,
          message: 'requests 1 nvidia.com/gpu but sets no limit',
        },
      ],
    },
    {
      name: 'no limits map at all points at resources',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws}
spec:
  leaderWorkerTemplate:
    size: 3
    workerTemplate:
      spec:
        containers:
          - name: nginx-worker
            image: nginx:1.27
            resources:
              requests:
                cpu: "200m"
                nvidia.com/gpu: "1"
`,
      errors: [{ messageId: 'missing', line: 13, column: 13, container: 'nginx-worker' }],
    },
    {
      name: 'a zero request still needs a limit; each resource is reported',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: warmup
      image: warmup:1.0
      resources:
        requests: {nvidia.com/gpu: 0}
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {amd.com/gpu: 2, gpu.intel.com/i915: 1}
        limits: {gpu.intel.com/i915: 1}
`,
      errors: [
        {
          messageId: 'missing',
          line: 9,
          container: 'warmup',
          message: 'requests 0 nvidia.com/gpu',
        },
        { messageId: 'missing', line: 16, container: 'main', message: 'amd.com/gpu' },
      ],
    },
    {
      name: 'KServe model container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources:
        requests: {nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'missing', line: 9, container: 'kserve-container' }],
      variants: [],
    },
    {
      name: 'TrainJob resourcesPerNode',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      requests: {nvidia.com/gpu: 8}
      limits: {cpu: 32}
`,
      errors: [{ messageId: 'missing', line: 10 }],
    },
  ],
});
