import rule from '../../../src/rules/monitoring/service-monitor-dangling';
import { RuleTester } from '../../../src/testing';

const app = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: llm}
spec:
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
---
apiVersion: v1
kind: Service
metadata:
  name: vllm
  namespace: llm
  labels: {app: vllm, tier: serving}
spec:
  selector: {app: vllm}
  ports: [{name: http, port: 8000}]
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'ServiceMonitor and PodMonitor in the same namespace',
      code: `${app}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: llm}
spec:
  selector: {matchLabels: {tier: serving}}
  endpoints: [{port: http}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: vllm, namespace: llm}
spec:
  selector:
    matchExpressions: [{key: app, operator: Exists}]
  podMetricsEndpoints: [{port: http}]
`,
    },
    {
      name: 'a monitor in the monitoring namespace looking into llm',
      code: `${app}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: monitoring}
spec:
  namespaceSelector: {matchNames: [llm]}
  selector: {matchLabels: {app: vllm}}
  endpoints: [{port: http}]
`,
    },
    {
      name: 'namespaces the set does not hold, or any namespace, are not judged',
      code: `
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm-monitor, namespace: kube-prometheus-stack}
spec:
  namespaceSelector: {matchNames: [vllm]}
  selector:
    matchExpressions: [{key: release, operator: In, values: [test, router]}]
  endpoints: [{port: router-sport}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: all, namespace: monitoring}
spec:
  namespaceSelector: {any: true}
  selector: {matchLabels: {app: nothing}}
`,
    },
    {
      name: 'the head Service KubeRay creates',
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
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: ray-head-monitor}
spec:
  selector: {matchLabels: {ray.io/node-type: head}}
  endpoints: [{port: metrics}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: ray-workers-monitor}
spec:
  selector: {matchLabels: {ray.io/cluster: rc}}
  podMetricsEndpoints: [{port: metrics}]
`,
    },
    {
      name: 'a missing selector selects everything',
      code: `${app}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: all, namespace: llm}
spec:
  endpoints: [{port: http}]
`,
    },
    {
      name: 'a partial scan does not guess',
      complete: false,
      code: `
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
`,
    },
  ],
  invalid: [
    {
      name: 'a ServiceMonitor whose labels match the pods, not the Service',
      code: `${app}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: llm}
spec:
  selector:
    matchLabels: {app: vllm, tier: backend}
  endpoints: [{port: http}]
`,
      errors: [
        {
          messageId: 'serviceMonitor',
          line: 28,
          column: 3,
          message: 'selects no Service in namespace "llm"',
        },
      ],
    },
    {
      name: 'a ServiceMonitor in another namespace without namespaceSelector',
      code: `${app}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: monitoring}
spec:
  selector: {matchLabels: {app: vllm}}
  endpoints: [{port: http}]
`,
      errors: [{ messageId: 'serviceMonitor', line: 28, message: 'namespace "monitoring"' }],
    },
    {
      name: 'a PodMonitor selecting a Service label, and one with no selector in an empty namespace',
      code: `${app}---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: vllm, namespace: llm}
spec:
  selector: {matchLabels: {tier: serving}}
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: everything, namespace: monitoring}
spec:
  podMetricsEndpoints: [{port: http}]
`,
      errors: [
        {
          messageId: 'podMonitor',
          line: 28,
          message: 'PodMonitor "vllm" selects no pods in namespace "llm"',
        },
        { messageId: 'podMonitor', line: 33, column: 1, message: 'namespace "monitoring"' },
      ],
    },
    {
      name: 'listed namespaces that the set holds',
      code: `${app}---
apiVersion: v1
kind: Namespace
metadata: {name: staging}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: vllm, namespace: monitoring}
spec:
  namespaceSelector: {matchNames: [llm, staging]}
  selector: {matchLabels: {app: tgi}}
`,
      errors: [{ messageId: 'serviceMonitor', line: 33, message: 'namespaces "llm", "staging"' }],
    },
  ],
});
