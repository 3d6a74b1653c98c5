import rule from '../../../src/rules/security/network-policy-missing';
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
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'selected by a policy of its namespace',
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm, namespace: serving}
spec:
  podSelector:
    matchLabels: {app: vllm}
  policyTypes: [Ingress]
`,
    },
    {
      name: 'a default-deny policy selects every pod of the namespace',
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: serving}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
    },
    {
      name: 'a partial scan says nothing',
      complete: false,
      code: DEPLOYMENT,
    },
    {
      name: 'operator labels: KubeRay pods selected by ray.io/cluster',
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
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.52.0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ray}
spec:
  podSelector:
    matchExpressions:
      - {key: ray.io/cluster, operator: In, values: [rc]}
`,
    },
    {
      name: 'Cilium policies in the namespace may select the pods',
      code: `${DEPLOYMENT}---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: vllm, namespace: serving}
spec:
  endpointSelector:
    matchLabels: {app: vllm}
`,
    },
    {
      name: 'hostNetwork pods and training runtimes are outside NetworkPolicies',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: exporter}
spec:
  template:
    metadata:
      labels: {app: exporter}
    spec:
      hostNetwork: true
      containers:
        - name: exporter
          image: exporter:1.0
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata: {name: torch-distributed}
spec:
  template:
    spec:
      replicatedJobs:
        - name: node
          template:
            spec:
              template:
                spec:
                  containers:
                    - name: node
                      image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime
`,
    },
  ],
  invalid: [
    {
      name: 'no policy at all: points at the template labels',
      code: DEPLOYMENT,
      errors: [
        {
          messageId: 'missing',
          line: 10,
          column: 7,
          message: 'No NetworkPolicy in namespace "serving" selects the pods of Deployment "vllm".',
        },
      ],
    },
    {
      name: 'a policy of another namespace does not apply',
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm, namespace: other}
spec:
  podSelector:
    matchLabels: {app: vllm}
`,
      errors: [{ messageId: 'missing', line: 10 }],
    },
    {
      name: 'a policy with a different label',
      code: `${DEPLOYMENT}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: serving}
spec:
  podSelector:
    matchLabels: {app: api}
`,
      errors: [{ messageId: 'missing', line: 10 }],
    },
    {
      name: 'one Ray worker group not covered',
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
            image: rayproject/ray:2.52.0
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        metadata:
          labels: {team: ml}
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.52.0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: head}
spec:
  podSelector:
    matchLabels: {ray.io/node-type: head}
`,
      errors: [{ messageId: 'missing', line: 18, message: 'RayCluster "rc" (worker:gpu)' }],
    },
    {
      name: 'an InferenceService points at its labels',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llm
  labels: {team: ml}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
`,
      errors: [{ messageId: 'missing', line: 6, message: 'InferenceService "llm" (predictor)' }],
    },
  ],
});
