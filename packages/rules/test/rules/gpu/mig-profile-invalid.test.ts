import rule from '../../../src/rules/gpu/mig-profile-invalid';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'InferenceService', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'profiles of A100, H100 and H200, media and shared variants',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1.0
      resources:
        limits: {nvidia.com/mig-1g.5gb: 1, nvidia.com/mig-3g.40gb: 1, nvidia.com/mig-7g.141gb: 1}
    - name: b
      image: b:1.0
      resources:
        limits: {nvidia.com/mig-1g.10gb.me: 1, nvidia.com/mig-1g.10gb.me.all: 1, nvidia.com/mig-1g.10gb-me: 1}
    - name: c
      image: c:1.0
      resources:
        limits: {nvidia.com/mig-2g.20gb.shared: 1}
`,
    },
    {
      name: 'whole GPUs (single MIG strategy)',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
  ],
  invalid: [
    {
      name: 'a missing dot',
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
              nvidia.com/mig-1g10gb: 1
`,
      errors: [{ messageId: 'invalid', line: 13, column: 38, message: '"nvidia.com/mig-1g10gb"' }],
    },
    {
      name: 'upper case, missing unit, too many slices; reported once per name',
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
            requests: {nvidia.com/mig-3g.40: 1}
            limits: {nvidia.com/mig-3g.40: 1}
      containers:
        - name: main
          image: main:1.0
          resources:
            limits: {nvidia.com/MIG-1g.10gb: 1, nvidia.com/mig-8g.80gb: 1, nvidia.com/mig-1g.10GB: 1}
`,
      errors: [
        { messageId: 'invalid', line: 13, container: 'warmup', message: 'nvidia.com/mig-3g.40"' },
        { messageId: 'invalid', line: 19, container: 'main', message: 'nvidia.com/MIG-1g.10gb' },
        { messageId: 'invalid', line: 19, container: 'main', message: 'nvidia.com/mig-8g.80gb' },
        { messageId: 'invalid', line: 19, container: 'main', message: 'nvidia.com/mig-1g.10GB' },
      ],
    },
    {
      name: 'a plus sign instead of a dot, even with a zero count',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources:
        limits: {nvidia.com/mig-1g.5gb+me: 0}
`,
      errors: [{ messageId: 'invalid', line: 10 }],
    },
    {
      name: 'KServe model container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: small}
spec:
  predictor:
    model:
      modelFormat: {name: onnx}
      resources:
        limits: {nvidia.com/mig-1g.5g: 1}
`,
      errors: [{ messageId: 'invalid', line: 10 }],
      variants: [],
    },
  ],
});
