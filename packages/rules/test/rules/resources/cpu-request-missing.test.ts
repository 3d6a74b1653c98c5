import rule from '../../../src/rules/resources/cpu-request-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'requests set',
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
            requests: {cpu: 500m}
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
            limits: {cpu: "4"}
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
      requests: {cpu: 8}
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
      defaultRequest: {cpu: 500m}
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
      name: 'memory request only points at requests',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: fetch:1.0
          resources:
            requests:
              cpu: 100m
      containers:
        - name: api
          image: api:1.0
          resources:
            requests:
              memory: 1Gi
`,
      errors: [{ messageId: 'missing', line: 18, column: 13, message: 'Container "api"' }],
    },
    {
      name: 'init containers count too',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: fetch
      image: fetch:1.0
  containers:
    - name: main
      image: main:1.0
      resources: {requests: {cpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 7, container: 'fetch' }],
    },
    {
      name: 'TrainJob trainer',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {nvidia.com/gpu: 8}
`,
      errors: [{ messageId: 'missing', line: 8 }],
    },
    {
      name: 'a LimitRange in another namespace does not apply',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: other}
spec:
  limits:
    - type: Container
      defaultRequest: {cpu: 500m}
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
      errors: [{ messageId: 'missing', line: 17 }],
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
      errors: [{ messageId: 'kserveDefault', line: 9, message: '1 CPU' }],
      variants: [],
    },
  ],
});
