import rule from '../../../src/rules/gpu/node-targeting-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'RayService', 'JobSet'],
  valid: [
    {
      name: 'nodeSelector on a GPU product label',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB}
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'required node affinity',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4]}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'preferred node affinity',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 50
          preference:
            matchExpressions:
              - {key: karpenter.k8s.aws/instance-gpu-name, operator: In, values: [a10g]}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a label from the settings',
      settings: { gpuNodeLabels: ['example.com/gpu-*'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  nodeSelector: {example.com/gpu-type: h100}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'queued through Kueue, or pinned with nodeName',
      code: `
apiVersion: batch/v1
kind: Job
metadata:
  name: j
  labels: {kueue.x-k8s.io/queue-name: gpu-queue}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: main:1.0
          resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: v1
kind: Pod
metadata: {name: pinned}
spec:
  nodeName: gpu-node-7
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'CPU-only pods and TrainJobs are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
---
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
      name: 'no nodeSelector: points at the pod spec',
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
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 7, column: 5, message: 'nvidia.com/gpu.product' }],
    },
    {
      name: 'a nodeSelector and affinity on other labels',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  nodeSelector:
    kubernetes.io/os: linux
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: topology.kubernetes.io/zone, operator: In, values: [us-east-1a]}
            matchFields:
              - {key: metadata.name, operator: NotIn, values: [n1]}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
    },
    {
      name: 'wrong types are ignored, not trusted',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  nodeSelector: [nvidia.com/gpu.product]
  affinity:
    nodeAffinity: true
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 6 }],
    },
    {
      name: 'only the GPU worker group of a RayCluster',
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
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.9.0-gpu
              resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 17 }],
    },
    {
      name: 'a Kueue label on another object does not count',
      code: `
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels: {kueue.x-k8s.io/queue-name: q}
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ddp}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          containers:
            - name: pytorch
              image: ddp:1.0
              resources: {limits: {nvidia.com/gpu: 8}}
`,
      errors: [{ messageId: 'missing', line: 16 }],
    },
  ],
});
