import rule from '../../../src/rules/monitoring/scrape-port-mismatch';
import { RuleTester } from '../../../src/testing';

const vllm = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          ports: [{name: http, containerPort: 8000}]
`;

const service = `---
apiVersion: v1
kind: Service
metadata:
  name: vllm
  labels: {app: vllm}
spec:
  selector: {app: vllm}
  ports: [{name: web, port: 80, targetPort: http}]
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'annotation port declared by a container',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    metadata:
      annotations: {prometheus.io/scrape: "true", prometheus.io/port: "8000"}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          ports: [{containerPort: 8000}]
`,
    },
    {
      name: 'a pod that declares no ports is not judged',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    metadata:
      annotations: {prometheus.io/port: "9090"}
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
`,
    },
    {
      name: 'a sidecar (native init container) declares the metrics port',
      code: `
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations: {prometheus.io/port: "9400"}
spec:
  initContainers:
    - name: exporter
      image: exporter:1.0
      restartPolicy: Always
      ports: [{containerPort: 9400}]
  containers:
    - name: main
      image: main:1.0
      ports: [{containerPort: 8000}]
`,
    },
    {
      name: 'ServiceMonitor endpoint names a Service port, PodMonitor a container port',
      code: `${vllm}${service}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints: [{port: web}, {targetPort: 8000}, {targetPort: http}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  podMetricsEndpoints: [{port: http}, {portNumber: 8000}]
`,
    },
    {
      name: 'KubeRay adds the metrics port 8080 to Ray containers',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      metadata:
        annotations: {prometheus.io/port: "8080"}
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.9.0
            ports: [{name: gcs, containerPort: 6379}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: ray}
spec:
  selector: {matchLabels: {ray.io/cluster: rc}}
  podMetricsEndpoints: [{port: metrics}]
`,
    },
    {
      name: 'a ServiceMonitor on operator-made Services or on nothing is not judged',
      code: `
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: nothing}
spec:
  selector: {matchLabels: {app: missing}}
  endpoints: [{port: metrics}]
---
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        metadata:
          labels: {app: serve}
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray-ml:2.9.0
---
apiVersion: v1
kind: Service
metadata:
  name: serve-extra
  labels: {app: serve}
spec:
  selector: {app: serve}
  ports: [{name: http, port: 8000}]
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: serve}
spec:
  selector: {matchLabels: {app: serve}}
  endpoints: [{port: metrics}]
`,
    },
    {
      name: 'a partial scan judges only pod annotations, not what monitors select',
      complete: false,
      code: `${vllm}${service}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints: [{port: metrics}]
`,
    },
    {
      name: 'endpoints and ports of the wrong type do not crash',
      code: `${vllm}${service}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints: [web, {port: 42}, {port: ""}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  podMetricsEndpoints: {port: http}
`,
    },
  ],
  invalid: [
    {
      name: 'annotation port no container declares',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    metadata:
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          ports: [{name: http, containerPort: 8000}]
`,
      errors: [{ messageId: 'annotationPort', line: 10, column: 29, message: 'ports: http/8000' }],
    },
    {
      name: 'annotation port that is a name',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    metadata:
      annotations: {prometheus.io/port: metrics}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
      errors: [{ messageId: 'annotationNotNumber', line: 8, column: 41 }],
    },
    {
      name: 'a Service annotation with the Service port instead of the container port',
      variants: [],
      code: `${vllm}---
apiVersion: v1
kind: Service
metadata:
  name: vllm
  annotations: {prometheus.io/scrape: "true", prometheus.io/port: "80"}
spec:
  selector: {app: vllm}
  ports: [{port: 80, targetPort: 8000}]
`,
      errors: [
        { messageId: 'annotationPort', line: 19, column: 67, message: 'prometheus.io/port is 80' },
      ],
    },
    {
      name: 'ServiceMonitor endpoint names a container port instead of a Service port',
      variants: [],
      code: `${vllm}${service}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints:
    - port: http
    - targetPort: 9090
`,
      errors: [
        { messageId: 'servicePort', line: 30, column: 13, message: 'port "http"' },
        { messageId: 'podPort', line: 31, column: 19 },
      ],
    },
    {
      name: 'PodMonitor endpoint names a port no container declares',
      variants: [],
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  podMetricsEndpoints:
    - port: metrics
    - portNumber: 9400
`,
      errors: [
        { messageId: 'podPort', line: 21, column: 13, message: 'port "metrics"' },
        { messageId: 'podPort', line: 22, column: 19, message: 'port 9400' },
      ],
    },
    {
      name: 'InferenceService annotation',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llm
  annotations: {prometheus.io/port: "9091"}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.3
        ports: [{containerPort: 8080}]
`,
      errors: [{ messageId: 'annotationPort', line: 6, column: 37 }],
    },
  ],
});
