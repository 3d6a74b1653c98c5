import rule from '../../../src/rules/gpu/rolling-update-surge';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'maxSurge 0 frees a GPU before starting a new pod',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'maxSurge 0% with the type left to the default',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  strategy:
    rollingUpdate: {maxSurge: 0%, maxUnavailable: 25%}
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'Recreate',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  strategy: {type: Recreate}
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'spare capacity declared with the opt-in annotation',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  annotations: {aigov.dev/gpu-spare-capacity: "true"}
spec:
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a configured opt-in annotation',
      settings: { gpuSurgeAnnotation: 'example.com/gpu-headroom' },
      code: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  annotations: {example.com/gpu-headroom: "true"}
spec:
  strategy:
    rollingUpdate: {maxSurge: 1}
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a CPU Deployment may surge',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: web, image: nginx:1.27}]
`,
    },
    {
      name: 'other GPU kinds are out of scope (StatefulSet, LeaderWorkerSet)',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: llm}
spec:
  serviceName: llm
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: w
            image: vllm/vllm-openai:v0.6.0
            resources: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'values the API rejects are not judged',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: a}
spec:
  strategy:
    rollingUpdate: {maxSurge: "1"}
  template:
    spec:
      containers: [{name: s, image: s:1, resources: {limits: {nvidia.com/gpu: 1}}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: b}
spec:
  strategy: {type: BlueGreen}
  template:
    spec:
      containers: [{name: s, image: s:1, resources: {limits: {nvidia.com/gpu: 1}}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: c}
spec:
  strategy:
    rollingUpdate: {maxSurge: 1.5}
  template:
    spec:
      containers: [{name: s, image: s:1, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
    },
  ],
  invalid: [
    {
      name: 'the default strategy surges by 25%, rounded up',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [
        {
          messageId: 'surge',
          line: 5,
          column: 1,
          message: 'Deployment "llm" requests GPUs and surges by maxSurge 25% (the default)',
        },
      ],
    },
    {
      name: 'an explicit maxSurge',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: 4
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'surge', line: 10, column: 17, message: 'maxSurge 1' }],
    },
    {
      name: 'a small percentage still adds a pod; the opt-in must say true',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  annotations: {aigov.dev/gpu-spare-capacity: "false"}
spec:
  strategy:
    rollingUpdate: {maxSurge: 10%}
  template:
    spec:
      containers:
        - name: server
          image: triton:24.05
          resources: {limits: {nvidia.com/mig-3g.40gb: 1}}
`,
      errors: [{ messageId: 'surge', line: 9, message: 'maxSurge 10%' }],
    },
    {
      name: 'rollingUpdate without maxSurge points at rollingUpdate',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {requests: {amd.com/gpu: 1}, limits: {amd.com/gpu: 1}}
`,
      errors: [{ messageId: 'surge', line: 8, column: 5 }],
    },
    {
      name: 'a GPU only in an init container still makes every surge pod ask for it',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: warm}
spec:
  strategy:
    rollingUpdate: {maxSurge: 2}
  template:
    spec:
      initContainers:
        - name: warmup
          image: warm:1
          resources: {limits: {nvidia.com/gpu: 1}}
      containers:
        - name: server
          image: s:1
`,
      errors: [{ messageId: 'surge', line: 7 }],
    },
  ],
});
