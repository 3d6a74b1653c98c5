import rule from '../../../src/rules/gpu/probe-budget-too-short';
import { RuleTester } from '../../../src/testing';

const vllm = (probes: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
          resources: {limits: {nvidia.com/gpu: 1}}${probes}
`;

new RuleTester().run(rule, {
  variants: ['Deployment', 'StatefulSet', 'InferenceService', 'LeaderWorkerSet', 'RayService'],
  valid: [
    {
      name: 'a startup budget of exactly the model-load time',
      code: vllm(`
          startupProbe:
            httpGet: {path: /health, port: 8000}
            periodSeconds: 10
            failureThreshold: 60
          livenessProbe: {httpGet: {path: /health, port: 8000}}`),
    },
    {
      name: 'a shorter budget that covers a configured model-load time',
      code: vllm(`
          startupProbe: {httpGet: {path: /health, port: 8000}, failureThreshold: 30}`),
      settings: { modelLoadSeconds: 240 },
    },
    {
      name: 'without a startup probe, a liveness probe that waits long enough',
      code: vllm(`
          livenessProbe: {httpGet: {path: /health, port: 8000}, initialDelaySeconds: 600}`),
    },
    {
      name: 'a readiness probe alone restarts nothing',
      code: vllm(`
          readinessProbe: {httpGet: {path: /health, port: 8000}}`),
    },
    {
      name: 'KubeRay probes and non-serving workloads are not judged',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: eval}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: eval
          image: vllm/vllm-openai:v0.8.5
          resources: {limits: {nvidia.com/gpu: 1}}
          startupProbe: {exec: {command: [true]}}
`,
    },
  ],
  invalid: [
    {
      name: 'default thresholds give 30 s: points at the startup probe',
      code: vllm(`
          startupProbe:
            httpGet: {path: /health, port: 8000}`),
      errors: [
        {
          messageId: 'startup',
          line: 14,
          column: 11,
          message: 'gets 30 s to start (0 + 3 × 10 s), less than the 600 s',
        },
      ],
    },
    {
      name: 'a failureThreshold too low points at the value',
      code: vllm(`
          startupProbe:
            httpGet: {path: /health, port: 8000}
            initialDelaySeconds: 30
            failureThreshold: 30`),
      errors: [{ messageId: 'startup', line: 17, column: 31, message: 'gets 330 s' }],
    },
    {
      name: 'quoted numbers are read, unreadable and zero values take the defaults',
      code: vllm(`
          startupProbe:
            httpGet: {path: /health, port: 8000}
            periodSeconds: 0
            failureThreshold: lots`),
      errors: [{ messageId: 'startup', line: 17, column: 31, message: '(0 + 3 × 10 s)' }],
    },
    {
      name: 'without a startup probe the liveness budget is checked',
      code: vllm(`
          livenessProbe:
            httpGet: {path: /health, port: 8000}
            periodSeconds: "20"
            failureThreshold: "5"`),
      errors: [{ messageId: 'liveness', line: 14, column: 11, message: 'restarts it after 100 s' }],
    },
    {
      name: 'a configured model-load time',
      code: vllm(`
          startupProbe: {httpGet: {path: /health, port: 8000}, failureThreshold: 60}`),
      settings: { modelLoadSeconds: 1200 },
      errors: [{ messageId: 'startup', line: 14, column: 82, message: 'less than the 1200 s' }],
    },
    {
      name: 'a KServe ServingRuntime startup probe too short for the model',
      code: `
apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: {name: vllm-runtime}
spec:
  supportedModelFormats: [{name: huggingface}]
  containers:
    - name: kserve-container
      image: vllm/vllm-openai:v0.8.5
      startupProbe: {httpGet: {path: /health, port: 8080}, failureThreshold: 12}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      runtime: vllm-runtime
      modelFormat: {name: huggingface}
`,
      errors: [{ messageId: 'startup', line: 17, column: 5, message: 'gets 120 s' }],
      variants: [],
    },
    {
      name: 'Ray head with a user probe and a LeaderWorkerSet leader',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.40.0
              startupProbe: {exec: {command: [ray, health-check]}, failureThreshold: 20}
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: sglang-leader
            image: lmsysorg/sglang:v0.4.3
            resources: {limits: {nvidia.com/gpu: 8}}
            livenessProbe: {tcpSocket: {port: 40000}}
`,
      errors: [
        { messageId: 'startup', line: 14, column: 86, container: 'ray-head' },
        { messageId: 'liveness', line: 28, column: 13, container: 'sglang-leader' },
      ],
    },
  ],
});
