import rule from '../../../src/rules/storage/host-path';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'PVC, emptyDir and configMap volumes',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
      volumes:
        - name: models
          persistentVolumeClaim: {claimName: models}
        - name: scratch
          emptyDir: {}
        - name: config
          configMap: {name: api}
`,
    },
    {
      name: 'an allowed host path',
      options: { allowedPaths: ['/var/log/*'] },
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logs}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1.0
      volumes:
        - name: pods
          hostPath: {path: /var/log/pods}
`,
    },
    {
      name: 'a TrainJob owns no pod spec',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
`,
    },
    {
      name: 'volumes of the wrong type do not crash the rule',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes: "hostPath"
`,
    },
  ],
  invalid: [
    {
      name: 'a hostPath volume points at its hostPath key',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
      volumes:
        - name: hf-cache
          hostPath:
            path: /mnt/hf-cache
            type: DirectoryOrCreate
`,
      errors: [{ messageId: 'hostPath', line: 13, column: 11, message: '"/mnt/hf-cache"' }],
    },
    {
      name: 'one finding per hostPath volume, the allowed one excepted',
      options: { allowedPaths: ['/dev/infiniband'] },
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
      volumes:
        - name: ib
          hostPath: {path: /dev/infiniband}
        - name: data
          hostPath: {path: /data}
        - name: sock
          hostPath: {path: /var/run/docker.sock}
`,
      errors: [
        { messageId: 'hostPath', line: 16, message: '"/data"' },
        { messageId: 'hostPath', line: 18, message: '"/var/run/docker.sock"' },
      ],
    },
    {
      name: 'a malformed hostPath (a string) is still a hostPath',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: root
      hostPath: /
`,
      errors: [{ messageId: 'hostPath', line: 11, message: 'host path "/"' }],
    },
    {
      name: 'RayCluster worker group',
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
            image: rayproject/ray:2.9.0
  workerGroupSpecs:
    - groupName: gpu
      replicas: 2
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.9.0-gpu
          volumes:
            - name: nvme
              hostPath: {path: /mnt/nvme}
`,
      errors: [{ messageId: 'hostPath', line: 24, column: 15 }],
    },
    {
      name: 'InferenceService predictor',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://meta-llama/Llama-3.1-8B
    volumes:
      - name: models
        hostPath: {path: /models}
`,
      errors: [{ messageId: 'hostPath', line: 12, column: 9 }],
    },
  ],
});
