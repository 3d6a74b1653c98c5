import rule from '../../../src/rules/security/seccomp-profile-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'pod-level RuntimeDefault',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      initContainers:
        - name: fetch
          image: fetch:1.0
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'every container sets its own profile',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1.0
      securityContext:
        seccompProfile: {type: Localhost, localhostProfile: profiles/a.json}
    - name: b
      image: b:1.0
      securityContext:
        seccompProfile: {type: RuntimeDefault}
`,
    },
    {
      name: 'legacy pod annotation (the API server copies it into the field)',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
    spec:
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'a container field wins over an unconfined pod profile',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: {type: Unconfined}
  containers:
    - name: main
      image: main:1.0
      securityContext:
        seccompProfile: {type: RuntimeDefault}
`,
    },
    {
      name: 'Windows pods and TrainJob are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  os: {name: windows}
  containers:
    - name: main
      image: mcr.microsoft.com/windows/servercore:ltsc2022
---
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
      name: 'nothing set: points at the pod securityContext',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: api:1.0
`,
      errors: [{ messageId: 'missing', line: 8, column: 7, message: 'container "api"' }],
    },
    {
      name: 'one of two containers lacks a profile',
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
            seccompProfile: {type: RuntimeDefault}
        - name: sidecar
          image: sidecar:1.0
`,
      errors: [{ messageId: 'missing', line: 7, column: 5, message: 'container "sidecar"' }],
    },
    {
      name: 'unconfined container',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: api
          image: api:1.0
          securityContext:
            seccompProfile:
              type: Unconfined
`,
      errors: [{ messageId: 'unconfined', line: 15, column: 21, message: 'Container "api"' }],
    },
    {
      name: 'unconfined pod applies to containers without their own',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: sandbox}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        securityContext:
          seccompProfile: {type: Unconfined}
        initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              seccompProfile: {type: RuntimeDefault}
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
      errors: [
        { messageId: 'podUnconfined', line: 11, column: 34, message: 'container "ray-head"' },
      ],
    },
    {
      name: 'legacy annotations: unconfined container, pod default',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: docker/default
        container.seccomp.security.alpha.kubernetes.io/debug: unconfined
    spec:
      containers:
        - name: api
          image: api:1.0
        - name: debug
          image: debug:1.0
`,
      errors: [{ messageId: 'unconfined', line: 10, message: 'Container "debug"' }],
    },
    {
      name: 'an invalid type is not a profile',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: {type: runtime/default}
  containers:
    - name: main
      image: main:1.0
`,
      errors: [{ messageId: 'podUnconfined', line: 7, message: '"runtime/default"' }],
    },
    {
      name: 'PyTorchJob workers and masters are separate pod templates',
      variants: [],
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
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: pytorch
              image: train:1.0
    Worker:
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: train:1.0
`,
      errors: [{ messageId: 'missing', line: 18, column: 9 }],
    },
  ],
});
