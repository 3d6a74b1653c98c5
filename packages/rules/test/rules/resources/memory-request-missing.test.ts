import rule from '../../../src/rules/resources/memory-request-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'request set',
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
`,
    },
    {
      name: 'a limit alone becomes the request',
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
          resources:
            limits: {memory: 16Gi}
`,
    },
    {
      name: 'a LimitRange of the same namespace supplies the request',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: ml}
spec:
  limits:
    - type: Container
      defaultRequest: {memory: 512Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ml}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'a LimitRange default limit also defaults the request',
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
`,
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
      requests: {memory: 64Gi}
`,
    },
  ],
  invalid: [
    {
      name: 'no resources at all points at the container',
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
`,
      errors: [{ messageId: 'missing', line: 9, column: 11, container: 'api' }],
    },
    {
      name: 'CPU request only points at requests',
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
            requests:
              cpu: 500m
            limits:
              cpu: "1"
`,
      errors: [{ messageId: 'missing', line: 12, column: 13, message: 'Container "api"' }],
    },
    {
      name: 'init containers count too',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: fetch-model
      image: fetch:1.0
      resources: {requests: {cpu: 100m}}
  containers:
    - name: main
      image: main:1.0
      resources: {requests: {memory: 1Gi}}
`,
      errors: [{ messageId: 'missing', line: 9, container: 'fetch-model' }],
    },
    {
      name: 'a LimitRange of another namespace does not apply',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: other}
spec:
  limits:
    - type: Container
      defaultRequest: {memory: 512Mi}
    - type: Pod
      max: {memory: 8Gi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ml}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
`,
      errors: [{ messageId: 'missing', line: 19 }],
    },
    {
      name: 'requests that are not a map do not count',
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
            requests: "1Gi"
`,
      errors: [{ messageId: 'missing', line: 12 }],
    },
    {
      name: 'RayCluster worker group',
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
            image: rayproject/ray:2.9.0
            resources: {limits: {cpu: 2, memory: 8Gi}}
  workerGroupSpecs:
    - groupName: gpu
      replicas: 2
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.9.0-gpu
              resources:
                limits: {nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'missing', line: 23, container: 'ray-worker' }],
    },
    {
      name: 'KServe model container: KServe applies its default',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources:
        limits: {nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'kserveDefault', line: 9, message: '2Gi' }],
      variants: [],
    },
    {
      name: 'KServe custom container: only the first gets the default',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
      - name: proxy
        image: envoy:1.30
`,
      errors: [
        { messageId: 'kserveDefault', line: 8, container: 'kserve-container' },
        { messageId: 'missing', line: 10, container: 'proxy' },
      ],
      variants: [],
    },
    {
      name: 'LeaderWorkerSet worker',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  replicas: 1
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: vllm/vllm-openai:v0.6.0
            resources: {requests: {memory: 32Gi}}
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: vllm/vllm-openai:v0.6.0
`,
      errors: [{ messageId: 'missing', line: 18, container: 'worker' }],
    },
  ],
});
