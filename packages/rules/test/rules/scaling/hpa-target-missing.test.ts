import rule from '../../../src/rules/scaling/hpa-target-missing';
import { RuleTester } from '../../../src/testing';

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: prod}
spec:
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`;

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'target in the set',
      code: `${deployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: prod}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 4
`,
    },
    {
      name: 'ScaledObject with the default kind Deployment',
      code: `${deployment}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: api, namespace: prod}
spec:
  scaleTargetRef: {name: api}
  triggers: [{type: cpu, metadata: {value: "60"}}]
`,
    },
    {
      name: 'LeaderWorkerSet target',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers: [{name: w, image: vllm/vllm-openai:v0.6.0}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: lws}
spec:
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: lws}
  maxReplicas: 4
`,
    },
    {
      name: 'the predictor Deployment KServe creates for an InferenceService of the set',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations:
    serving.kserve.io/deploymentMode: RawDeployment
    serving.kserve.io/autoscalerClass: external
spec:
  predictor:
    model: {modelFormat: {name: huggingface}}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llama}
spec:
  scaleTargetRef: {name: llama-predictor}
  triggers: [{type: prometheus, metadata: {query: q, threshold: "1"}}]
`,
    },
    {
      name: 'a partial scan cannot tell',
      complete: false,
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: elsewhere}
  maxReplicas: 4
`,
    },
  ],
  invalid: [
    {
      name: 'no such Deployment',
      code: `${deployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: prod}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: api-v2
  maxReplicas: 4
`,
      errors: [
        {
          messageId: 'missing',
          line: 17,
          column: 11,
          message:
            'HorizontalPodAutoscaler "api" scales Deployment "api-v2", which is not in the scanned set.',
        },
      ],
    },
    {
      name: 'the target is in another namespace',
      code: `${deployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: staging}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 4
`,
      errors: [{ messageId: 'missing', line: 14 }],
    },
    {
      name: 'the wrong kind',
      code: `${deployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: prod}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: api}
  maxReplicas: 4
`,
      errors: [{ messageId: 'missing', line: 14, message: 'scales StatefulSet "api"' }],
    },
    {
      name: 'a ScaledObject whose Deployment is rendered elsewhere',
      code: `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: vllm-scaledobject, namespace: default}
spec:
  scaleTargetRef:
    name: vllm-llama3-deployment-vllm
  triggers: [{type: prometheus, metadata: {query: q, threshold: "5"}}]
`,
      errors: [{ messageId: 'missing', line: 7, message: 'ScaledObject "vllm-scaledobject"' }],
    },
    {
      name: 'a Knative-mode InferenceService creates no <name>-predictor Deployment',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: Serverless}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llama}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llama-predictor}
  maxReplicas: 4
`,
      errors: [{ messageId: 'missing', line: 15, message: 'Deployment "llama-predictor"' }],
    },
    {
      name: 'an HPA without a target name',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: 42}
  maxReplicas: 4
`,
      errors: [{ messageId: 'noTarget', line: 6 }],
    },
    {
      name: 'an HPA without a target kind',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef:
    name: api
  maxReplicas: 4
`,
      errors: [{ messageId: 'noTarget', line: 6 }],
    },
  ],
});
