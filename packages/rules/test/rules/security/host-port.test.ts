import rule from '../../../src/rules/security/host-port';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'container ports only',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          ports:
            - containerPort: 8000
              name: http
`,
    },
    {
      name: 'hostPort 0 means unset',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      ports:
        - {containerPort: 8000, hostPort: 0}
`,
    },
    {
      name: 'with hostNetwork every port is a host port: host-namespaces reports the pod',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: exporter}
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: dcgm-exporter
          image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5-3.4.0-ubuntu22.04
          ports:
            - {containerPort: 9400, hostPort: 9400}
`,
    },
    {
      name: 'ports of the wrong type',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      ports: [8000, {hostPort: abc}]
`,
    },
  ],
  invalid: [
    {
      name: 'hostPort on a model server',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          ports:
            - containerPort: 8000
              hostPort: 8000
`,
      errors: [
        { messageId: 'hostPort', line: 13, column: 25, message: 'binds port 8000 to port 8000' },
      ],
    },
    {
      name: 'second port, second container, string number',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ollama}
spec:
  serviceName: ollama
  template:
    spec:
      containers:
        - name: proxy
          image: envoy:v1.30
        - name: ollama
          image: ollama/ollama:0.3.12
          ports:
            - {name: http, containerPort: 11434}
            - {name: metrics, containerPort: 9090, hostPort: "19090"}
`,
      errors: [
        {
          messageId: 'hostPort',
          line: 16,
          container: 'ollama',
          message: 'port 9090 to port 19090',
        },
      ],
    },
    {
      name: 'Ray head',
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
            image: rayproject/ray:2.52.0
            ports:
              - {containerPort: 8265, hostPort: 8265, name: dashboard}
`,
      errors: [{ messageId: 'hostPort', line: 14, container: 'ray-head' }],
    },
  ],
});
