import rule from '../../../src/rules/reliability/pdb-missing';
import { RuleTester } from '../../../src/testing';

const deployment = (replicas: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: llm}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: vllm}}
  template:
    metadata:
      labels: {app: vllm}
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
`;

new RuleTester().run(rule, {
  variants: ['StatefulSet', 'Rollout', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'a PodDisruptionBudget selects the pods',
      code: `${deployment('3')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: vllm, namespace: llm}
spec:
  maxUnavailable: 1
  selector:
    matchExpressions:
      - {key: app, operator: In, values: [vllm, tgi]}
`,
    },
    { name: 'a single replica needs no budget', code: deployment('1') },
    {
      name: 'the set is not complete',
      code: deployment('3'),
      complete: false,
    },
    {
      name: 'DaemonSets, Jobs, RayClusters and bare Pods are left out',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: dcgm-exporter}
spec:
  selector: {matchLabels: {app: dcgm}}
  template:
    metadata: {labels: {app: dcgm}}
    spec:
      containers: [{name: exporter, image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: eval}
spec:
  parallelism: 4
  template:
    spec:
      restartPolicy: Never
      containers: [{name: eval, image: eval:1.0}]
---
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
  workerGroupSpecs:
    - groupName: cpu
      replicas: 4
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-worker, image: rayproject/ray:2.40.0}]
`,
    },
    {
      name: 'a raw-mode KServe component with one replica and no maxReplicas is not autoscaled',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama, annotations: {serving.kserve.io/deploymentMode: RawDeployment}}
spec:
  predictor:
    minReplicas: 1
    model:
      modelFormat: {name: huggingface}
`,
    },
    {
      name: 'a RayService head is a single pod',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
    workerGroupSpecs:
      - groupName: gpu
        replicas: 1
        rayStartParams: {}
        template:
          spec:
            containers: [{name: ray-worker, image: rayproject/ray:2.40.0-gpu}]
`,
    },
  ],
  invalid: [
    {
      name: 'three replicas and no budget points at the template labels',
      code: deployment('3'),
      errors: [{ messageId: 'missing', line: 10, column: 7, message: 'runs 3 pods' }],
    },
    {
      name: 'replicas written as a string',
      code: deployment('"2"'),
      errors: [{ messageId: 'missing', line: 10, message: 'runs 2 pods' }],
    },
    {
      name: 'a budget that selects other pods, or pods of another namespace',
      code: `${deployment('3')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: tgi, namespace: llm}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: tgi}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: vllm, namespace: other}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: vllm}}
`,
      errors: [{ messageId: 'missing', line: 10, column: 7 }],
    },
    {
      name: 'one replica scaled by an HPA',
      code: `${deployment('1')}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm-hpa, namespace: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  minReplicas: 1
  maxReplicas: 4
`,
      errors: [
        { messageId: 'missingScaled', line: 10, message: 'HorizontalPodAutoscaler "vllm-hpa"' },
      ],
      variants: [],
    },
    {
      name: 'LeaderWorkerSet whose budget covers the leaders only',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 3
    leaderTemplate:
      metadata:
        labels: {role: leader}
      spec:
        containers: [{name: leader, image: vllm/vllm-openai:v0.8.5}]
    workerTemplate:
      metadata:
        labels: {role: worker}
      spec:
        containers: [{name: worker, image: vllm/vllm-openai:v0.8.5}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: leaders}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {role: leader}}
`,
      errors: [{ messageId: 'missing', line: 16, column: 9, message: 'runs 4 pods (worker)' }],
    },
    {
      name: 'raw-mode KServe predictor with two fixed replicas points at the component',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama, annotations: {serving.kserve.io/deploymentMode: RawDeployment}}
spec:
  predictor:
    minReplicas: 2
    model:
      modelFormat: {name: huggingface}
`,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
      variants: [],
    },
    {
      name: 'KServe in its default (Knative) mode scales the predictor without a maxReplicas',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
`,
      errors: [
        {
          messageId: 'missingScaled',
          line: 6,
          message: 'scaled by KServe (predictor minReplicas 1)',
        },
      ],
      variants: [],
    },
    {
      name: 'KServe autoscaling range and a RayService worker group',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 3
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
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
    workerGroupSpecs:
      - groupName: gpu
        replicas: 2
        rayStartParams: {}
        template:
          spec:
            containers: [{name: ray-worker, image: rayproject/ray:2.40.0-gpu}]
`,
      errors: [
        { messageId: 'missingScaled', line: 6, message: 'scaled by KServe' },
        { messageId: 'missing', line: 26, message: 'runs 2 pods (worker:gpu)' },
      ],
    },
  ],
});
