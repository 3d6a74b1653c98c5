import rule from '../../../src/rules/security/capabilities';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'drop ALL and add a harmless capability back',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: fetch:1.0
          securityContext: {capabilities: {drop: [ALL]}}
      containers:
        - name: api
          image: api:1.0
          securityContext:
            capabilities:
              drop: ["ALL"]
              add: [NET_BIND_SERVICE]
`,
    },
    {
      name: 'any case and the CAP_ prefix, as the runtime reads them; IPC_LOCK for RDMA',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          containers:
            - name: pytorch
              image: train:1.0
              securityContext:
                capabilities: {drop: [cap_all], add: [IPC_LOCK]}
`,
    },
    {
      name: 'allowedCapabilities accepts a dangerous capability',
      options: { allowedCapabilities: ['CAP_SYS_PTRACE'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: profiler}
spec:
  containers:
    - name: py-spy
      image: py-spy:0.3
      securityContext:
        capabilities: {drop: [ALL], add: [SYS_PTRACE]}
`,
    },
    {
      name: 'requireDropAll off',
      options: { requireDropAll: false },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
`,
    },
    {
      name: 'Windows pods have no Linux capabilities',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  os: {name: windows}
  containers:
    - name: main
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'no securityContext: ALL not dropped',
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
`,
      errors: [{ messageId: 'dropAllMissing', line: 9, column: 11 }],
    },
    {
      name: 'drop without ALL points at drop',
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
          securityContext:
            capabilities:
              drop: [NET_RAW]
`,
      errors: [{ messageId: 'dropAllMissing', line: 13, column: 15 }],
    },
    {
      name: 'dangerous capabilities, each at its entry',
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
          securityContext:
            capabilities:
              drop: [ALL]
              add:
                - NET_BIND_SERVICE
                - CAP_SYS_ADMIN
                - net_raw
`,
      errors: [
        {
          messageId: 'dangerous',
          line: 16,
          column: 19,
          message: 'adds capability SYS_ADMIN (mounts',
        },
        { messageId: 'dangerous', line: 17, column: 19, message: 'adds capability NET_RAW' },
      ],
    },
    {
      name: 'py-spy sidecar on a Ray head: SYS_PTRACE',
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
            image: rayproject/ray:2.52.0
            securityContext:
              capabilities:
                add: [SYS_PTRACE]
`,
      errors: [
        { messageId: 'dangerous', line: 15, column: 23, message: 'SYS_PTRACE' },
        { messageId: 'dropAllMissing', line: 14, column: 15 },
      ],
    },
    {
      name: 'custom dangerous list',
      options: { dangerousCapabilities: ['IPC_LOCK'], requireDropAll: false },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      securityContext:
        capabilities: {add: [IPC_LOCK, SYS_ADMIN]}
`,
      errors: [{ messageId: 'dangerous', line: 10, message: 'adds capability IPC_LOCK.' }],
    },
    {
      name: 'ALL added in an init container',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  template:
    spec:
      initContainers:
        - name: tune
          image: busybox:1.36
          securityContext:
            capabilities: {add: [ALL], drop: [ALL]}
      containers:
        - name: db
          image: db:1.0
          securityContext:
            capabilities: {drop: [ALL]}
`,
      errors: [
        { messageId: 'dangerous', line: 13, container: 'tune', message: 'every capability' },
      ],
    },
    {
      name: 'capabilities of the wrong type',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      securityContext:
        capabilities: {add: SYS_ADMIN, drop: ALL}
`,
      errors: [{ messageId: 'dropAllMissing', line: 10, column: 46 }],
    },
  ],
});
