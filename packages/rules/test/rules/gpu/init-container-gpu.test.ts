import { resolveConfig } from '../../../src/engine/config';
import { scan } from '../../../src/engine/scan';
import rule from '../../../src/rules/gpu/init-container-gpu';
import { RuleTester } from '../../../src/testing';

const HANDED_ON = `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: build-engine
      image: tensorrt-llm:0.10
      resources: {limits: {nvidia.com/gpu: 1}}
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-trtllm-python-py3
      resources: {limits: {nvidia.com/gpu: 1}}
`;

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'RayCluster', 'LeaderWorkerSet', 'JobSet'],
  valid: [
    {
      name: 'init container without GPUs',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      initContainers:
        - name: download
          image: hf-cli:1.0
          resources: {limits: {cpu: 1, memory: 2Gi, nvidia.com/gpu: 0}}
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'CPU-only pods are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: setup:1.0
  containers:
    - name: main
      image: main:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'init container asks for more GPUs than the containers use',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      initContainers:
        - name: warmup
          image: warmup:1.0
          resources:
            limits:
              nvidia.com/gpu: 2
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits: {nvidia.com/gpu: 1}
`,
      errors: [
        {
          messageId: 'idle',
          line: 13,
          column: 31,
          container: 'warmup',
          message: "asks for 2 nvidia.com/gpu but the pod's containers use 1",
        },
      ],
    },
    {
      name: 'the only GPU user is the init container (a request alone)',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: quantize
          image: quantize:1.0
          resources:
            requests: {nvidia.com/gpu: 1}
            limits: {nvidia.com/gpu: 1}
        - name: no-gpu
          image: setup:1.0
      containers:
        - name: main
          image: main:1.0
`,
      errors: [{ messageId: 'idle', line: 14, container: 'quantize', message: 'containers use 0' }],
    },
    {
      name: 'devices handed on to the main container',
      code: HANDED_ON,
      errors: [{ messageId: 'handedOn', line: 9, container: 'build-engine' }],
    },
    {
      name: 'a sidecar holds its GPUs',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: gpu-sidecar
      image: sidecar:1.0
      restartPolicy: Always
      resources: {limits: {nvidia.com/mig-1g.10gb: 1}}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'sidecar', line: 10, message: 'holds 1 nvidia.com/mig-1g.10gb' }],
    },
    {
      name: 'a count that does not parse',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: warmup
      image: warmup:1.0
      resources: {limits: {nvidia.com/gpu: all}}
  containers:
    - name: main
      image: main:1.0
`,
      errors: [{ messageId: 'handedOn', line: 9, message: '"all" nvidia.com/gpu' }],
    },
  ],
});

describe('gpu/init-container-gpu severity', () => {
  it('is only information when the containers use the devices afterwards', () => {
    const result = scan([{ file: 'p.yaml', text: HANDED_ON }], {
      config: resolveConfig({ extends: 'all' }, [rule]),
      complete: true,
      rules: [rule],
    });
    expect(result.findings.map((f) => f.severity)).toEqual(['info']);
  });
});
