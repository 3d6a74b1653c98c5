import rule from '../../../src/rules/reliability/priority-class-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'RayCluster', 'JobSet', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'priorityClassName set',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      priorityClassName: inference-critical
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'CPU-only workloads and zero GPUs are left out',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api:1.0
          resources: {limits: {cpu: "1", nvidia.com/gpu: 0}}
`,
    },
    {
      name: 'a Kueue priority class on the job',
      code: `
apiVersion: batch/v1
kind: Job
metadata:
  name: train
  labels: {kueue.x-k8s.io/queue-name: team-a, kueue.x-k8s.io/priority-class: high}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
          resources: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'a Kubeflow scheduling policy priority class',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  runPolicy:
    schedulingPolicy: {priorityClass: training}
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: ft:1.0
              resources: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'a global default PriorityClass in the set',
      code: `
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: default-priority}
value: 1000
globalDefault: true
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: cuda
      image: nvidia/cuda:12.4.1-base-ubuntu22.04
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a TrainJob takes its pod spec from its runtime',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {nvidia.com/gpu: 8}
`,
    },
  ],
  invalid: [
    {
      name: 'GPU Deployment without a priority class points at the pod spec',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 9, column: 5, message: 'Deployment "vllm"' }],
    },
    {
      name: 'empty or wrong-typed priorityClassName points at the value',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      priorityClassName: ""
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 10, column: 26 }],
    },
    {
      name: 'a MIG slice and a GPU init container count as GPU use',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: prep}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: warmup
          image: warmup:1.0
          resources: {limits: {nvidia.com/mig-1g.10gb: 1}}
      containers:
        - name: main
          image: main:1.0
`,
      errors: [{ messageId: 'missing', line: 7, column: 5 }],
    },
    {
      name: 'every pod template of a GPU RayService, the CPU head too',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
    workerGroupSpecs:
      - groupName: gpu
        replicas: 2
        rayStartParams: {}
        template:
          spec:
            priorityClassName: ""
            containers:
              - name: ray-worker
                image: rayproject/ray:2.40.0-gpu
                resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [
        { messageId: 'missing', line: 10, message: 'RayService "serve" (head)' },
        { messageId: 'missing', line: 18, message: '(worker:gpu)' },
      ],
    },
    {
      name: 'a Kueue queue name alone sets no priority',
      code: `
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: js
  labels: {kueue.x-k8s.io/queue-name: team-a}
spec:
  replicatedJobs:
    - name: workers
      template:
        spec:
          template:
            spec:
              containers:
                - name: trainer
                  image: trainer:1.0
                  resources: {limits: {amd.com/gpu: 8}}
`,
      errors: [{ messageId: 'missing', line: 13, column: 13 }],
    },
  ],
});
