import rule from '../../../src/rules/scaling/replicas-with-hpa';
import { RuleTester } from '../../../src/testing';

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
`;

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'replicas left to the HPA',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
${hpa}`,
    },
    {
      name: 'replicas without an autoscaler',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
    },
    {
      name: 'the HPA scales a different Deployment',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  template:
    spec:
      containers: [{name: web, image: web:1.0}]
${hpa}`,
    },
    {
      name: 'LeaderWorkerSet replicas are out of scope',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers: [{name: w, image: vllm/vllm-openai:v0.6.0}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: lws}
spec:
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: lws}
  maxReplicas: 4
`,
    },
  ],
  invalid: [
    {
      name: 'replicas set on an HPA target',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
${hpa}`,
      errors: [
        {
          messageId: 'replicas',
          line: 6,
          column: 13,
          message:
            'Deployment "api" sets replicas: 3 while HorizontalPodAutoscaler "api" scales it',
        },
      ],
    },
    {
      name: 'a StatefulSet scaled by a KEDA ScaledObject',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: triton}
spec:
  serviceName: triton
  replicas: 1
  template:
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.05-py3
          resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: triton}
spec:
  scaleTargetRef: {kind: StatefulSet, name: triton}
  triggers: [{type: prometheus, metadata: {query: q, threshold: "1"}}]
`,
      errors: [{ messageId: 'replicas', line: 7, message: 'ScaledObject "triton"' }],
    },
    {
      name: 'a wrong-typed replicas value is still a replicas field',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: {count: 3}
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
${hpa}`,
      errors: [{ messageId: 'replicas', line: 6, column: 3 }],
    },
  ],
});
