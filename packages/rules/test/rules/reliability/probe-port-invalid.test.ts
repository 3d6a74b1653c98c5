import { Bundle } from '../../../src/bundle/bundle';
import { resolveConfig } from '../../../src/engine/config';
import { evaluateBundle } from '../../../src/engine/evaluate';
import { load } from '../../../src/load/loader';
import rule from '../../../src/rules/reliability/probe-port-invalid';
import { RuleTester } from '../../../src/testing';

describe('reliability/probe-port-invalid severities', () => {
  it('reports an undeclared port number as a warning unless configured', () => {
    const code = `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1.0
      ports: [{name: http, containerPort: 8000}]
      livenessProbe: {httpGet: {port: 8080}}
      readinessProbe: {httpGet: {port: htpp}}
`;
    const bundle = new Bundle(load([{ file: 'p.yaml', text: code }]).manifests);
    const { findings } = evaluateBundle(bundle, resolveConfig({}, [rule]), [rule]);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['undeclaredNumber', 'warning'],
      ['undeclaredName', 'error'],
    ]);
  });
});

new RuleTester().run(rule, {
  variants: ['Deployment', 'CronJob', 'PyTorchJob', 'LeaderWorkerSet', 'JobSet'],
  valid: [
    {
      name: 'named and numbered ports the container declares',
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
          ports:
            - {name: http, containerPort: 8000}
            - {name: grpc, containerPort: 8001}
          startupProbe: {httpGet: {path: /v2/health/ready, port: http}}
          readinessProbe: {grpc: {port: 8001}}
          livenessProbe: {tcpSocket: {port: 8000}}
`,
    },
    {
      name: 'a numbered port of a container that declares none is fine',
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
          livenessProbe: {httpGet: {path: /health, port: 8000}}
`,
    },
    {
      name: 'a numbered port another container of the pod declares is reachable',
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
          ports: [{containerPort: 8080}]
          livenessProbe: {httpGet: {path: /healthz, port: 9090}}
        - name: health
          image: health:1.0
          ports: [{containerPort: 9090}]
`,
    },
    {
      name: 'KubeRay adds the metrics port to the Ray container',
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
            ports: [{name: gcs, containerPort: 6379}]
            readinessProbe: {httpGet: {path: /metrics, port: metrics}}
`,
    },
    {
      name: 'a KServe serving container without ports gets its port from KServe',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: custom}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: ghcr.io/example/server:1.2
        readinessProbe: {httpGet: {path: /ready, port: http1}}
`,
    },
    {
      name: 'exec probes and probes without a port are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1.0
      ports: [{containerPort: 80}]
      livenessProbe: {exec: {command: [cat, /tmp/healthy]}}
      readinessProbe: {httpGet: {path: /}}
`,
    },
  ],
  invalid: [
    {
      name: 'a port name the container does not declare',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi}
spec:
  selector: {matchLabels: {app: tgi}}
  template:
    metadata: {labels: {app: tgi}}
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4
          ports:
            - {name: http, containerPort: 80}
          livenessProbe:
            httpGet: {path: /health, port: htpp}
`,
      errors: [
        {
          messageId: 'undeclaredName',
          line: 16,
          column: 44,
          severity: 'error',
          message: 'uses port "htpp"',
        },
      ],
    },
    {
      name: 'a name declared by another container does not resolve',
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
          readinessProbe: {tcpSocket: {port: metrics}}
        - name: exporter
          image: exporter:1.0
          ports: [{name: metrics, containerPort: 9400}]
`,
      errors: [{ messageId: 'undeclaredName', line: 13, container: 'api' }],
    },
    {
      name: 'a number no container declares, on a container that declares its ports',
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
          ports: [{name: http, containerPort: 8000}]
          startupProbe:
            httpGet: {path: /health, port: 8080}
`,
      errors: [{ messageId: 'undeclaredNumber', line: 15, column: 44 }],
    },
    {
      name: 'port numbers out of range and a name on a gRPC probe',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1.0
      ports: [{name: grpc, containerPort: 50051}]
      livenessProbe: {tcpSocket: {port: 70000}}
      readinessProbe: {grpc: {port: grpc}}
      startupProbe: {httpGet: {port: 0}}
`,
      errors: [
        { messageId: 'outOfRange', line: 10, column: 41 },
        { messageId: 'grpcName', line: 11, column: 37 },
        { messageId: 'outOfRange', line: 12, column: 38 },
      ],
    },
    {
      name: 'sidecar init container, LeaderWorkerSet and KServe containers',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        initContainers:
          - name: proxy
            image: envoy:1.31
            restartPolicy: Always
            ports: [{name: admin, containerPort: 9901}]
            readinessProbe: {httpGet: {path: /ready, port: admn}}
        containers:
          - name: sglang
            image: lmsysorg/sglang:v0.4.3
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: custom}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: ghcr.io/example/server:1.2
        ports: [{name: h2c, containerPort: 9000}]
        livenessProbe: {tcpSocket: {port: http1}}
`,
      errors: [
        { messageId: 'undeclaredName', line: 15, container: 'proxy' },
        { messageId: 'undeclaredName', line: 29, container: 'kserve-container' },
      ],
    },
  ],
});
