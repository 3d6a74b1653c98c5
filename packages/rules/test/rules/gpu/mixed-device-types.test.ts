import rule from '../../../src/rules/gpu/mixed-device-types';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'RayCluster', 'JobSet'],
  valid: [
    {
      name: 'one kind of device per container; different kinds in different containers',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1.0
      resources: {limits: {nvidia.com/gpu: 2}}
    - name: b
      image: b:1.0
      resources: {limits: {nvidia.com/mig-1g.10gb: 2}}
`,
    },
    {
      name: 'zero counts do not count',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/gpu: 0, nvidia.com/mig-3g.40gb: 1, nvidia.com/mig-1g.10gb: "0"}
`,
    },
    {
      name: 'the resources of one Intel GPU plugin belong together',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {gpu.intel.com/i915: 1, gpu.intel.com/millicores: 500, gpu.intel.com/memory.max: 8G}
`,
    },
  ],
  invalid: [
    {
      name: 'whole GPUs and MIG slices',
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
            limits:
              nvidia.com/gpu: 1
              nvidia.com/mig-1g.10gb: 1
`,
      errors: [
        {
          messageId: 'wholeAndMig',
          line: 14,
          column: 39,
          message: 'asks for both nvidia.com/gpu and MIG slices (nvidia.com/mig-1g.10gb)',
        },
      ],
    },
    {
      name: 'two MIG profiles, in requests only, on an init container',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: warmup
          image: warmup:1.0
          resources:
            requests: {nvidia.com/mig-1g.10gb: 1, nvidia.com/mig-2g.20gb: 1}
      containers:
        - name: main
          image: main:1.0
          resources: {limits: {nvidia.com/mig-1g.10gb: 1}}
`,
      errors: [
        {
          messageId: 'migProfiles',
          line: 13,
          container: 'warmup',
          message: 'nvidia.com/mig-2g.20gb',
        },
      ],
    },
    {
      name: 'whole and time-shared GPUs',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/gpu: 1}
        requests: {nvidia.com/gpu.shared: 1}
`,
      errors: [{ messageId: 'wholeAndShared', line: 11 }],
    },
    {
      name: 'two vendors',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/gpu: 1, amd.com/gpu: 1}
`,
      errors: [{ messageId: 'vendors', line: 10, message: 'nvidia.com/gpu and amd.com/gpu' }],
    },
    {
      name: 'a value that does not parse still asks for the device',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ddp}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: ddp:1.0
              resources:
                limits: {nvidia.com/gpu.shared: "\${GPUS}", nvidia.com/mig-1g.5gb: 1}
`,
      errors: [{ messageId: 'wholeAndMig', line: 15 }],
    },
  ],
});
