import { resolveConfig } from '../../../src/engine/config';
import { scan } from '../../../src/engine/scan';
import rule from '../../../src/rules/resources/memory-limit-missing';
import { RuleTester } from '../../../src/testing';

const GPU_JOB = `
apiVersion: batch/v1
kind: Job
metadata: {name: finetune}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime
          resources:
            requests: {cpu: "8", memory: 64Gi}
            limits: {nvidia.com/gpu: 4}
        - name: log-shipper
          image: fluent-bit:3.0
          resources:
            requests: {cpu: 100m, memory: 128Mi}
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'limit set',
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
            limits: {memory: 1Gi}
`,
    },
    {
      name: 'a LimitRange of the namespace supplies a default limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: serving}
spec:
  limits:
    - type: Container
      default: {memory: 2Gi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: serving}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'a LimitRange max becomes the default limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: caps}
spec:
  limits:
    - type: Container
      max: {memory: 8Gi}
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
    {
      name: 'TrainJob resourcesPerNode with a limit',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {nvidia.com/gpu: 8, memory: 512Gi}
`,
    },
  ],
  invalid: [
    {
      name: 'a request is not a limit',
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
            requests: {memory: 1Gi}
            limits: {cpu: "1"}
`,
      errors: [{ messageId: 'missing', line: 13, column: 13, container: 'api' }],
    },
    {
      name: 'GPU container and its sidecar get different messages',
      code: GPU_JOB,
      errors: [
        { messageId: 'missingGpu', line: 14, column: 13, container: 'trainer' },
        { messageId: 'missing', line: 17, column: 11, container: 'log-shipper' },
      ],
      variants: ['Deployment', 'CronJob', 'PyTorchJob', 'JobSet', 'RayCluster', 'LeaderWorkerSet'],
    },
    {
      name: 'init containers count too',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: download
      image: hf-downloader:1.0
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {memory: 1Gi}}
`,
      errors: [{ messageId: 'missing', line: 7, container: 'download' }],
    },
    {
      name: 'a string where the resources map goes',
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
          resources: 2Gi
`,
      errors: [{ messageId: 'missing', line: 11 }],
    },
    {
      name: 'LimitRange with only a default request gives no limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
    - type: Container
      defaultRequest: {memory: 1Gi}
---
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
      errors: [{ messageId: 'missing', line: 17 }],
    },
    {
      name: 'KServe model container relies on the KServe default',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources:
        requests: {memory: 40Gi}
        limits: {nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'kserveDefault', line: 11, container: 'kserve-container' }],
      variants: [],
    },
    {
      name: 'PyTorchJob master and worker',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ddp}
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: ddp:1.0
              resources: {limits: {nvidia.com/gpu: 1, memory: 32Gi}}
    Worker:
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: ddp:1.0
              resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missingGpu', line: 22 }],
    },
  ],
});

describe('resources/memory-limit-missing severity', () => {
  const severities = (code: string, rules?: Record<string, 'info'>): string[] =>
    scan([{ file: 'gpu.yaml', text: code }], {
      config: resolveConfig({ extends: 'all', rules }, [rule]),
      complete: true,
      rules: [rule],
    }).findings.map((f) => `${f.container}: ${f.severity}`);

  it('is an error on GPU containers and a warning on the others', () => {
    expect(severities(GPU_JOB)).toEqual(['trainer: error', 'log-shipper: warning']);
  });

  it('follows the configured severity when one is set', () => {
    expect(severities(GPU_JOB, { [rule.meta.id]: 'info' })).toEqual([
      'trainer: info',
      'log-shipper: info',
    ]);
  });
});
