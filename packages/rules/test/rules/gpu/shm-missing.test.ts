import rule from '../../../src/rules/gpu/shm-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [
    'Deployment',
    'CronJob',
    'PyTorchJob',
    'InferenceService',
    'LeaderWorkerSet',
    'JobSet',
  ],
  valid: [
    {
      name: 'memory emptyDir at /dev/shm',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources: {limits: {nvidia.com/gpu: 2}}
          volumeMounts:
            - {name: dshm, mountPath: /dev/shm/}
      volumes:
        - name: dshm
          emptyDir: {medium: Memory, sizeLimit: 16Gi}
`,
    },
    {
      name: 'hostIPC shares the node /dev/shm',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostIPC: true
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'hostPath /dev/shm is memory too',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
      volumeMounts: [{name: shm, mountPath: /dev/shm}]
  volumes:
    - name: shm
      hostPath: {path: /dev/shm}
`,
    },
    {
      name: 'CPU containers and GPU init containers are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: warmup
      image: warmup:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 0}}
`,
    },
    {
      name: 'KubeRay mounts /dev/shm in the Ray container',
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
          containers:
            - name: ray-head
              image: rayproject/ray:2.9.0
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            containers:
              - name: ray-worker
                image: rayproject/ray:2.9.0-gpu
                resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'KServe model container whose runtime is not in the set',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      runtime: kserve-huggingfaceserver
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'KServe model container whose ServingRuntime mounts /dev/shm',
      code: `
apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: vllm-runtime}
spec:
  supportedModelFormats: [{name: huggingface}]
  containers:
    - name: kserve-container
      image: vllm/vllm-openai:v0.6.0
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
  volumes:
    - name: dshm
      emptyDir: {medium: Memory}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      runtime: vllm-runtime
      resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'TrainJob pods come from the runtime',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {nvidia.com/gpu: 8}
`,
    },
  ],
  invalid: [
    {
      name: 'no volume mounts at all: points at the container',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          args: [--tensor-parallel-size, "2"]
          resources: {limits: {nvidia.com/gpu: 2}}
`,
      errors: [{ messageId: 'missing', line: 9, column: 11, container: 'vllm' }],
    },
    {
      name: 'other mounts: points at volumeMounts; each GPU container is checked',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ddp}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: ddp:1.0
              resources: {limits: {nvidia.com/gpu: 8}}
              volumeMounts:
                - {name: data, mountPath: /data}
                - {name: dshm, mountPath: /dev/shm-backup}
            - name: profiler
              image: profiler:1.0
              resources: {limits: {nvidia.com/gpu: 1}}
              volumeMounts: [{name: dshm, mountPath: /dev/shm}]
          volumes:
            - name: data
              persistentVolumeClaim: {claimName: data}
            - name: dshm
              emptyDir: {medium: Memory}
`,
      errors: [{ messageId: 'missing', line: 15, column: 15, container: 'pytorch' }],
    },
    {
      name: 'a disk-backed emptyDir at /dev/shm',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
          resources: {limits: {nvidia.com/gpu: 1}}
          volumeMounts: [{name: shm, mountPath: /dev/shm}]
      volumes:
        - name: shm
          emptyDir:
            sizeLimit: 8Gi
        - name: other
          emptyDir: {medium: ""}
`,
      errors: [{ messageId: 'diskBacked', line: 16, column: 11, message: 'volume "shm"' }],
    },
    {
      name: 'an empty medium is disk',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
      volumeMounts: [{name: shm, mountPath: /dev/shm}]
  volumes:
    - name: shm
      emptyDir: {medium: ""}
`,
      errors: [{ messageId: 'diskBacked', line: 13, column: 26 }],
    },
    {
      name: 'a second GPU container of a Ray pod gets no shm from KubeRay',
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
            image: rayproject/ray:2.9.0-gpu
            resources: {limits: {nvidia.com/gpu: 1}}
          - name: gpu-sidecar
            image: sidecar:1.0
            resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 14, container: 'gpu-sidecar' }],
      variants: [],
    },
    {
      name: 'KServe model container whose ServingRuntime has no /dev/shm',
      code: `
apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: {name: tgi}
spec:
  containers:
    - name: kserve-container
      image: ghcr.io/huggingface/text-generation-inference:2.0
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      runtime: tgi
      resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 15, container: 'kserve-container' }],
      variants: [],
    },
    {
      name: 'KServe custom container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.0
        resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 8 }],
    },
  ],
});
