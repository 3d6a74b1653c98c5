import rule from '../../../src/rules/reliability/probes-identical';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'RayCluster', 'InferenceService'],
  valid: [
    {
      name: 'same endpoint, more tolerant liveness',
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
            periodSeconds: 5
          livenessProbe:
            httpGet: {path: /health, port: 8000}
            periodSeconds: 10
            failureThreshold: 6
`,
    },
    {
      name: 'different handlers',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: triton}
spec:
  selector: {matchLabels: {app: triton}}
  template:
    metadata: {labels: {app: triton}}
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.08-py3
          readinessProbe: {httpGet: {path: /v2/health/ready, port: 8000}}
          livenessProbe: {httpGet: {path: /v2/health/live, port: 8000}}
`,
    },
    {
      name: 'only one of the two probes',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1.0
      livenessProbe: {tcpSocket: {port: 80}}
`,
    },
    {
      name: 'exec probes with different commands',
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
            readinessProbe: {exec: {command: [ray, health-check]}}
            livenessProbe: {exec: {command: [ray, health-check, --skip-version-check]}}
`,
    },
  ],
  invalid: [
    {
      name: 'identical probes point at the liveness probe',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: decode}
spec:
  selector: {matchLabels: {app: decode}}
  template:
    metadata: {labels: {app: decode}}
    spec:
      containers:
        - name: app
          image: vllm/vllm-openai:v0.8.5
          readinessProbe:
            httpGet: {path: /health, port: 8000}
            periodSeconds: 60
          livenessProbe:
            httpGet: {path: /health, port: 8000}
            periodSeconds: 60
`,
      errors: [{ messageId: 'identical', line: 16, column: 11, container: 'app' }],
    },
    {
      name: 'defaults written out on one side only are still the same check',
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
          ports:
            - {name: http, containerPort: 8080}
          livenessProbe:
            httpGet: {port: http}
          readinessProbe:
            httpGet: {path: /, port: 8080, scheme: HTTP}
            periodSeconds: 10
            failureThreshold: 3
            timeoutSeconds: 1
`,
      errors: [{ messageId: 'identical', line: 15, column: 11 }],
    },
    {
      name: 'key order and quoted numbers do not matter',
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
          readinessProbe: {periodSeconds: 5, tcpSocket: {port: 9000}}
          livenessProbe: {tcpSocket: {port: "9000"}, periodSeconds: "5"}
`,
      errors: [{ messageId: 'identical', line: 14, column: 11 }],
    },
    {
      name: 'a restartable init container (sidecar) is checked too',
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
        - name: proxy
          image: envoy:1.31
          restartPolicy: Always
          readinessProbe: {grpc: {port: 9901}}
          livenessProbe: {grpc: {port: 9901}}
      containers:
        - name: api
          image: api:1.0
`,
      errors: [{ messageId: 'identical', line: 15, container: 'proxy' }],
    },
  ],
});
