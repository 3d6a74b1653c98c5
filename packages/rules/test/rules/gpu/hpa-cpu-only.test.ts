import rule from '../../../src/rules/gpu/hpa-cpu-only';
import { RuleTester } from '../../../src/testing';

const gpuDeployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
`;

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'queue length as a Pods metric next to CPU',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  minReplicas: 2
  maxReplicas: 8
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
    - type: Pods
      pods:
        metric: {name: vllm_num_requests_waiting}
        target: {type: AverageValue, averageValue: "5"}
`,
    },
    {
      name: 'DCGM utilisation as an External metric',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 8
  metrics:
    - type: External
      external:
        metric: {name: DCGM_FI_DEV_GPU_UTIL}
        target: {type: AverageValue, averageValue: "70"}
`,
    },
    {
      name: 'KEDA prometheus trigger',
      code: `${gpuDeployment}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llm}
spec:
  scaleTargetRef: {name: llm}
  triggers:
    - type: cpu
      metadata: {value: "70"}
    - type: prometheus
      metadata: {query: sum(vllm:num_requests_waiting), threshold: "5"}
`,
    },
    {
      name: 'CPU scaling of a CPU workload is fine',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 8
`,
    },
    {
      name: 'an autoscaling/v1 HPA whose annotation keeps a custom metric',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: llm
  annotations:
    autoscaling.alpha.kubernetes.io/metrics: '[{"type":"Pods","pods":{"metricName":"queue","targetAverageValue":"5"}}]'
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 8
`,
    },
    {
      name: 'a target outside the set, and unreadable metrics, are not judged',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: other}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: elsewhere}
  maxReplicas: 8
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: odd}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 8
  metrics: {type: Resource}
`,
    },
    {
      name: 'KServe in Knative mode scales on concurrency',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'KServe raw mode with a Prometheus metric',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations:
    serving.kserve.io/deploymentMode: RawDeployment
    serving.kserve.io/autoscalerClass: keda
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 4
    autoScaling:
      metrics:
        - type: External
          external:
            metric: {backend: prometheus, query: vllm:num_requests_running}
            target: {type: Value, value: "4"}
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'KServe raw mode with a fixed size runs no autoscaler',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec:
  predictor:
    minReplicas: 2
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
  ],
  invalid: [
    {
      name: 'CPU utilisation only',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  minReplicas: 2
  maxReplicas: 8
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
`,
      errors: [
        {
          messageId: 'cpuOnly',
          line: 20,
          column: 3,
          message: 'HorizontalPodAutoscaler "llm" scales GPU workload Deployment "llm" on cpu only',
        },
      ],
    },
    {
      name: 'no metrics: the default 80% CPU',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 8
`,
      errors: [{ messageId: 'cpuOnly', line: 16, message: 'on cpu (the default) only' }],
    },
    {
      name: 'CPU and a container memory metric',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 8
  metrics:
    - type: ContainerResource
      containerResource: {name: memory, container: server, target: {type: Utilization, averageUtilization: 80}}
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
`,
      errors: [{ messageId: 'cpuOnly', line: 19, message: 'on cpu and memory only' }],
    },
    {
      name: 'autoscaling/v1 targetCPUUtilizationPercentage',
      code: `${gpuDeployment}---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 8
  targetCPUUtilizationPercentage: 60
`,
      errors: [{ messageId: 'cpuOnly', line: 19, column: 35 }],
    },
    {
      name: 'KEDA with cpu and memory triggers only',
      code: `${gpuDeployment}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llm}
spec:
  scaleTargetRef: {name: llm}
  triggers:
    - type: cpu
      metricType: Utilization
      metadata: {value: "70"}
    - type: memory
      metadata: {value: "80"}
`,
      errors: [{ messageId: 'cpuOnly', line: 18, message: 'ScaledObject "llm"' }],
    },
    {
      name: 'an HPA of a GPU LeaderWorkerSet',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: vllm
            image: vllm/vllm-openai:v0.6.0
            resources: {limits: {nvidia.com/gpu: 8}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: lws-hpa}
spec:
  minReplicas: 3
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      target: {type: Utilization, averageUtilization: 50}
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: vllm}
`,
      errors: [{ messageId: 'cpuOnly', line: 21, message: 'LeaderWorkerSet "vllm"' }],
    },
    {
      name: 'an HPA on the predictor Deployment of a GPU InferenceService',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations:
    serving.kserve.io/deploymentMode: Standard
    serving.kserve.io/autoscalerClass: external
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llama}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llama-predictor}
  maxReplicas: 4
  metrics:
    - type: Resource
      resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}
`,
      errors: [
        { messageId: 'cpuOnly', line: 21, message: 'Deployment "llama-predictor" on memory only' },
      ],
    },
    {
      name: "KServe raw mode: its own HPA's scaleMetric defaults to cpu",
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 4
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'kserveCpuOnly', line: 8, message: 'on cpu (the default) only' }],
    },
    {
      name: 'KServe raw mode with scaleMetric memory',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: Standard, serving.kserve.io/autoscalerClass: hpa}
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 4
    scaleMetric: memory
    scaleTarget: 80
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
        resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'kserveCpuOnly', line: 11, column: 18 }],
    },
  ],
});
