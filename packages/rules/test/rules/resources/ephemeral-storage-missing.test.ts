import rule from '../../../src/rules/resources/ephemeral-storage-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'request and limit',
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
          resources:
            requests: {ephemeral-storage: 2Gi}
            limits: {ephemeral-storage: 4Gi}
`,
    },
    {
      name: 'a limit alone becomes the request',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {ephemeral-storage: 10Gi}}
`,
    },
    {
      name: 'a LimitRange default limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: disk}
spec:
  limits:
    - type: Container
      default: {ephemeral-storage: 5Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'neither request nor limit',
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
          resources:
            requests: {cpu: 500m, memory: 1Gi}
            limits: {memory: 1Gi}
`,
      errors: [{ messageId: 'missing', line: 13, column: 13, container: 'api' }],
    },
    {
      name: 'a request without a limit',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: main:1.0
          resources:
            requests: {ephemeral-storage: 20Gi}
`,
      errors: [{ messageId: 'limitMissing', line: 12, column: 11 }],
    },
    {
      name: 'model download init container',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: download
      image: hf-cli:1.0
      args: [download, meta-llama/Llama-3-8B]
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {ephemeral-storage: 1Gi}}
`,
      errors: [{ messageId: 'missing', line: 7, container: 'download' }],
    },
    {
      name: 'a LimitRange default request alone leaves no limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: disk}
spec:
  limits:
    - type: Container
      defaultRequest: {ephemeral-storage: 1Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
`,
      errors: [{ messageId: 'limitMissing', line: 15 }],
    },
    {
      name: 'JobSet worker',
      code: `
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
    - name: workers
      replicas: 2
      template:
        spec:
          template:
            spec:
              containers:
                - name: trainer
                  image: trainer:1.0
                  resources:
                    limits: {nvidia.com/gpu: 8}
`,
      errors: [{ messageId: 'missing', line: 17 }],
    },
  ],
});
