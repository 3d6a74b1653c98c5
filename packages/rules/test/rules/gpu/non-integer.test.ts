import rule from '../../../src/rules/gpu/non-integer';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'RayCluster'],
  valid: [
    {
      name: 'whole numbers in any spelling the API server takes',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            requests: {nvidia.com/gpu: "2", cpu: 0.5}
            limits: {nvidia.com/gpu: 2000m, memory: 1.5Gi}
        - name: other
          image: other:1.0
          resources:
            limits: {amd.com/gpu: 1e0, gpu.intel.com/millicores: 500}
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
        limits:
          nvidia.com/gpu:
`,
    },
    {
      name: 'fractions of resources that are not GPUs',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {google.com/tpu: 0.5, cpu: 250m}
`,
    },
  ],
  invalid: [
    {
      name: 'half a GPU',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits:
              nvidia.com/gpu: 0.5
`,
      errors: [
        {
          messageId: 'fractional',
          line: 13,
          column: 31,
          message: 'asks for 0.5 nvidia.com/gpu in limits',
        },
      ],
    },
    {
      name: 'milli units in request and limit',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {nvidia.com/gpu: 500m}
        limits: {nvidia.com/gpu: 500m}
`,
      errors: [
        { messageId: 'fractional', line: 10, message: 'in requests' },
        { messageId: 'fractional', line: 11, message: 'in limits' },
      ],
    },
    {
      name: 'not a number: word, boolean, unrendered value, init container',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: warmup
          image: warmup:1.0
          resources:
            limits: {nvidia.com/gpu: true}
      containers:
        - name: main
          image: main:1.0
          resources:
            limits: {nvidia.com/gpu: one, amd.com/gpu: "\${GPUS}"}
`,
      errors: [
        { messageId: 'notNumber', line: 13, container: 'warmup', message: 'to true' },
        { messageId: 'notNumber', line: 18, container: 'main', message: 'nvidia.com/gpu to "one"' },
        {
          messageId: 'notNumber',
          line: 18,
          container: 'main',
          message: 'amd.com/gpu to "${GPUS}"',
        },
      ],
    },
    {
      name: 'MIG and shared resources too',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/mig-1g.10gb: 1.5, nvidia.com/gpu.shared: 0.25}
`,
      errors: [
        { messageId: 'fractional', line: 10, message: 'nvidia.com/mig-1g.10gb' },
        { messageId: 'fractional', line: 10, message: 'nvidia.com/gpu.shared' },
      ],
    },
    {
      name: 'KServe model container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources:
        limits: {nvidia.com/gpu: 0.5}
`,
      errors: [{ messageId: 'fractional', line: 10 }],
      variants: [],
    },
  ],
});
