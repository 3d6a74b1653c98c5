import rule from '../../../src/rules/security/inference-endpoint-exposed';
import { RuleTester } from '../../../src/testing';

const VLLM = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
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
          ports: [{containerPort: 8000, name: http}]
`;

const RAY = `
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
`;

function service(type: string, extra = ''): string {
  return `---
apiVersion: v1
kind: Service
metadata:
  name: vllm${extra}
spec:
  type: ${type}
  selector: {app: vllm}
  ports: [{port: 80, targetPort: 8000}]
`;
}

function ingress(annotations: string, backend = 'vllm'): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: llm
  annotations:
${annotations}
spec:
  ingressClassName: nginx
  rules:
    - host: llm.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${backend}
                port: {number: 80}
`;
}

new RuleTester().run(rule, {
  variants: ['StatefulSet', 'LeaderWorkerSet'],
  valid: [
    { name: 'ClusterIP Service', code: VLLM + service('ClusterIP') },
    {
      name: 'internal load balancer (GKE)',
      code:
        VLLM +
        service('LoadBalancer').replace(
          'name: vllm\n',
          'name: vllm\n  annotations: {networking.gke.io/load-balancer-type: Internal}\n',
        ),
    },
    {
      name: 'load balancer restricted to private ranges',
      code: VLLM + service('LoadBalancer') + '  loadBalancerSourceRanges: [10.0.0.0/8]\n',
    },
    {
      name: 'a LoadBalancer in front of a CPU web app is not a model server',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${service('LoadBalancer').replace('{app: vllm}', '{app: web}')}`,
    },
    {
      name: 'Ingress with nginx external auth (oauth2-proxy)',
      code:
        VLLM +
        service('ClusterIP') +
        ingress('    nginx.ingress.kubernetes.io/auth-url: https://oauth2.example.com/oauth2/auth'),
    },
    {
      name: 'configured auth annotation',
      options: { authAnnotations: ['example.com/auth-*'] },
      code: VLLM + service('ClusterIP') + ingress('    example.com/auth-policy: sso'),
    },
    {
      name: 'AWS ALB without internet-facing scheme is internal',
      code: `${RAY}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ray
  annotations: {alb.ingress.kubernetes.io/target-type: ip}
spec:
  ingressClassName: alb
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: rc-head-svc, port: {number: 8265}}
`,
    },
    {
      name: 'Ray head with token authentication',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  authOptions: {mode: token}
  headGroupSpec:
    serviceType: LoadBalancer
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.57.0
`,
    },
    {
      name: 'Ingress to the Ray client port of a TLS-enabled Ray head',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: raycluster-tls}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
            env:
              - {name: RAY_USE_TLS, value: "1"}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: rayclient-ingress
  annotations: {nginx.ingress.kubernetes.io/ssl-passthrough: "true"}
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: raycluster-tls-head-svc, port: {number: 10001}}
`,
    },
    {
      name: 'Ray head with a ClusterIP service; a RayJob',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: job}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      serviceType: ClusterIP
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.52.0
`,
    },
    {
      name: 'Ingress to a Service that is not in the set',
      code: ingress('    nginx.ingress.kubernetes.io/rewrite-target: /', 'elsewhere'),
    },
  ],
  invalid: [
    {
      name: 'NodePort in front of vLLM',
      code: VLLM + service('NodePort'),
      errors: [
        {
          messageId: 'service',
          line: 22,
          column: 9,
          message:
            'Service "vllm" of type NodePort exposes the model server Deployment "vllm" outside the cluster.',
        },
      ],
    },
    {
      name: 'LoadBalancer whose internal annotation is off',
      code:
        VLLM +
        service('LoadBalancer').replace(
          'name: vllm\n',
          'name: vllm\n  annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "false"}\n',
        ) +
        '  loadBalancerSourceRanges: [0.0.0.0/0]\n',
      errors: [{ messageId: 'service', line: 23 }],
    },
    {
      name: 'external IPs',
      code: VLLM + service('ClusterIP') + '  externalIPs: [203.0.113.10]\n',
      errors: [{ messageId: 'externalIPs', line: 25, column: 3 }],
    },
    {
      name: 'Ingress without auth points at the backend',
      code:
        VLLM +
        service('ClusterIP') +
        ingress('    nginx.ingress.kubernetes.io/proxy-body-size: 10m'),
      errors: [
        {
          messageId: 'ingress',
          line: 42,
          column: 23,
          message:
            'Ingress "llm" routes to the model server Deployment "vllm" without authentication annotations.',
        },
      ],
    },
    {
      name: 'a GPU StatefulSet is a model server; a Service selecting the Ray head too',
      variants: [],
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: llm}
spec:
  serviceName: llm
  template:
    metadata:
      labels: {app: llm}
    spec:
      containers:
        - name: server
          image: example/llm-server:1.0
          resources:
            limits: {nvidia.com/gpu: 1}
---
apiVersion: v1
kind: Service
metadata: {name: llm}
spec:
  type: LoadBalancer
  selector: {app: llm}
---${RAY}---
apiVersion: v1
kind: Service
metadata: {name: ray-dashboard}
spec:
  type: LoadBalancer
  selector: {ray.io/cluster: rc, ray.io/node-type: head}
  ports: [{port: 8265}]
`,
      errors: [
        { messageId: 'service', line: 21, message: 'the model server StatefulSet "llm"' },
        {
          messageId: 'service',
          line: 40,
          message: 'the Ray head of RayCluster "rc" (dashboard and job submission)',
        },
      ],
    },
    {
      name: 'Ingress to the head service KubeRay creates (extensions/v1beta1 shape)',
      variants: [],
      code: `${RAY}---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: dashboard}
spec:
  rules:
    - http:
        paths:
          - path: /
            backend: {serviceName: rc-head-svc, servicePort: 8265}
`,
      errors: [{ messageId: 'ingress', line: 22, message: 'the Ray head of RayCluster "rc"' }],
    },
    {
      name: 'Ingress to the predictor service KServe creates',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: llm}
spec:
  defaultBackend:
    service: {name: llm-predictor, port: {number: 80}}
`,
      errors: [
        { messageId: 'ingress', line: 15, message: 'the model server InferenceService "llm"' },
      ],
    },
    {
      name: 'RayCluster head serviceType NodePort',
      variants: [],
      code: RAY.replace(
        '    rayStartParams: {}',
        '    serviceType: NodePort\n    rayStartParams: {}',
      ),
      errors: [
        {
          messageId: 'rayService',
          line: 7,
          column: 18,
          message:
            'RayCluster "rc" asks KubeRay for a NodePort Service, exposing the Ray head of RayCluster "rc"',
        },
      ],
    },
    {
      name: 'custom headService LoadBalancer (KubeRay adds the default ports)',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: custom-head-svc}
spec:
  headGroupSpec:
    rayStartParams: {}
    headService:
      metadata:
        name: custom-ray-head-service-name
      spec:
        type: LoadBalancer
        ports: [{port: 12345, targetPort: 12345, name: custom}]
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
      errors: [{ messageId: 'rayService', line: 12, column: 15 }],
    },
    {
      name: 'internal annotations on the head service are honoured',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headServiceAnnotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
  headGroupSpec:
    serviceType: LoadBalancer
    enableIngress: true
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
      errors: [
        {
          messageId: 'rayIngress',
          line: 10,
          column: 20,
          message: 'asks KubeRay for an Ingress to the Ray head',
        },
      ],
    },
    {
      name: 'RayService: the shared serviceType exposes head and serve endpoint, one finding',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: llm}
spec:
  rayClusterConfig:
    headGroupSpec:
      serviceType: LoadBalancer
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.52.0
`,
      errors: [
        {
          messageId: 'rayService',
          line: 8,
          message:
            'exposing the Ray head of RayService "llm" (dashboard and job submission) and the Ray Serve endpoint of RayService "llm"',
        },
      ],
    },
    {
      name: 'RayService custom serveService LoadBalancer, even with Ray token auth',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: rayservice-sample}
spec:
  serveService:
    metadata: {name: custom-serve}
    spec:
      type: LoadBalancer
  rayClusterConfig:
    authOptions: {mode: token}
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.52.0
`,
      errors: [
        {
          messageId: 'rayService',
          line: 9,
          message: 'the Ray Serve endpoint of RayService "rayservice-sample"',
        },
      ],
    },
    {
      name: 'configured internal annotation',
      options: { internalAnnotations: { 'example.com/lb-scope': ['private'] } },
      code:
        VLLM +
        service('LoadBalancer').replace(
          'name: vllm\n',
          'name: vllm\n  annotations: {networking.gke.io/load-balancer-type: Internal}\n',
        ),
      errors: [{ messageId: 'service', line: 23 }],
    },
  ],
});
