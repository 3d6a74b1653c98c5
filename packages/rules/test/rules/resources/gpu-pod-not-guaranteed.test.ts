import rule from '../../../src/rules/resources/gpu-pod-not-guaranteed';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'RayCluster', 'JobSet', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'limits only: requests default to them',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: fetch:1.0
          resources: {limits: {cpu: 1, memory: 1Gi}}
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            requests: {cpu: "8", memory: 64Gi, nvidia.com/gpu: 1}
            limits: {cpu: 8000m, memory: 65536Mi, nvidia.com/gpu: 1}
`,
    },
    {
      name: 'a CPU-only pod is not checked',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
          resources: {requests: {cpu: 1}}
`,
    },
    {
      name: 'LimitRange defaults make the limits',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
    - type: Container
      default: {cpu: 2, memory: 4Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'pod-level resources decide',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources:
    limits: {cpu: 8, memory: 64Gi}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
    - name: sidecar
      image: sidecar:1.0
`,
    },
    {
      name: 'KServe fills equal defaults in its model container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources:
        limits: {nvidia.com/gpu: 1}
`,
    },
    {
      name: 'TrainJob pods come from the runtime',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {nvidia.com/gpu: 8}
`,
    },
  ],
  invalid: [
    {
      name: 'requests below limits',
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
              cpu: "4"
              memory: 32Gi
            limits:
              cpu: "8"
              memory: 32Gi
              nvidia.com/gpu: 1
`,
      errors: [
        {
          messageId: 'requestDiffers',
          line: 13,
          column: 20,
          message: 'requests 4 CPU but limits it to 8',
        },
      ],
    },
    {
      name: 'a sidecar without limits breaks the QoS of the whole pod',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: fetch
          image: fetch:1.0
          resources: {requests: {cpu: 1}, limits: {memory: 1Gi}}
      containers:
        - name: trainer
          image: trainer:1.0
          resources:
            limits: {cpu: 16, memory: 128Gi, nvidia.com/gpu: 8}
        - name: metrics
          image: exporter:1.0
`,
      errors: [
        { messageId: 'limitMissing', line: 12, container: 'fetch', message: 'no CPU limit' },
        { messageId: 'limitMissing', line: 18, container: 'metrics', message: 'no CPU limit' },
        { messageId: 'limitMissing', line: 18, container: 'metrics', message: 'no memory limit' },
      ],
    },
    {
      name: 'pod-level request below the limit',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources:
    requests: {memory: 32Gi}
    limits: {memory: 64Gi}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [
        { messageId: 'podLimitMissing', line: 8, message: 'no CPU limit' },
        { messageId: 'podRequestDiffers', line: 7, message: 'requests 32Gi memory' },
      ],
    },
    {
      name: 'RayCluster GPU worker group only',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.9.0
            resources: {requests: {cpu: 1}}
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.9.0-gpu
              resources:
                requests: {cpu: 3, memory: 12Gi}
                limits: {cpu: 4, memory: 16Gi, nvidia.com/gpu: 1}
`,
      errors: [
        { messageId: 'requestDiffers', line: 23, container: 'ray-worker', message: 'CPU' },
        { messageId: 'requestDiffers', line: 23, container: 'ray-worker', message: 'memory' },
      ],
    },
    {
      name: 'KServe custom container with a request below its limit',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
        resources:
          requests: {memory: 24Gi}
          limits: {memory: 48Gi, nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'requestDiffers', line: 11, message: 'memory' }],
      variants: [],
    },
  ],
});
