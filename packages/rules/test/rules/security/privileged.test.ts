import rule from '../../../src/rules/security/privileged';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'privileged false and unset',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext: {privileged: false}
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'a string "true" is not a privileged container (the API rejects it)',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      securityContext: {privileged: "true"}
`,
    },
    {
      name: 'GPU inference server with device plugin resources only',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources:
        limits: {nvidia.com/gpu: 1}
`,
    },
    {
      name: 'the container overrides a pod-level hostProcess',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  securityContext:
    windowsOptions: {hostProcess: true}
  containers:
    - name: main
      image: main:1.0
      securityContext:
        windowsOptions: {hostProcess: false}
`,
    },
    {
      name: 'securityContext of the wrong type',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: [privileged]
  containers:
    - name: main
      image: main:1.0
      securityContext: privileged
`,
    },
  ],
  invalid: [
    {
      name: 'privileged container',
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
`,
      errors: [{ messageId: 'privileged', line: 12, column: 25, container: 'api' }],
    },
    {
      name: 'privileged init container',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: setup}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: sysctl
          image: busybox:1.36
          securityContext: {privileged: true}
      containers:
        - name: train
          image: train:1.0
`,
      errors: [{ messageId: 'privileged', line: 12, container: 'sysctl' }],
    },
    {
      name: 'Ray worker group',
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
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.52.0-gpu
              securityContext:
                privileged: true
`,
      errors: [{ messageId: 'privileged', line: 22, container: 'ray-worker' }],
    },
    {
      name: 'KServe predictor model container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      securityContext:
        privileged: true
`,
      errors: [{ messageId: 'privileged', line: 10, container: 'kserve-container' }],
      // The model field exists only in a KServe predictor.
      variants: [],
    },
    {
      name: 'Windows HostProcess set at pod level',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: exporter}
spec:
  template:
    spec:
      hostNetwork: true
      securityContext:
        windowsOptions:
          hostProcess: true
          runAsUserName: "NT AUTHORITY\\\\SYSTEM"
      containers:
        - name: exporter
          image: exporter:1.0
`,
      errors: [{ messageId: 'hostProcess', line: 11, column: 24 }],
    },
  ],
});
