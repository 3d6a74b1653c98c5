import rule from '../../../src/rules/security/run-as-root';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'pod-level runAsNonRoot covers every container',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: true}
      initContainers:
        - name: fetch
          image: fetch:1.0
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'non-zero runAsUser at pod level, as a number or a string',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: "1000"}
  containers:
    - name: main
      image: main:1.0
`,
    },
    {
      name: 'container runAsUser overrides a root pod user',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 0}
  containers:
    - name: main
      image: main:1.0
      securityContext: {runAsUser: 1000}
`,
    },
    {
      name: 'container runAsNonRoot overrides pod runAsNonRoot false',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsNonRoot: false}
  containers:
    - name: main
      image: main:1.0
      securityContext: {runAsNonRoot: true}
`,
    },
    {
      name: 'user namespace: root in the pod is not root on the node',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostUsers: false
  containers:
    - name: main
      image: main:1.0
`,
    },
    {
      name: 'Windows pod',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  nodeSelector: {kubernetes.io/os: windows}
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
  trainer:
    image: trainer:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'nothing set: points at the container',
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
      errors: [{ messageId: 'mayRunAsRoot', line: 9, column: 11, container: 'api' }],
    },
    {
      name: 'runAsUser 0 in the pod applies to containers without their own',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 0
      containers:
        - name: api
          image: api:1.0
        - name: sidecar
          image: sidecar:1.0
          securityContext: {runAsUser: 101}
`,
      errors: [{ messageId: 'root', line: 10, column: 20, container: 'api' }],
    },
    {
      name: 'container runAsUser 0 overrides pod non-root settings',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 1000}
      containers:
        - name: api
          image: api:1.0
          securityContext:
            runAsUser: 0
`,
      errors: [{ messageId: 'root', line: 13, column: 24 }],
    },
    {
      name: 'runAsNonRoot false',
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
            runAsNonRoot: false
`,
      errors: [{ messageId: 'nonRootDisabled', line: 12, column: 27 }],
    },
    {
      name: 'wrong-typed values do not count',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: "true", runAsUser: abc}
      containers:
        - name: api
          image: api:1.0
`,
      errors: [{ messageId: 'mayRunAsRoot', line: 10, column: 11 }],
    },
    {
      name: 'init container of a RayJob head runs as root',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: job}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          securityContext: {runAsNonRoot: true}
          initContainers:
            - name: chown
              image: busybox:1.36
              securityContext: {runAsUser: 0, runAsNonRoot: false}
          containers:
            - name: ray-head
              image: rayproject/ray:2.52.0
`,
      errors: [{ messageId: 'root', line: 16, column: 44, container: 'chown' }],
    },
    {
      name: 'JobSet with two replicated jobs',
      code: `
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
    - name: leader
      template:
        spec:
          template:
            spec:
              securityContext: {runAsUser: 1000}
              containers:
                - name: leader
                  image: train:1.0
    - name: workers
      template:
        spec:
          template:
            spec:
              containers:
                - name: worker
                  image: train:1.0
`,
      errors: [{ messageId: 'mayRunAsRoot', line: 22, container: 'worker' }],
    },
  ],
});
