import rule from '../../../src/rules/reliability/checkpoint-volume-missing';
import { RuleTester } from '../../../src/testing';

const gpuJob = (podSpec: string, container = ''): string => `
apiVersion: batch/v1
kind: Job
metadata: {name: finetune}
spec:
  template:
    spec:
      restartPolicy: Never${podSpec}
      containers:
        - name: train
          image: ghcr.io/example/train:1.0
          resources: {limits: {nvidia.com/gpu: 8}}${container}
`;

new RuleTester().run(rule, {
  variants: ['Job', 'CronJob', 'PyTorchJob', 'JobSet'],
  valid: [
    {
      name: 'a PVC mounted by the trainer',
      code: gpuJob(
        `
      volumes:
        - name: ckpt
          persistentVolumeClaim: {claimName: ckpt}`,
        `
          volumeMounts: [{name: ckpt, mountPath: /checkpoints}]`,
      ),
    },
    {
      name: 'an object-store CSI volume',
      code: gpuJob(
        `
      volumes:
        - name: bucket
          csi: {driver: gcsfuse.csi.storage.gke.io, volumeAttributes: {bucketName: ckpt}}`,
        `
          volumeMounts: [{name: bucket, mountPath: /mnt/ckpt}]`,
      ),
    },
    {
      name: 'checkpoints written straight to object storage',
      code: gpuJob(
        '',
        `
          args: [--output_dir, "s3://team-a/runs/llama-ft"]`,
      ),
    },
    {
      name: 'a Job without GPUs is not a training run',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: migrate:1.0}]
`,
    },
    {
      name: 'a CPU RayJob is data processing, not training',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: resize}
spec:
  entrypoint: python resize.py
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
`,
    },
    {
      name: 'a GPU RayJob whose entrypoint names its storage path',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: train}
spec:
  entrypoint: python train.py --storage-path gs://team-a/ray-results
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.40.0-gpu
              resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
    {
      name: 'a TrainJob whose runtime is not in the set is not judged',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: t:1
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'a TrainJob with a PVC in its podSpecOverrides',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: t:1
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
  podSpecOverrides:
    - targetJobs: [{name: node}]
      volumes:
        - name: ckpt
          persistentVolumeClaim: {claimName: ckpt}
      containers:
        - name: node
          volumeMounts: [{name: ckpt, mountPath: /checkpoints}]
`,
    },
  ],
  invalid: [
    {
      name: 'no volumes at all points at the pod spec',
      code: gpuJob(''),
      errors: [{ messageId: 'missing', line: 7, column: 5, message: 'Job "finetune"' }],
    },
    {
      name: 'emptyDir, hostPath and secret volumes do not persist checkpoints',
      code: gpuJob(
        `
      volumes:
        - name: scratch
          emptyDir: {sizeLimit: 100Gi}
        - name: node-disk
          hostPath: {path: /mnt/ckpt}
        - name: creds
          csi: {driver: secrets-store.csi.k8s.io, readOnly: true}`,
        `
          volumeMounts:
            - {name: scratch, mountPath: /checkpoints}
            - {name: node-disk, mountPath: /data}
            - {name: creds, mountPath: /var/run/secrets/store}`,
      ),
      errors: [{ messageId: 'missing', line: 9, column: 7 }],
    },
    {
      name: 'a PVC that no container mounts',
      code: gpuJob(`
      volumes:
        - name: ckpt
          persistentVolumeClaim: {claimName: ckpt}`),
      errors: [{ messageId: 'missing', line: 9, column: 7 }],
    },
    {
      name: 'a PyTorchJob without GPUs is still a training run',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers: [{name: pytorch, image: ft:1.0}]
    Worker:
      replicas: 2
      template:
        spec:
          containers: [{name: pytorch, image: ft:1.0}]
`,
      errors: [{ messageId: 'missing', line: 10, column: 9, message: 'PyTorchJob "ft"' }],
    },
    {
      name: 'a GPU RayJob reports on its GPU worker group',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: train}
spec:
  entrypoint: python train.py
  rayClusterSpec:
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
            containers:
              - name: ray-worker
                image: rayproject/ray:2.40.0-gpu
                resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 18, column: 11 }],
    },
    {
      name: 'a TrainJob whose runtime in the set mounts nothing persistent',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata: {name: torch-distributed}
spec:
  template:
    spec:
      replicatedJobs:
        - name: node
          template:
            spec:
              template:
                spec:
                  containers: [{name: node, image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime}]
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: t:1
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
`,
      errors: [{ messageId: 'missing', line: 19, column: 1, message: 'TrainJob "t"' }],
    },
  ],
});
