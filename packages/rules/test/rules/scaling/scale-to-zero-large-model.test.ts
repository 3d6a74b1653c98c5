import rule from '../../../src/rules/scaling/scale-to-zero-large-model';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'GPU predictor that keeps one replica',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: 1
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'minReplicas unset defaults to 1',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
        resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'CPU predictor may scale to zero',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris}
spec:
  predictor:
    minReplicas: 0
    sklearn:
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
      resources: {limits: {cpu: "1", memory: 2Gi}}
`,
    },
    {
      name: 'a GPU transformer with a CPU predictor at zero',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris}
spec:
  predictor:
    minReplicas: 0
    sklearn: {storageUri: gs://models/iris}
  transformer:
    minReplicas: 0
    containers:
      - name: t
        image: transformer:1.0
        resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'raw deployment with an HPA never goes below one pod',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec:
  predictor:
    minReplicas: 0
    maxReplicas: 2
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'minReplicas as an unreadable value',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: none
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a GPU Deployment with replicas 0 is not KServe',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: 0
  template:
    spec:
      containers:
        - name: s
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
  ],
  invalid: [
    {
      name: 'GPU predictor at zero (Knative)',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: 0
    maxReplicas: 2
    model:
      modelFormat: {name: huggingface}
      resources:
        limits: {nvidia.com/gpu: 1}
`,
      errors: [
        {
          messageId: 'zero',
          line: 7,
          column: 18,
          message: 'InferenceService "llama" lets its GPU predictor scale to zero',
        },
      ],
    },
    {
      name: 'raw deployment with the KEDA autoscaler class, minReplicas as a string',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations:
    serving.kserve.io/deploymentMode: Standard
    serving.kserve.io/autoscalerClass: keda
spec:
  predictor:
    minReplicas: "0"
    maxReplicas: 2
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
        resources: {limits: {nvidia.com/gpu: "2"}}
`,
      errors: [{ messageId: 'zero', line: 11 }],
    },
    {
      name: 'MIG slice on the predictor',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: small}
spec:
  predictor:
    minReplicas: 0
    triton:
      storageUri: s3://models/small
      resources: {limits: {nvidia.com/mig-1g.10gb: 1}}
`,
      errors: [{ messageId: 'zero', line: 7 }],
    },
  ],
});
