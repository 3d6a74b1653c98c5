import rule from '../../../src/rules/reliability/anti-affinity-missing';
import { RuleTester } from '../../../src/testing';

const deployment = (replicas: number, podSpec = ''): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm, tier: serving}}
    spec:${podSpec}
      containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]
`;

new RuleTester().run(rule, {
  variants: ['StatefulSet', 'Rollout', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'topology spread on the pods own labels',
      code: deployment(
        3,
        `
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector: {matchLabels: {app: vllm}}`,
      ),
    },
    {
      name: 'required pod anti-affinity with matchExpressions',
      code: deployment(
        2,
        `
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchExpressions: [{key: app, operator: In, values: [vllm]}]`,
      ),
    },
    {
      name: 'preferred pod anti-affinity',
      code: deployment(
        2,
        `
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: topology.kubernetes.io/zone
                labelSelector: {matchLabels: {tier: serving}}`,
      ),
    },
    { name: 'a single replica', code: deployment(1) },
    {
      name: 'LeaderWorkerSet groups placed by the exclusive-topology annotation',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: vllm
  annotations: {leaderworkerset.sigs.k8s.io/exclusive-topology: cloud.google.com/gke-nodepool}
spec:
  replicas: 3
  leaderWorkerTemplate:
    size: 4
    workerTemplate:
      spec:
        containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]
`,
    },
    {
      name: 'DaemonSets, training jobs and RayClusters are left out',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: dcgm}
spec:
  selector: {matchLabels: {app: dcgm}}
  template:
    metadata: {labels: {app: dcgm}}
    spec:
      containers: [{name: exporter, image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5}]
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          containers: [{name: pytorch, image: ft:1.0}]
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
  ],
  invalid: [
    {
      name: 'no spreading points at the pod spec',
      code: deployment(3),
      errors: [{ messageId: 'missing', line: 10, column: 5, message: 'runs 3 replicas' }],
    },
    {
      name: 'anti-affinity against other pods does not spread these',
      code: deployment(
        2,
        `
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector: {matchLabels: {app: training}}
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}`,
      ),
      errors: [{ messageId: 'missing', line: 16, column: 7 }],
    },
    {
      name: 'one replica under an HPA',
      code: `${deployment(1)}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  maxReplicas: 4
`,
      errors: [{ messageId: 'missingScaled', line: 10, message: 'HorizontalPodAutoscaler "vllm"' }],
      variants: [],
    },
    {
      name: 'LeaderWorkerSet groups are judged on the leader template',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers: [{name: leader, image: lmsysorg/sglang:v0.4.3}]
    workerTemplate:
      spec:
        containers: [{name: worker, image: lmsysorg/sglang:v0.4.3}]
`,
      errors: [{ messageId: 'missing', line: 10, column: 7, message: '(leader) runs 2 replicas' }],
    },
    {
      name: 'raw-mode KServe predictor with fixed replicas and a RayService worker group',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama, annotations: {serving.kserve.io/deploymentMode: RawDeployment}}
spec:
  predictor:
    minReplicas: 2
    model: {modelFormat: {name: huggingface}}
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
        replicas: 3
        rayStartParams: {}
        template:
          spec:
            containers: [{name: ray-worker, image: rayproject/ray:2.40.0-gpu}]
`,
      errors: [
        { messageId: 'missing', line: 6, column: 3 },
        { messageId: 'missing', line: 25, message: '(worker:gpu) runs 3 replicas' },
      ],
    },
  ],
});
