import rule from '../../../src/rules/monitoring/metrics-not-scraped';
import { RuleTester } from '../../../src/testing';

const vllm = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: llm}
spec:
  selector:
    matchLabels: {app: vllm}
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          ports: [{name: http, containerPort: 8000}]
          resources:
            limits: {nvidia.com/gpu: 1}
`;

const service = `---
apiVersion: v1
kind: Service
metadata:
  name: vllm
  namespace: llm
  labels: {app: vllm}
spec:
  selector: {app: vllm}
  ports: [{name: http, port: 80, targetPort: http}]
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'scrape annotation on the pod template',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    metadata:
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "8000"
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
    },
    {
      name: 'a ServiceMonitor in the monitoring namespace selects the Service',
      code: `${vllm}${service}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: monitoring}
spec:
  namespaceSelector: {matchNames: [llm]}
  selector:
    matchExpressions: [{key: app, operator: In, values: [vllm, tgi]}]
  endpoints: [{port: http}]
`,
    },
    {
      name: 'a PodMonitor selects the pods',
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: vllm, namespace: llm}
spec:
  selector: {matchLabels: {app: vllm}}
  podMetricsEndpoints: [{port: http}]
`,
    },
    {
      name: 'a Service with the scrape annotation selects the pods',
      code: `${vllm}---
apiVersion: v1
kind: Service
metadata:
  name: vllm-metrics
  namespace: llm
  annotations: {prometheus.io/scrape: "true"}
spec:
  selector: {app: vllm}
  ports: [{port: 8000}]
`,
    },
    {
      name: 'Google Managed Prometheus PodMonitoring',
      code: `${vllm}---
apiVersion: monitoring.googleapis.com/v1
kind: PodMonitoring
metadata: {name: vllm, namespace: llm}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints: [{port: http, interval: 30s}]
`,
    },
    {
      name: 'a ServiceMonitor on the head Service KubeRay creates',
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
              image: rayproject/ray-ml:2.9.0
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: ray-head-monitor}
spec:
  selector:
    matchLabels: {ray.io/node-type: head}
  endpoints: [{port: metrics}]
`,
    },
    {
      name: 'KServe scraping annotation',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llm
  annotations: {serving.kserve.io/enable-prometheus-scraping: "true"}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://meta-llama/Llama-3.1-8B
`,
    },
    {
      name: 'a CPU web app is neither a model server nor a GPU workload',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: 'a partial scan does not guess',
      complete: false,
      code: vllm,
    },
  ],
  invalid: [
    {
      name: 'GPU model server without scraping points at the annotations',
      code: vllm + service,
      errors: [
        {
          messageId: 'notScraped',
          line: 9,
          column: 5,
          message: 'Inference server Deployment "vllm" is not scraped',
        },
      ],
    },
    {
      name: 'scrape "false" points at the value',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: finetune}
spec:
  template:
    metadata:
      annotations:
        prometheus.io/scrape: "false"
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
          resources:
            limits: {nvidia.com/gpu: 8}
`,
      errors: [
        { messageId: 'notScraped', line: 9, column: 31, message: 'GPU workload Job "finetune"' },
      ],
    },
    {
      name: 'a ServiceMonitor in another namespace without namespaceSelector does not count',
      variants: [],
      code: `${vllm}${service}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: monitoring}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints: [{port: http}]
`,
      errors: [{ messageId: 'notScraped', line: 9 }],
    },
    {
      name: 'a PodMonitor on other labels does not count',
      variants: [],
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: tgi, namespace: llm}
spec:
  selector: {matchLabels: {app: tgi}}
  podMetricsEndpoints: [{port: http}]
`,
      errors: [{ messageId: 'notScraped', line: 9 }],
    },
    {
      name: 'KServe InferenceService points at the KServe annotation',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llm
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://meta-llama/Llama-3.1-8B
      resources:
        limits: {nvidia.com/gpu: 1}
`,
      errors: [{ messageId: 'notScraped', line: 6, column: 3, message: 'InferenceService "llm"' }],
    },
    {
      name: 'RayCluster reports its GPU worker group',
      variants: [],
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
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        metadata:
          labels: {tier: gpu}
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.9.0-gpu
              resources:
                limits: {nvidia.com/gpu: 1}
`,
      errors: [
        {
          messageId: 'notScraped',
          line: 17,
          column: 9,
          message: 'Inference server RayCluster "rc"',
        },
      ],
    },
  ],
});
