import rule from '../../../src/rules/resources/request-exceeds-limit';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'RayCluster'],
  valid: [
    {
      name: 'request equal to the limit in other units',
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
            requests: {cpu: 500m, memory: 1024Mi, ephemeral-storage: 1G}
            limits: {cpu: 0.5, memory: 1Gi, ephemeral-storage: 2G}
`,
    },
    {
      name: 'a request without a limit',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {requests: {cpu: 64, memory: 512Gi}}
`,
    },
    {
      name: 'GPU mismatches are gpu/request-limit-mismatch',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {nvidia.com/gpu: 2}
        limits: {nvidia.com/gpu: 1}
`,
    },
    {
      name: 'values that do not parse are quantity-invalid',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {memory: "4 Gi"}
        limits: {memory: 2Gi}
`,
    },
    {
      name: 'the container limit wins over a LimitRange default',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
    - type: Container
      default: {memory: 1Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {memory: 4Gi}
        limits: {memory: 8Gi}
`,
    },
  ],
  invalid: [
    {
      name: 'memory request above the limit',
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
            requests:
              cpu: "2"
              memory: 16Gi
            limits:
              cpu: "4"
              memory: 8Gi
`,
      errors: [
        {
          messageId: 'exceeds',
          line: 14,
          column: 23,
          message: 'requests 16Gi memory but limits it to 8Gi',
        },
      ],
    },
    {
      name: 'CPU in different units, on an init container',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: convert
          image: convert:1.0
          resources:
            requests: {cpu: "2"}
            limits: {cpu: 1500m}
      containers:
        - name: main
          image: main:1.0
`,
      errors: [
        {
          messageId: 'exceeds',
          line: 13,
          container: 'convert',
          message: 'requests 2 cpu but limits it to 1500m',
        },
      ],
    },
    {
      name: 'a LimitRange default limit below the request',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: small-defaults, namespace: inference}
spec:
  limits:
    - type: Container
      default: {memory: 2Gi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi, namespace: inference}
spec:
  template:
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.0
          resources:
            requests: {memory: 24Gi, nvidia.com/gpu: 1}
            limits: {nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'exceedsDefault', line: 20, message: 'LimitRange "small-defaults"' }],
    },
    {
      name: 'extended resources other than GPUs',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {hugepages-2Mi: 1Gi, example.com/fpga: 2}
        limits: {hugepages-2Mi: 512Mi, example.com/fpga: 1}
`,
      errors: [
        { messageId: 'exceeds', line: 10, message: 'hugepages-2Mi' },
        { messageId: 'exceeds', line: 10, message: 'example.com/fpga' },
      ],
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
      requests: {memory: 200Gi}
      limits: {memory: 100Gi, nvidia.com/gpu: 8}
`,
      errors: [{ messageId: 'exceeds', line: 9 }],
    },
  ],
});
