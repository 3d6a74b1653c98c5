import rule from '../../../src/rules/gpu/request-limit-mismatch';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [
    'Deployment',
    'CronJob',
    'PyTorchJob',
    'InferenceService',
    'RayCluster',
    'LeaderWorkerSet',
  ],
  valid: [
    {
      name: 'equal, whatever the spelling',
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
            requests: {nvidia.com/gpu: "2", cpu: 1}
            limits: {nvidia.com/gpu: 2, cpu: 4}
`,
    },
    {
      name: 'a limit alone',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 4}}
`,
    },
    {
      name: 'values that do not parse are gpu/non-integer',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        requests: {nvidia.com/gpu: two}
        limits: {nvidia.com/gpu: 1}
`,
    },
  ],
  invalid: [
    {
      name: 'request below the limit',
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
            requests:
              nvidia.com/gpu: 1
            limits:
              nvidia.com/gpu: 2
`,
      errors: [
        {
          messageId: 'mismatch',
          line: 13,
          column: 31,
          message: 'requests 1 nvidia.com/gpu but limits it to 2',
        },
      ],
    },
    {
      name: 'request above the limit, MIG and init container',
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
            requests: {nvidia.com/mig-1g.10gb: 2}
            limits: {nvidia.com/mig-1g.10gb: 1}
      containers:
        - name: main
          image: main:1.0
          resources:
            requests: {nvidia.com/gpu: 8, cpu: 4}
            limits: {nvidia.com/gpu: 4, cpu: 8}
`,
      errors: [
        { messageId: 'mismatch', line: 13, container: 'warmup', message: 'nvidia.com/mig-1g.10gb' },
        {
          messageId: 'mismatch',
          line: 19,
          container: 'main',
          message: 'requests 8 nvidia.com/gpu',
        },
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
      requests: {amd.com/gpu: 4}
      limits: {amd.com/gpu: 8}
`,
      errors: [{ messageId: 'mismatch', line: 9 }],
    },
  ],
});
