import rule from '../../../src/rules/gpu/shared-request-over-one';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'RayService'],
  valid: [
    {
      name: 'one shared GPU',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: embedder}
spec:
  template:
    spec:
      containers:
        - name: embedder
          image: embedder:1.0
          resources:
            limits: {nvidia.com/gpu.shared: 1}
`,
    },
    {
      name: 'several whole GPUs',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'a value that does not parse is gpu/non-integer',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu.shared: lots}}
`,
    },
    {
      name: 'not a GPU resource when the settings leave it out',
      settings: { gpuResources: ['nvidia.com/gpu'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu.shared: 4}}
`,
    },
  ],
  invalid: [
    {
      name: 'two shared GPUs',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: embedder}
spec:
  template:
    spec:
      containers:
        - name: embedder
          image: embedder:1.0
          resources:
            limits:
              nvidia.com/gpu.shared: "2"
`,
      errors: [
        { messageId: 'overOne', line: 13, column: 38, message: 'asks for 2 nvidia.com/gpu.shared' },
      ],
    },
    {
      name: 'request only; shared MIG slice; init container',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: warmup
      image: warmup:1.0
      resources:
        requests: {nvidia.com/gpu.shared: 3}
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/mig-1g.10gb.shared: 2}
`,
      errors: [
        { messageId: 'overOne', line: 10, container: 'warmup' },
        {
          messageId: 'overOne',
          line: 15,
          container: 'main',
          message: 'nvidia.com/mig-1g.10gb.shared',
        },
      ],
    },
    {
      name: 'the limit decides when both are set',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {nvidia.com/gpu.shared: 2}
        limits: {nvidia.com/gpu.shared: 2}
`,
      errors: [{ messageId: 'overOne', line: 11 }],
    },
  ],
});
