import rule from '../../../src/rules/storage/model-volume-writable';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['StatefulSet', 'Rollout', 'InferenceService'],
  valid: [
    {
      name: 'read-only mount',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: triton}
spec:
  template:
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.08-py3
          volumeMounts: [{name: repo, mountPath: /models, readOnly: true}]
      volumes:
        - name: repo
          persistentVolumeClaim: {claimName: model-repo}
`,
    },
    {
      name: 'read-only claim volume',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: triton}
spec:
  template:
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.08-py3
          volumeMounts: [{name: repo, mountPath: /models}]
      volumes:
        - name: repo
          persistentVolumeClaim: {claimName: model-repo, readOnly: true}
`,
    },
    {
      name: 'download caches are written by design',
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
          args: ["--model", "meta-llama/Llama-3.1-8B", "--download-dir=/data/weights"]
          env:
            - {name: HF_HOME, value: /models/hf}
          volumeMounts:
            - {name: hf, mountPath: /models}
            - {name: cache, mountPath: /root/.cache/huggingface}
            - {name: data, mountPath: /data}
      volumes:
        - {name: hf, persistentVolumeClaim: {claimName: hf}}
        - {name: cache, persistentVolumeClaim: {claimName: cache}}
        - {name: data, persistentVolumeClaim: {claimName: data}}
`,
    },
    {
      name: 'a download flag inside a shell command',
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
          command: ["/bin/sh", "-c"]
          args: ["vllm serve meta-llama/Llama-3.1-8B --download-dir /models --port 8000"]
          volumeMounts: [{name: m, mountPath: /models}]
      volumes:
        - {name: m, persistentVolumeClaim: {claimName: m}}
`,
    },
    {
      name: 'TGI downloads into /data',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi}
spec:
  template:
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4.0
          volumeMounts: [{name: data, mountPath: /data}]
      volumes:
        - {name: data, persistentVolumeClaim: {claimName: tgi-data}}
`,
    },
    {
      name: 'not an inference server: a CPU batch job writes its data',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: convert}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: convert
          image: convert:1.0
          volumeMounts: [{name: m, mountPath: /models}]
      volumes:
        - {name: m, persistentVolumeClaim: {claimName: m}}
`,
    },
    {
      name: 'per-replica claim templates and emptyDirs are not shared model volumes',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: vllm}
spec:
  serviceName: vllm
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          volumeMounts:
            - {name: models, mountPath: /models}
            - {name: scratch, mountPath: /data}
      volumes:
        - {name: scratch, emptyDir: {}}
  volumeClaimTemplates:
    - metadata: {name: models}
      spec:
        resources: {requests: {storage: 100Gi}}
`,
    },
  ],
  invalid: [
    {
      name: 'a model server mounts its model repository read-write',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: triton}
spec:
  template:
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.08-py3
          volumeMounts:
            - name: repo
              mountPath: /models
      volumes:
        - name: repo
          persistentVolumeClaim: {claimName: model-repo}
`,
      errors: [
        {
          messageId: 'writable',
          line: 12,
          column: 15,
          container: 'triton',
          message: 'PersistentVolumeClaim "model-repo") at "/models"',
        },
      ],
    },
    {
      name: 'readOnly: false points at the value',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: embed}
spec:
  template:
    spec:
      containers:
        - name: embed
          image: embed:1.0
          resources:
            limits: {nvidia.com/gpu: 1}
          volumeMounts:
            - {name: m, mountPath: /mnt/models, readOnly: false}
      volumes:
        - {name: m, persistentVolumeClaim: {claimName: m, readOnly: false}}
`,
      errors: [{ messageId: 'writable', line: 14, column: 59 }],
    },
    {
      name: 'RayService worker',
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
                volumeMounts: [{name: w, mountPath: /models/llama}]
            volumes:
              - {name: w, persistentVolumeClaim: {claimName: weights}}
`,
      errors: [{ messageId: 'writable', line: 22, container: 'ray-worker' }],
    },
    {
      name: 'LeaderWorkerSet leader serving a model',
      variants: [],
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: llm}
spec:
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: vllm/vllm-openai:v0.6.3
            volumeMounts: [{name: w, mountPath: /model}]
        volumes:
          - {name: w, persistentVolumeClaim: {claimName: weights}}
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: vllm/vllm-openai:v0.6.3
            volumeMounts: [{name: w, mountPath: /model, readOnly: true}]
        volumes:
          - {name: w, persistentVolumeClaim: {claimName: weights}}
`,
      errors: [{ messageId: 'writable', line: 13, container: 'leader' }],
    },
  ],
});
