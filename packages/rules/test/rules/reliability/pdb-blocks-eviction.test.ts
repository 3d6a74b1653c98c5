import rule from '../../../src/rules/reliability/pdb-blocks-eviction';
import { RuleTester } from '../../../src/testing';

const deployment = (replicas: number): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]
`;

const pdb = (field: string): string => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: vllm}
spec:
  ${field}
  selector: {matchLabels: {app: vllm}}
`;

new RuleTester().run(rule, {
  variants: ['StatefulSet', 'Rollout'],
  valid: [
    { name: 'maxUnavailable 1', code: deployment(3) + pdb('maxUnavailable: 1') },
    { name: 'minAvailable below the replicas', code: deployment(3) + pdb('minAvailable: 2') },
    {
      name: 'a percentage that leaves one pod to evict',
      code: deployment(4) + pdb('minAvailable: "75%"'),
    },
    {
      name: 'minAvailable equal to the replicas on a partial scan (other pods may match)',
      code: deployment(2) + pdb('minAvailable: 2'),
      complete: false,
    },
    {
      name: 'an autoscaled workload is left to pdb-exceeds-hpa-min',
      code: `${deployment(2)}${pdb('minAvailable: 2')}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  minReplicas: 2
  maxReplicas: 6
`,
    },
    {
      name: 'a budget that selects nothing in the set, or an unreadable value',
      code: `${pdb('minAvailable: 1')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: odd}
spec:
  maxUnavailable: [1]
`,
    },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0 points at the value',
      code: deployment(3) + pdb('maxUnavailable: 0'),
      errors: [
        {
          messageId: 'maxUnavailableZero',
          line: 17,
          column: 19,
          message: 'PodDisruptionBudget "vllm"',
        },
      ],
    },
    {
      name: 'maxUnavailable "0%"',
      code: deployment(3) + pdb('maxUnavailable: "0%"'),
      errors: [{ messageId: 'maxUnavailableZero', line: 17, message: 'maxUnavailable 0%' }],
    },
    {
      name: 'minAvailable 100% blocks whatever the set',
      code: pdb('minAvailable: 100%'),
      complete: false,
      errors: [{ messageId: 'minAvailableAll', line: 6, column: 17 }],
    },
    {
      name: 'minAvailable equal to the replicas',
      code: deployment(2) + pdb('minAvailable: 2'),
      errors: [
        {
          messageId: 'minAvailableReplicas',
          line: 17,
          column: 17,
          message: 'needs 2 available of the 2 pods',
        },
      ],
    },
    {
      name: 'a percentage rounds up to every pod',
      code: deployment(3) + pdb('minAvailable: "90%"'),
      errors: [{ messageId: 'minAvailableReplicas', line: 17, message: 'needs 3 available' }],
    },
    {
      name: 'minAvailable as a quoted number above the replicas of a LeaderWorkerSet',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  replicas: 1
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers: [{name: sglang, image: lmsysorg/sglang:v0.4.3}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: sglang}
spec:
  minAvailable: "3"
  selector:
    matchLabels: {leaderworkerset.sigs.k8s.io/name: sglang}
`,
      errors: [{ messageId: 'minAvailableReplicas', line: 17, message: 'of the 2 pods' }],
      variants: [],
    },
    {
      name: 'a budget on a single pod (a bare Pod, or a Ray head) blocks its node',
      code: `
apiVersion: v1
kind: Pod
metadata:
  name: notebook
  labels: {app: notebook}
spec:
  containers: [{name: jupyter, image: jupyter/base-notebook:2024-10-07}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: notebook}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: notebook}}
`,
      errors: [
        { messageId: 'minAvailableReplicas', line: 14, message: 'needs 1 available of the 1 pods' },
      ],
      variants: [],
    },
    {
      name: 'raw-mode KServe predictor and RayService worker group with fixed replicas',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama, annotations: {serving.kserve.io/deploymentMode: RawDeployment}}
spec:
  predictor:
    minReplicas: 2
    model: {modelFormat: {name: huggingface}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: llama}
spec:
  minAvailable: 2
  selector:
    matchLabels: {serving.kserve.io/inferenceservice: llama}
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
          metadata:
            labels: {app: serve-worker}
          spec:
            containers: [{name: ray-worker, image: rayproject/ray:2.40.0-gpu}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: serve-workers}
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: serve-worker}
`,
      errors: [
        { messageId: 'minAvailableReplicas', line: 14 },
        { messageId: 'minAvailableReplicas', line: 42 },
      ],
    },
  ],
});
