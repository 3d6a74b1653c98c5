import rule from '../../../src/rules/security/network-policy-dangling';
import { RuleTester } from '../../../src/testing';

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: serving}
spec:
  selector:
    matchLabels: {app: vllm}
  template:
    metadata:
      labels: {app: vllm, tier: inference}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'selects the Deployment',
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm, namespace: serving}
spec:
  podSelector:
    matchExpressions:
      - {key: tier, operator: In, values: [inference, api]}
`,
    },
    {
      name: 'empty or absent podSelector: every pod of the namespace',
      code: `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: empty}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-selector, namespace: empty}
spec:
  policyTypes: [Egress]
`,
    },
    {
      name: 'a partial scan says nothing',
      complete: false,
      code: `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm}
spec:
  podSelector:
    matchLabels: {app: vllm}
`,
    },
    {
      name: 'pods of operator kinds: KServe predictor, LeaderWorkerSet',
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
kind: NetworkPolicy
metadata: {name: llm}
spec:
  podSelector:
    matchLabels: {serving.kserve.io/inferenceservice: llm, component: predictor}
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: lmsysorg/sglang:v0.3.5
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: sglang}
spec:
  podSelector:
    matchLabels: {leaderworkerset.sigs.k8s.io/name: sglang}
`,
    },
    {
      name: 'pod templates inside custom resources aigov does not model',
      code: `
apiVersion: extensions.agents.x-k8s.io/v1beta1
kind: SandboxTemplate
metadata: {name: python-runtime}
spec:
  podTemplate:
    metadata:
      labels: {app: python-runtime-pool}
    spec:
      containers:
        - name: runtime
          image: python-runtime:v0.4.6
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: sandbox-egress}
spec:
  podSelector:
    matchLabels: {app: python-runtime-pool}
  policyTypes: [Egress]
`,
    },
    {
      name: 'a Calico NetworkPolicy is not a Kubernetes NetworkPolicy',
      code: `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: allow}
spec:
  selector: app == 'nothing'
`,
    },
  ],
  invalid: [
    {
      name: 'a typo in the label value',
      variants: [],
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm, namespace: serving}
spec:
  podSelector:
    matchLabels:
      app: vlm
`,
      errors: [
        {
          messageId: 'dangling',
          line: 20,
          column: 3,
          message:
            'NetworkPolicy "vllm" selects no pod of the workloads in namespace "serving" (app=vlm).',
        },
      ],
    },
    {
      name: 'matches pods of another namespace only',
      variants: [],
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm, namespace: default}
spec:
  podSelector:
    matchExpressions:
      - {key: app, operator: Exists}
      - {key: tier, operator: NotIn, values: [batch]}
`,
      errors: [{ messageId: 'dangling', line: 20, message: '(app, tier NotIn (batch))' }],
    },
  ],
});
