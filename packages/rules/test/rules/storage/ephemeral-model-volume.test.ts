import rule from '../../../src/rules/storage/ephemeral-model-volume';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'models on a PVC, HF_HOME inside it',
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
          env:
            - {name: HF_HOME, value: /models/hf}
          volumeMounts:
            - {name: models, mountPath: /models}
            - {name: dshm, mountPath: /dev/shm}
      volumes:
        - name: models
          persistentVolumeClaim: {claimName: models}
        - name: dshm
          emptyDir: {medium: Memory}
`,
    },
    {
      name: 'an emptyDir outside the model paths is scratch space',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: main:1.0
          volumeMounts: [{name: tmp, mountPath: /tmp}, {name: d, mountPath: /database}]
      volumes:
        - {name: tmp, emptyDir: {}}
        - {name: d, emptyDir: {}}
`,
    },
    {
      name: 'StatefulSet claim templates and hostPath caches persist',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: tgi}
spec:
  serviceName: tgi
  template:
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4.0
          volumeMounts:
            - {name: data, mountPath: /data}
            - {name: node-cache, mountPath: /root/.cache/huggingface}
      volumes:
        - name: node-cache
          hostPath: {path: /mnt/hf}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        resources: {requests: {storage: 100Gi}}
`,
    },
    {
      name: 'an ephemeral volume restored from a snapshot',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: server
      image: server:1.0
      volumeMounts: [{name: weights, mountPath: /models}]
  volumes:
    - name: weights
      ephemeral:
        volumeClaimTemplate:
          spec:
            dataSourceRef: {kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io, name: llama}
            resources: {requests: {storage: 50Gi}}
`,
    },
    {
      name: 'MODEL_PATH into the image, repo ids, valueFrom and references are not paths on disk',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: triton}
spec:
  template:
    spec:
      containers:
        - name: triton
          image: registry.example.com/triton-with-model:1.0
          env:
            - {name: MODEL_PATH, value: /opt/model}
            - {name: MODEL_DIR, value: meta-llama/Llama-3.1-8B}
            - {name: HF_HOME, valueFrom: {configMapKeyRef: {name: c, key: k}}}
            - {name: TRANSFORMERS_CACHE, value: "$(HF_HOME)/transformers"}
            - {name: HF_HUB_CACHE, value: 42}
`,
    },
    {
      name: 'KServe puts a storageUri model at /mnt/models',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: s3://models/llama
      env:
        - {name: HF_HOME, value: /mnt/models/cache}
`,
    },
    {
      name: 'init containers are not judged; volumeMounts of the wrong type do not crash',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: fetch
      image: fetch:1.0
      volumeMounts: [{name: scratch, mountPath: /models}]
  containers:
    - name: main
      image: main:1.0
      volumeMounts: {name: scratch, mountPath: /models}
  volumes:
    - {name: scratch, emptyDir: {}}
`,
    },
  ],
  invalid: [
    {
      name: 'an emptyDir at /models points at the mountPath',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      initContainers:
        - name: download
          image: fetch:1.0
          volumeMounts: [{name: models, mountPath: /models}]
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          env:
            - {name: HF_HOME, value: /models/hf}
          volumeMounts:
            - name: models
              mountPath: /models/
      volumes:
        - name: models
          emptyDir: {}
`,
      errors: [
        {
          messageId: 'mount',
          line: 19,
          column: 26,
          container: 'vllm',
          message: 'emptyDir volume "models" at "/models"',
        },
      ],
    },
    {
      name: 'checkpoints on a memory emptyDir and a generic ephemeral volume',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: train:1.0
              volumeMounts:
                - {name: ckpt, mountPath: /checkpoints/run-1}
                - {name: data, mountPath: /data}
          volumes:
            - name: ckpt
              emptyDir: {medium: Memory}
            - name: data
              ephemeral:
                volumeClaimTemplate:
                  spec:
                    resources: {requests: {storage: 1Ti}}
`,
      errors: [
        { messageId: 'mount', line: 15, message: 'emptyDir volume "ckpt"' },
        { messageId: 'mount', line: 16, message: 'ephemeral volume "data"' },
      ],
    },
    {
      name: 'HF_HOME on the container filesystem or into an emptyDir elsewhere',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi}
spec:
  template:
    spec:
      containers:
        - name: server
          image: server:1.0
          env:
            - name: HF_HOME
              value: /root/.cache/huggingface
            - name: TRANSFORMERS_CACHE
              value: /cache/transformers
            - name: CHECKPOINT_DIR
              value: /opt/ckpt
          volumeMounts: [{name: cache, mountPath: /cache}]
      volumes:
        - {name: cache, emptyDir: {sizeLimit: 100Gi}}
`,
      errors: [
        {
          messageId: 'containerFilesystem',
          line: 13,
          column: 22,
          message: 'HF_HOME to "/root/.cache/huggingface"',
        },
        { messageId: 'env', line: 15, message: 'emptyDir volume "cache"' },
        { messageId: 'containerFilesystem', line: 17, message: 'CHECKPOINT_DIR' },
      ],
    },
    {
      name: 'MODEL_PATH into an emptyDir an init container filled',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: triton}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: fetch:1.0
          volumeMounts: [{name: scratch, mountPath: /scratch}]
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.08-py3
          env:
            - {name: MODEL_PATH, value: /scratch/model-repo}
          volumeMounts: [{name: scratch, mountPath: /scratch, readOnly: true}]
      volumes:
        - {name: scratch, emptyDir: {}}
`,
      errors: [{ messageId: 'env', line: 16, column: 41, container: 'triton' }],
    },
    {
      name: 'custom model paths and variables from the settings',
      settings: { modelPaths: ['/weights/*'], modelPathEnvVars: ['OLLAMA_MODELS'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: ollama}
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.3.12
      env:
        - {name: OLLAMA_MODELS, value: /root/.ollama/models}
        - {name: HF_HOME, value: /tmp/hf}
      volumeMounts:
        - {name: w, mountPath: /weights/llama}
        - {name: m, mountPath: /models}
  volumes:
    - {name: w, emptyDir: {}}
    - {name: m, emptyDir: {}}
`,
      errors: [
        { messageId: 'containerFilesystem', line: 10, message: 'OLLAMA_MODELS' },
        { messageId: 'mount', line: 13 },
      ],
    },
    {
      name: 'KServe predictor without storageUri',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.3
        env:
          - {name: HF_HOME, value: /mnt/models/cache}
`,
      errors: [{ messageId: 'containerFilesystem', line: 11 }],
    },
    {
      name: 'RayService worker group',
      variants: [],
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
              image: rayproject/ray-ml:2.9.0
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            containers:
              - name: ray-worker
                image: rayproject/ray-ml:2.9.0-gpu
                volumeMounts: [{name: hf, mountPath: /root/.cache/huggingface}]
            volumes:
              - {name: hf, emptyDir: {}}
`,
      errors: [{ messageId: 'mount', line: 22, container: 'ray-worker' }],
    },
  ],
});
