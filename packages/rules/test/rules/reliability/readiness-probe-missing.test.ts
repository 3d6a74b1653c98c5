import rule from '../../../src/rules/reliability/readiness-probe-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'readiness probe set',
      code: `
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
          readinessProbe:
            httpGet: {path: /health, port: 8000}
`,
    },
    {
      name: 'batch workloads are left out',
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: eval
              image: eval:1.0
---
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
    - name: workers
      template:
        spec:
          template:
            spec:
              containers:
                - name: trainer
                  image: trainer:1.0
`,
    },
    {
      name: 'KServe gives the serving container a readiness probe (model field and custom container)',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: sklearn}
spec:
  predictor:
    model:
      modelFormat: {name: sklearn}
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
  transformer:
    containers:
      - name: kserve-container
        image: ghcr.io/example/transformer:1.0
`,
    },
    {
      name: 'KubeRay injects readiness probes into the Ray container',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.40.0
`,
    },
  ],
  invalid: [
    {
      name: 'Deployment without a readiness probe',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: embedder}
spec:
  replicas: 3
  selector: {matchLabels: {app: embedder}}
  template:
    metadata: {labels: {app: embedder}}
    spec:
      containers:
        - name: embedder
          image: ghcr.io/example/embedder:1.4.2
          livenessProbe:
            tcpSocket: {port: 8080}
`,
      errors: [{ messageId: 'missing', line: 12, column: 11, container: 'embedder' }],
    },
    {
      name: 'readiness probe null counts as missing',
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
          image: api:1.0
          readinessProbe: null
`,
      errors: [{ messageId: 'missing', line: 13, column: 27 }],
    },
    {
      name: 'a second container of a KServe predictor gets no default probe',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: custom}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: ghcr.io/example/server:1.2
      - name: agent
        image: ghcr.io/example/agent:1.0
`,
      errors: [{ messageId: 'missing', line: 10, column: 9, container: 'agent' }],
      variants: [],
    },
    {
      name: 'next to a model field, the containers of a component are sidecars',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
    containers:
      - name: cache-warmer
        image: ghcr.io/example/warmer:1.0
`,
      errors: [{ messageId: 'missing', line: 10, column: 9, container: 'cache-warmer' }],
      variants: [],
    },
    {
      name: 'RayService sidecar and LeaderWorkerSet worker',
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
            - name: log-shipper
              image: fluent/fluent-bit:3.0
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: vllm-leader
            image: vllm/vllm-openai:v0.8.5
            readinessProbe: {tcpSocket: {port: 8080}}
    workerTemplate:
      spec:
        containers:
          - name: vllm-worker
            image: vllm/vllm-openai:v0.8.5
`,
      errors: [
        { messageId: 'missing', line: 14, container: 'log-shipper' },
        { messageId: 'missing', line: 33, container: 'vllm-worker' },
      ],
    },
  ],
});
