import rule from '../../../src/rules/gpu/toleration-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [
    'Deployment',
    'CronJob',
    'PyTorchJob',
    'InferenceService',
    'LeaderWorkerSet',
    'JobSet',
  ],
  valid: [
    {
      name: 'Exists toleration on nvidia.com/gpu',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      tolerations:
        - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'Equal (the default operator) with a value',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  tolerations:
    - {key: nvidia.com/gpu, value: present, effect: NoSchedule}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'an empty key with Exists tolerates everything',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  tolerations:
    - operator: Exists
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {amd.com/gpu: 1}}
`,
    },
    {
      name: 'a taint from the settings',
      settings: { gpuTaints: ['dedicated'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  tolerations:
    - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'queued through Kueue (label on the pod template)',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    metadata:
      labels: {kueue.x-k8s.io/queue-name: serving}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'CPU-only pods are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 0}}
`,
    },
  ],
  invalid: [
    {
      name: 'no tolerations: points at the pod spec',
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
      errors: [
        { messageId: 'missing', line: 7, column: 5, message: 'nvidia.com/gpu, amd.com/gpu' },
      ],
    },
    {
      name: 'tolerations of other taints',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  tolerations:
    - {key: ray.io/node-type, operator: Equal, value: worker, effect: NoSchedule}
    - {key: nvidia.com/gpu, operator: Lt, value: "1"}
    - {operator: Equal}
    - nvidia.com/gpu
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
    },
    {
      name: 'tolerations that are not a list',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  tolerations: {key: nvidia.com/gpu, operator: Exists}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 6 }],
    },
    {
      name: 'RayService GPU worker group',
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
          containers:
            - name: ray-head
              image: rayproject/ray:2.9.0
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            tolerations:
              - {key: ray.io/node-type, operator: Equal, value: worker, effect: NoSchedule}
            containers:
              - name: ray-worker
                image: rayproject/ray:2.9.0-gpu
                resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 19 }],
    },
  ],
});
