import rule from '../../../src/rules/reliability/pdb-exceeds-hpa-min';
import { RuleTester } from '../../../src/testing';

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]
`;

const hpa = (min: string): string => `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  ${min}
  maxReplicas: 8
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
  variants: [],
  valid: [
    {
      name: 'minAvailable below the HPA minimum',
      code: deployment + hpa('minReplicas: 3') + pdb('minAvailable: 2'),
    },
    {
      name: 'maxUnavailable is never blocked by scaling down',
      code: deployment + hpa('minReplicas: 1') + pdb('maxUnavailable: 1'),
    },
    {
      name: 'no autoscaler (left to pdb-blocks-eviction)',
      code: deployment + pdb('minAvailable: 1'),
    },
    {
      name: 'the set is not complete',
      code: deployment + hpa('minReplicas: 2') + pdb('minAvailable: 2'),
      complete: false,
    },
    {
      name: 'a percentage that leaves a pod at the minimum',
      code: deployment + hpa('minReplicas: 4') + pdb('minAvailable: 50%'),
    },
  ],
  invalid: [
    {
      name: 'minAvailable equal to minReplicas points at minAvailable',
      code: deployment + hpa('minReplicas: 2') + pdb('minAvailable: 2'),
      errors: [
        {
          messageId: 'exceeds',
          line: 24,
          column: 17,
          message: 'HorizontalPodAutoscaler "vllm" may scale the pods it selects down to 2',
        },
      ],
    },
    {
      name: 'minReplicas defaults to 1',
      code: deployment + hpa('metrics: []') + pdb('minAvailable: 1'),
      errors: [{ messageId: 'exceeds', line: 24, message: 'down to 1' }],
    },
    {
      name: 'a percentage rounds up to every pod at the minimum',
      code: deployment + hpa('minReplicas: "2"') + pdb('minAvailable: "60%"'),
      errors: [{ messageId: 'exceeds', line: 24, message: 'needs 2 available' }],
    },
    {
      name: 'a KEDA ScaledObject that scales to zero still runs one pod',
      code: `${deployment}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: vllm-queue}
spec:
  scaleTargetRef: {name: vllm}
  minReplicaCount: 0
  maxReplicaCount: 4
${pdb('minAvailable: 1')}`,
      errors: [{ messageId: 'exceeds', line: 24, message: 'ScaledObject "vllm-queue"' }],
    },
    {
      name: 'an HPA on the Deployment KServe generates for the predictor',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: RawDeployment, serving.kserve.io/autoscalerClass: external}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llama-predictor}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llama-predictor}
  minReplicas: 2
  maxReplicas: 4
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: llama}
spec:
  minAvailable: "100%"
  selector:
    matchLabels: {serving.kserve.io/inferenceservice: llama}
`,
      errors: [
        { messageId: 'exceeds', line: 23, message: 'HorizontalPodAutoscaler "llama-predictor"' },
      ],
    },
    {
      name: 'KServe autoscaling range and a LeaderWorkerSet under an HPA',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: 2
    maxReplicas: 5
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
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers: [{name: sglang, image: lmsysorg/sglang:v0.4.3}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: sglang}
spec:
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: sglang}
  minReplicas: 1
  maxReplicas: 3
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: sglang}
spec:
  minAvailable: 2
  selector:
    matchLabels: {leaderworkerset.sigs.k8s.io/name: sglang}
`,
      errors: [
        { messageId: 'exceeds', line: 15, message: 'KServe (predictor minReplicas 2)' },
        { messageId: 'exceeds', line: 41, message: 'down to 2' },
      ],
    },
  ],
});
