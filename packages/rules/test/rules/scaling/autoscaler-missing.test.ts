import rule from '../../../src/rules/scaling/autoscaler-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['Deployment', 'StatefulSet', 'Rollout', 'LeaderWorkerSet'],
  valid: [
    {
      name: 'GPU Deployment scaled by an HPA',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: 2
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
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  minReplicas: 2
  maxReplicas: 6
`,
    },
    {
      name: 'model server scaled by a KEDA ScaledObject (kind defaults to Deployment)',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi, namespace: serving}
spec:
  template:
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.0
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: tgi, namespace: serving}
spec:
  scaleTargetRef: {name: tgi}
  triggers:
    - type: prometheus
      metadata: {query: tgi_queue_size, threshold: "4"}
`,
    },
    {
      name: 'a web server is not an inference server',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: 'InferenceService without maxReplicas: the Knative autoscaler is unbounded',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: 1
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'InferenceService in raw mode with maxReplicas above minReplicas',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 4
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'InferenceService with external autoscaling and an HPA on its predictor Deployment',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations:
    serving.kserve.io/deploymentMode: Standard
    serving.kserve.io/autoscalerClass: external
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llama}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llama-predictor}
  minReplicas: 2
  maxReplicas: 4
`,
    },
    {
      name: 'ModelMesh serves from a shared runtime: not judged',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: mnist
  annotations: {serving.kserve.io/deploymentMode: ModelMesh}
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 1
    model:
      modelFormat: {name: onnx}
`,
    },
    {
      name: 'RayService with the Ray autoscaler and a growable worker group',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    enableInTreeAutoscaling: true
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
    workerGroupSpecs:
      - groupName: gpu
        minReplicas: 1
        maxReplicas: 4
        template:
          spec:
            containers:
              - name: worker
                image: rayproject/ray:2.9.0-gpu
                resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'GPU RayCluster with autoscaling and a worker group without maxReplicas (unbounded)',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  enableInTreeAutoscaling: true
  headGroupSpec:
    template:
      spec:
        containers: [{name: head, image: rayproject/ray:2.9.0}]
  workerGroupSpecs:
    - groupName: gpu
      replicas: 1
      template:
        spec:
          containers:
            - name: worker
              image: rayproject/ray:2.9.0-gpu
              resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'LeaderWorkerSet scaled by an HPA',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: vllm
            image: vllm/vllm-openai:v0.6.0
            resources: {limits: {nvidia.com/gpu: 8}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: vllm}
  minReplicas: 2
  maxReplicas: 4
`,
    },
    {
      name: 'a GPU DaemonSet runs one pod per node and has no scale subresource',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-llm}
spec:
  template:
    spec:
      containers:
        - name: server
          image: ollama/ollama:0.3.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a partial scan does not conclude that the autoscaler is missing',
      complete: false,
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
`,
    },
    {
      name: 'wrong-typed predictor bounds are not judged',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: two
    maxReplicas: [2]
    model:
      modelFormat: {name: huggingface}
`,
    },
  ],
  invalid: [
    {
      name: 'GPU Deployment with a fixed replica count',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  replicas: 2
  template:
    spec:
      initContainers:
        - name: fetch
          image: busybox:1.36
      containers:
        - name: server
          image: registry.example.com/llm-server:1.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [
        {
          messageId: 'none',
          line: 6,
          column: 13,
          message: 'Deployment "llm" runs a model server or long-running GPU pods',
        },
      ],
    },
    {
      name: 'model server by image without replicas points at spec',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi}
spec:
  template:
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.0
`,
      variants: [],
      errors: [{ messageId: 'none', line: 5 }],
    },
    {
      name: 'an HPA in another namespace does not scale it',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm, namespace: a}
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm, namespace: b}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  maxReplicas: 4
`,
      errors: [{ messageId: 'none', line: 6 }],
    },
    {
      name: 'InferenceService with minReplicas equal to maxReplicas',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    minReplicas: 2
    maxReplicas: 2
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      variants: [],
      errors: [{ messageId: 'kserveFixed', line: 8, column: 18, message: 'at 2 replica(s)' }],
    },
    {
      name: 'InferenceService with only maxReplicas 1 (minReplicas defaults to 1)',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    maxReplicas: 1
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
`,
      variants: [],
      errors: [{ messageId: 'kserveFixed', line: 7 }],
    },
    {
      name: 'raw InferenceService without maxReplicas is pinned at minReplicas',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec:
  predictor:
    minReplicas: 3
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      variants: [],
      errors: [{ messageId: 'kserveRawNoMax', line: 8, message: 'at 3 replica(s)' }],
    },
    {
      name: 'raw InferenceService with autoscaling turned off',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations:
    serving.kserve.io/deploymentMode: Standard
    serving.kserve.io/autoscalerClass: none
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 4
    model:
      modelFormat: {name: huggingface}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      variants: [],
      errors: [{ messageId: 'kserveDisabled', line: 8, column: 40 }],
    },
    {
      name: 'RayService without the Ray autoscaler',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
    workerGroupSpecs:
      - groupName: gpu
        minReplicas: 1
        maxReplicas: 4
        template:
          spec:
            containers:
              - name: worker
                image: rayproject/ray:2.9.0-gpu
                resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'rayDisabled', line: 6, message: 'RayService "serve"' }],
    },
    {
      name: 'RayCluster with autoscaling on but no worker group that can grow',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  enableInTreeAutoscaling: true
  headGroupSpec:
    template:
      spec:
        containers: [{name: head, image: rayproject/ray:2.9.0}]
  workerGroupSpecs:
    - groupName: gpu
      replicas: 2
      minReplicas: 2
      maxReplicas: 2
      template:
        spec:
          containers:
            - name: worker
              image: rayproject/ray:2.9.0-gpu
              resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'rayFixed', line: 15, column: 20 }],
    },
    {
      name: 'GPU RayCluster with autoscaling on and only a head',
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  enableInTreeAutoscaling: true
  headGroupSpec:
    template:
      spec:
        containers:
          - name: head
            image: rayproject/ray:2.9.0-gpu
            resources: {limits: {nvidia.com/gpu: 1}}
`,
      variants: [],
      errors: [{ messageId: 'rayNoWorkers', line: 5 }],
    },
    {
      name: 'an HPA for another Deployment does not count',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: triton}
spec:
  replicas: 2
  serviceName: triton
  template:
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.05-py3
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: triton}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: triton}
  minReplicas: 2
  maxReplicas: 4
`,
      variants: [],
      errors: [{ messageId: 'none', line: 6, message: 'StatefulSet "triton"' }],
    },
    {
      name: 'LeaderWorkerSet without an autoscaler',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: vllm/vllm-openai:v0.6.0
            resources: {limits: {nvidia.com/gpu: 8}}
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: vllm/vllm-openai:v0.6.0
            resources: {limits: {nvidia.com/gpu: 8}}
`,
      errors: [{ messageId: 'none', line: 6 }],
    },
  ],
});
