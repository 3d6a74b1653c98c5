import rule from '../../../src/rules/security/service-account-token-automount';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the pod opts out',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      automountServiceAccountToken: false
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
    },
    {
      name: 'the ServiceAccount in the set opts out',
      code: `
apiVersion: v1
kind: ServiceAccount
metadata: {name: inference, namespace: ml}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  template:
    spec:
      serviceAccountName: inference
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
    },
    {
      name: 'the default ServiceAccount opts out',
      code: `
apiVersion: v1
kind: ServiceAccount
metadata: {name: default}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
`,
    },
    {
      name: 'the deprecated serviceAccount field names the account',
      code: `
apiVersion: v1
kind: ServiceAccount
metadata: {name: runner}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  serviceAccount: runner
  containers:
    - name: main
      image: main:1.0
`,
    },
    {
      name: 'a pod whose ServiceAccount RBAC grants something needs its token',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: router, namespace: serving}
subjects:
  - kind: ServiceAccount
    name: router-sa
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: router, namespace: serving}
spec:
  template:
    spec:
      serviceAccountName: router-sa
      containers:
        - name: router
          image: router:1.0
`,
    },
    {
      name: 'ClusterRoleBinding subject with its namespace',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: operator}
subjects:
  - {kind: ServiceAccount, name: operator, namespace: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: operator, namespace: ops}
spec:
  template:
    spec:
      serviceAccountName: operator
      containers:
        - name: operator
          image: operator:1.0
`,
    },
    {
      name: 'KubeRay head with the in-tree autoscaler calls the API server',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  enableInTreeAutoscaling: true
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
  workerGroupSpecs:
    - groupName: cpu
      rayStartParams: {}
      template:
        spec:
          automountServiceAccountToken: false
          containers:
            - name: ray-worker
              image: rayproject/ray:2.52.0
`,
    },
    {
      name: 'TrainJob: the pod spec lives in the runtime',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: trainer:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'nothing set, ServiceAccount not in the set',
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
`,
      errors: [
        { messageId: 'accountNotSeen', line: 7, column: 5, message: 'ServiceAccount "default"' },
      ],
    },
    {
      name: 'the ServiceAccount is in the set but does not opt out',
      code: `
apiVersion: v1
kind: ServiceAccount
metadata: {name: inference}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      serviceAccountName: inference
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
      errors: [{ messageId: 'notDisabled', line: 11, message: 'ServiceAccount "inference"' }],
    },
    {
      name: 'explicit true wins over the ServiceAccount',
      code: `
apiVersion: v1
kind: ServiceAccount
metadata: {name: default}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      automountServiceAccountToken: true
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
      errors: [{ messageId: 'enabled', line: 13, column: 37 }],
    },
    {
      name: 'a ServiceAccount of another namespace does not count',
      code: `
apiVersion: v1
kind: ServiceAccount
metadata: {name: inference, namespace: other}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  template:
    spec:
      serviceAccountName: inference
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
`,
      errors: [{ messageId: 'accountNotSeen', line: 12 }],
    },
    {
      name: 'a binding in another namespace does not exempt the pod',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: router, namespace: other}
subjects:
  - kind: ServiceAccount
    name: router-sa
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: router, namespace: serving}
spec:
  template:
    spec:
      serviceAccountName: router-sa
      containers:
        - name: router
          image: router:1.0
`,
      errors: [{ messageId: 'accountNotSeen', line: 15 }],
    },
    {
      name: 'a string "false" does not opt out',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  automountServiceAccountToken: "false"
  containers:
    - name: main
      image: main:1.0
`,
      errors: [{ messageId: 'accountNotSeen', line: 6, column: 33 }],
    },
    {
      name: 'KServe predictor and Ray workers without the autoscaler',
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
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          automountServiceAccountToken: false
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
                image: rayproject/ray:2.52.0-gpu
`,
      errors: [
        { messageId: 'accountNotSeen', line: 6 },
        { messageId: 'accountNotSeen', line: 27 },
      ],
    },
  ],
});
