import rule from '../../../src/rules/scaling/single-replica';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['StatefulSet'],
  valid: [
    {
      name: 'two replicas',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 2
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
    },
    {
      name: 'one replica but an HPA owns the count',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 5
`,
    },
    {
      name: 'default replicas with a KEDA ScaledObject',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  template:
    spec:
      containers: [{name: db, image: db:1.0}]
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: db}
spec:
  scaleTargetRef: {kind: StatefulSet, name: db}
  triggers: [{type: cpu, metadata: {value: "60"}}]
`,
    },
    {
      name: 'replicas 0 is a deliberate pause',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: parked}
spec:
  replicas: 0
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
    },
    {
      name: 'replicas as a numeric string',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: "3"
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
    },
    {
      name: 'unreadable replicas are not judged',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: [1]
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
    },
    {
      name: 'other kinds are out of scope (Pod, LeaderWorkerSet, InferenceService)',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: main, image: main:1.0}]
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws}
spec:
  replicas: 1
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers: [{name: w, image: vllm/vllm-openai:v0.6.0}]
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: isvc}
spec:
  predictor:
    minReplicas: 1
    model: {modelFormat: {name: sklearn}}
`,
    },
    {
      name: 'a partial scan does not conclude that no autoscaler exists',
      complete: false,
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
    },
  ],
  invalid: [
    {
      name: 'one replica',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
`,
      errors: [
        {
          messageId: 'single',
          line: 6,
          column: 13,
          message: 'Deployment "api" runs a single replica',
        },
      ],
    },
    {
      name: 'replicas left to the default',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  template:
    spec:
      containers: [{name: db, image: db:1.0}]
`,
      variants: [],
      errors: [
        { messageId: 'defaulted', line: 5, message: 'StatefulSet "db" does not set replicas' },
      ],
    },
    {
      name: 'a GPU model server with one replica and an HPA for something else',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: "1"
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm-old}
  maxReplicas: 4
`,
      errors: [{ messageId: 'single', line: 6 }],
    },
  ],
});
