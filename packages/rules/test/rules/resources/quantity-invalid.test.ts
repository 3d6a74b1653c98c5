import rule from '../../../src/rules/resources/quantity-invalid';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'every quantity form the API server accepts',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {cpu: 0.5, memory: 1e9, ephemeral-storage: 10G, hugepages-1Gi: 2Gi}
        limits: {cpu: 1500m, memory: "2147483648", ephemeral-storage: .5Ti, nvidia.com/gpu: 1}
  volumes:
    - name: shm
      emptyDir: {medium: Memory, sizeLimit: 8Gi}
    - name: scratch
      emptyDir: {}
`,
    },
    {
      name: 'an empty value reads as zero',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests:
          cpu:
`,
    },
    {
      name: 'a GPU count that is not a number is gpu/non-integer',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/gpu: one}
`,
    },
  ],
  invalid: [
    {
      name: 'a space before the unit',
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
            requests:
              memory: 2 Gi
            limits:
              memory: 4gi
              cpu: 1.5.0
`,
      errors: [
        { messageId: 'invalid', line: 13, column: 23, message: 'requests.memory to "2 Gi"' },
        { messageId: 'invalid', line: 15, column: 23, message: 'limits.memory to "4gi"' },
        { messageId: 'invalid', line: 16, column: 20, message: '"1.5.0"' },
      ],
    },
    {
      name: 'wrong types and a negative amount, init container included',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: fetch
          image: fetch:1.0
          resources:
            requests: {cpu: true, memory: [1Gi]}
      containers:
        - name: main
          image: main:1.0
          resources:
            limits: {cpu: -1, nvidia.com/gpu: -2}
`,
      errors: [
        { messageId: 'invalid', line: 13, container: 'fetch', message: 'to true' },
        { messageId: 'invalid', line: 13, container: 'fetch', message: '["1Gi"]' },
        { messageId: 'negative', line: 18, container: 'main', message: 'limits.cpu to -1' },
        { messageId: 'negative', line: 18, container: 'main', message: 'nvidia.com/gpu' },
      ],
    },
    {
      name: 'requests and resources that are not maps',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: setup:1.0
      resources: [cpu, memory]
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: 2Gi
`,
      errors: [
        {
          messageId: 'notMap',
          line: 9,
          column: 7,
          message: 'has resources set to ["cpu","memory"]',
        },
        {
          messageId: 'notMap',
          line: 14,
          column: 19,
          message: 'has resources.requests set to "2Gi"',
        },
      ],
    },
    {
      name: 'emptyDir sizeLimit',
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
          resources: {limits: {memory: 1Gi}}
      volumes:
        - name: dshm
          emptyDir:
            medium: Memory
            sizeLimit: 16 GiB
`,
      errors: [{ messageId: 'sizeLimitInvalid', line: 16, column: 24, message: 'Volume "dshm"' }],
    },
    {
      name: 'TrainJob resourcesPerNode',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {memory: 64GB}
`,
      errors: [{ messageId: 'invalid', line: 9, message: '"64GB"' }],
    },
    {
      name: 'TrainJob resourcesPerNode that is not a map',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode: 8
`,
      errors: [{ messageId: 'notMap', line: 8, message: 'has resourcesPerNode set to 8' }],
    },
  ],
});
