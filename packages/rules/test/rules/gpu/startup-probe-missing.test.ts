import rule from '../../../src/rules/gpu/startup-probe-missing';
import { RuleTester } from '../../../src/testing';

const vllm = (probes: string, extra = ''): string => `
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
          resources: {limits: {nvidia.com/gpu: 1}}${probes}${extra}
`;

new RuleTester().run(rule, {
  variants: ['Deployment', 'StatefulSet', 'InferenceService', 'LeaderWorkerSet', 'RayService'],
  valid: [
    {
      name: 'liveness guarded by a startup probe',
      code: vllm(`
          startupProbe: {httpGet: {path: /health, port: 8000}, failureThreshold: 60}
          livenessProbe: {httpGet: {path: /health, port: 8000}}`),
    },
    {
      name: 'a readiness probe alone restarts nothing',
      code: vllm(`
          readinessProbe: {httpGet: {path: /health, port: 8000}}`),
    },
    {
      name: 'a CPU sidecar of a model server is not the model container',
      code: vllm(
        `
          startupProbe: {httpGet: {path: /health, port: 8000}, failureThreshold: 60}`,
        `
        - name: metrics-proxy
          image: ghcr.io/example/proxy:1.0
          livenessProbe: {tcpSocket: {port: 9090}}`,
      ),
    },
    {
      name: 'the probes KubeRay injects are not judged',
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
`,
    },
    {
      name: 'not an inference server: a CPU API and a GPU Job',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: ghcr.io/example/api:1.0
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: batch-infer}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: infer
          image: vllm/vllm-openai:v0.8.5
          resources: {limits: {nvidia.com/gpu: 1}}
          livenessProbe: {httpGet: {path: /health, port: 8000}}
`,
    },
    {
      name: 'a KServe model whose runtime is not in the set may get its startup probe there',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      livenessProbe: {httpGet: {path: /health, port: 8080}}
`,
    },
  ],
  invalid: [
    {
      name: 'a GPU model server with a liveness probe and no startup probe',
      code: vllm(`
          livenessProbe:
            httpGet: {path: /health, port: 8000}
            initialDelaySeconds: 60`),
      errors: [
        {
          messageId: 'missing',
          line: 11,
          column: 11,
          container: 'vllm',
          message: 'restarts the container after 90 s',
        },
      ],
    },
    {
      name: 'a CPU container whose image names a model server',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: tgi}
spec:
  serviceName: tgi
  selector: {matchLabels: {app: tgi}}
  template:
    metadata: {labels: {app: tgi}}
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4
          livenessProbe: {httpGet: {path: /health, port: 80}}
        - name: sidecar
          image: busybox:1.36
`,
      errors: [{ messageId: 'missing', line: 12, container: 'tgi' }],
      variants: ['Deployment', 'LeaderWorkerSet'],
    },
    {
      name: 'a KServe custom predictor (serving kind, CPU)',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: custom}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: ghcr.io/example/server:1.2
        livenessProbe: {tcpSocket: {port: 8080}, failureThreshold: "5"}
`,
      errors: [{ messageId: 'missing', line: 8, column: 9, message: 'after 50 s' }],
      variants: ['RayService'],
    },
    {
      name: 'a KServe model whose ServingRuntime has a liveness probe and no startup probe',
      code: `
apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: vllm-runtime}
spec:
  supportedModelFormats: [{name: huggingface}]
  containers:
    - name: kserve-container
      image: vllm/vllm-openai:v0.8.5
      livenessProbe: {httpGet: {path: /health, port: 8080}}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      runtime: vllm-runtime
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 17, column: 5 }],
      variants: [],
    },
    {
      name: 'user probes on a Ray container and a LeaderWorkerSet leader',
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
              livenessProbe: {exec: {command: [ray, health-check]}}
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
    workerTemplate:
      spec:
        containers:
          - name: sglang-worker
            image: lmsysorg/sglang:v0.4.3
            resources: {limits: {nvidia.com/gpu: 8}}
`,
      errors: [
        { messageId: 'missing', line: 12, container: 'ray-head' },
        { messageId: 'missing', line: 25, container: 'sglang-leader' },
      ],
    },
  ],
});
