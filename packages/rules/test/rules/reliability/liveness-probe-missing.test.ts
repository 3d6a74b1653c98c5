import rule from '../../../src/rules/reliability/liveness-probe-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'Rollout',
    'LeaderWorkerSet',
    'InferenceService',
  ],
  valid: [
    {
      name: 'liveness probe set',
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
          livenessProbe:
            httpGet: {path: /health, port: 8080}
`,
    },
    {
      name: 'Jobs and training runs are not long-running',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: ft:1.0
`,
    },
    {
      name: 'a Pod that does not restart is batch',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: OnFailure
  containers:
    - name: once
      image: once:1.0
`,
    },
    {
      name: 'KubeRay injects probes into the Ray container of head and worker pods',
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
    workerGroupSpecs:
      - groupName: gpu
        replicas: 2
        rayStartParams: {}
        template:
          spec:
            containers:
              - name: ray-worker
                image: rayproject/ray:2.40.0-gpu
`,
    },
    {
      name: 'init containers are not checked',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers:
        - name: download
          image: fetch:1.0
      containers:
        - name: api
          image: api:1.0
          livenessProbe: {tcpSocket: {port: 8080}}
`,
    },
    {
      name: 'a KServe model whose runtime is chosen by KServe is not judged',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://meta-llama/Llama-3.1-8B-Instruct
`,
    },
    {
      name: 'a KServe model gets the liveness probe of its ServingRuntime',
      code: `
apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: vllm-runtime}
spec:
  supportedModelFormats: [{name: huggingface}]
  containers:
    - name: kserve-container
      image: vllm/vllm-openai:v0.8.5
      livenessProbe:
        httpGet: {path: /health, port: 8080}
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
    },
  ],
  invalid: [
    {
      name: 'Deployment without a liveness probe points at the container',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  replicas: 2
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
      errors: [{ messageId: 'missing', line: 12, column: 11, container: 'vllm' }],
    },
    {
      name: 'every regular container is checked, the sidecar too',
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
        - name: exporter
          image: exporter:1.0
`,
      errors: [{ messageId: 'missing', line: 15, container: 'exporter' }],
    },
    {
      name: 'a liveness probe that is not a map counts as missing',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - name: agent
          image: agent:1.0
          livenessProbe: "yes"
`,
      errors: [{ messageId: 'missing', line: 13, column: 26 }],
    },
    {
      name: 'a Pod that restarts is long-running',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: ollama}
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.5.7
`,
      errors: [{ messageId: 'missing', line: 7, column: 7 }],
      variants: [],
    },
    {
      name: 'KServe custom predictor container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: custom}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: ghcr.io/example/server:1.2
`,
      errors: [{ messageId: 'missing', line: 8, column: 9 }],
    },
    {
      name: 'KServe model whose ServingRuntime has no liveness probe',
      code: `
apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: {name: kserve-huggingfaceserver}
spec:
  supportedModelFormats: [{name: huggingface}]
  containers:
    - name: kserve-container
      image: kserve/huggingfaceserver:v0.14.0
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      runtime: kserve-huggingfaceserver
      modelFormat: {name: huggingface}
`,
      errors: [{ messageId: 'missing', line: 16, column: 5 }],
      variants: [],
    },
    {
      name: 'Ray sidecars and LeaderWorkerSet workers are checked',
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
          - name: fluentbit
            image: fluent/fluent-bit:3.0
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: lmsysorg/sglang:v0.4.3
            livenessProbe: {tcpSocket: {port: 40000}}
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: lmsysorg/sglang:v0.4.3
`,
      errors: [
        { messageId: 'missing', line: 13, container: 'fluentbit' },
        { messageId: 'missing', line: 32, container: 'worker' },
      ],
    },
  ],
});
