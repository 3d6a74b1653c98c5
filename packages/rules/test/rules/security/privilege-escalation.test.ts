import rule from '../../../src/rules/security/privilege-escalation';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'every container sets allowPrivilegeEscalation: false',
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
          securityContext: {allowPrivilegeEscalation: false}
      containers:
        - name: api
          image: api:1.0
          securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [NET_BIND_SERVICE]}}
`,
    },
    {
      name: 'Windows pods cannot set the field',
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
    {
      name: 'TrainJob: the pod spec lives in the runtime',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: trainer:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'not set: points at securityContext',
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
            runAsNonRoot: true
`,
      errors: [{ messageId: 'notSet', line: 11, column: 11, container: 'api' }],
    },
    {
      name: 'no securityContext: points at the container',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    allowPrivilegeEscalation: false
  containers:
    - name: main
      image: main:1.0
`,
      errors: [{ messageId: 'notSet', line: 9, column: 7 }],
    },
    {
      name: 'explicitly true',
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
            allowPrivilegeEscalation: true
`,
      errors: [{ messageId: 'enabled', line: 12, column: 39 }],
    },
    {
      name: 'a string is not false',
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
            allowPrivilegeEscalation: "false"
`,
      errors: [{ messageId: 'notSet', line: 12, column: 39 }],
    },
    {
      name: 'privileged implies escalation even with the field false',
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
            privileged: true
            allowPrivilegeEscalation: false
`,
      errors: [{ messageId: 'implied', line: 12, message: 'is privileged' }],
    },
    {
      name: 'CAP_SYS_ADMIN implies escalation',
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
            allowPrivilegeEscalation: false
            capabilities:
              add: [NET_BIND_SERVICE, CAP_SYS_ADMIN]
`,
      errors: [
        { messageId: 'implied', line: 14, column: 39, message: 'adds capability SYS_ADMIN' },
      ],
    },
    {
      name: 'init container and PyTorchJob master',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          initContainers:
            - name: download
              image: download:1.0
          containers:
            - name: pytorch
              image: train:1.0
              securityContext: {allowPrivilegeEscalation: false}
`,
      errors: [{ messageId: 'notSet', line: 12, container: 'download' }],
    },
    {
      name: 'LeaderWorkerSet leader and worker',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: vllm/vllm-openai:v0.6.3
            securityContext: {allowPrivilegeEscalation: false}
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: vllm/vllm-openai:v0.6.3
`,
      errors: [{ messageId: 'notSet', line: 17, container: 'worker' }],
    },
  ],
});
