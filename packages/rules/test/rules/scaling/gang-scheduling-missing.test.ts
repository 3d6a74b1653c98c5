import rule from '../../../src/rules/scaling/gang-scheduling-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: ['PyTorchJob', 'JobSet'],
  valid: [
    {
      name: 'PyTorchJob submitted through Kueue',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: ft
  labels: {kueue.x-k8s.io/queue-name: team-a}
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3, resources: {limits: {nvidia.com/gpu: 8}}}]
    Worker:
      replicas: 3
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3, resources: {limits: {nvidia.com/gpu: 8}}}]
`,
    },
    {
      name: 'PyTorchJob with a Volcano scheduling policy',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  runPolicy:
    schedulingPolicy: {minAvailable: 4, queue: research}
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3}]
`,
    },
    {
      name: 'every template on Volcano or in a coscheduling pod group',
      code: `
apiVersion: kubeflow.org/v1
kind: MPIJob
metadata: {name: mpi}
spec:
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        metadata:
          labels: {scheduling.x-k8s.io/pod-group: mpi}
        spec:
          containers: [{name: launcher, image: mpi:1}]
    Worker:
      replicas: 2
      template:
        spec:
          schedulerName: volcano
          containers: [{name: worker, image: mpi:1, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
    },
    {
      name: 'a GPU JobSet whose pods carry the Volcano group annotation',
      code: `
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
    - name: workers
      replicas: 4
      template:
        spec:
          template:
            metadata:
              annotations: {scheduling.k8s.io/group-name: js}
            spec:
              containers: [{name: w, image: w:1, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
    },
    {
      name: 'a Volcano Job is gang-scheduled by definition',
      code: `
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: {name: vj}
spec:
  tasks:
    - replicas: 4
      name: worker
      template:
        spec:
          containers: [{name: w, image: w:1, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
    },
    {
      name: 'a RayJob with KubeRay gang scheduling',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: rj
  labels: {ray.io/gang-scheduling-enabled: "true"}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
    workerGroupSpecs:
      - groupName: gpu
        replicas: 2
        template:
          spec:
            containers: [{name: w, image: rayproject/ray:2.9.0-gpu}]
`,
    },
    {
      name: 'a RayJob in a namespace whose default LocalQueue Kueue assigns',
      code: `
apiVersion: kueue.x-k8s.io/v1beta1
kind: LocalQueue
metadata: {name: default}
spec: {clusterQueue: cq}
---
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
    workerGroupSpecs:
      - groupName: cpu
        replicas: 2
        template:
          spec:
            containers: [{name: w, image: rayproject/ray:2.9.0}]
`,
    },
    {
      name: 'single-pod training, and a RayJob whose only extra pod is the submitter',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: single}
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3, resources: {limits: {nvidia.com/gpu: 1}}}]
---
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
  submitterPodTemplate:
    spec:
      restartPolicy: Never
      containers: [{name: submit, image: rayproject/ray:2.9.0}]
`,
    },
    {
      name: 'a CPU-only RayJob: Ray progresses on the workers that started',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: etl-ray}
spec:
  entrypoint: python etl.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0, resources: {limits: {cpu: 2}}}]
    workerGroupSpecs:
      - groupName: cpu
        replicas: 4
        template:
          spec:
            containers: [{name: w, image: rayproject/ray:2.9.0, resources: {limits: {cpu: 4}}}]
`,
    },
    {
      name: 'a parallel CPU Job is not training',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: etl}
spec:
  parallelism: 8
  template:
    spec:
      restartPolicy: Never
      containers: [{name: etl, image: etl:1.0}]
`,
    },
    {
      name: 'a TrainJob whose runtime sets a podGroupPolicy',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata: {name: torch-gang}
spec:
  podGroupPolicy:
    coscheduling: {scheduleTimeoutSeconds: 120}
  template:
    spec:
      replicatedJobs:
        - name: node
          template:
            spec:
              template:
                spec:
                  containers: [{name: node, image: pytorch/pytorch:2.3.0}]
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: tj}
spec:
  runtimeRef: {name: torch-gang}
  trainer:
    numNodes: 4
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'a TrainJob whose runtime is not in the set cannot be judged',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: tj}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    numNodes: 4
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
`,
    },
    {
      name: 'wrong-typed replicas count as one pod',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: odd}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: many
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3}]
`,
    },
  ],
  invalid: [
    {
      name: 'GPU PyTorchJob with four workers and no gang scheduler',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          initContainers:
            - name: fetch
              image: busybox:1.36
          containers:
            - name: pytorch
              image: pt:2.3
              resources: {limits: {nvidia.com/gpu: 8}}
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 1,
          message: 'PyTorchJob "ft" starts 4 pods that must run together',
        },
      ],
    },
    {
      name: 'master and one worker on the default scheduler',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: ft
  labels: {team: a}
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3}]
    Worker:
      replicas: 1
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3}]
`,
      errors: [{ messageId: 'missing', line: 6, message: 'starts 2 pods' }],
    },
    {
      name: 'only some templates on Volcano',
      code: `
apiVersion: kubeflow.org/v1
kind: TFJob
metadata: {name: tf}
spec:
  tfReplicaSpecs:
    PS:
      replicas: 1
      template:
        spec:
          schedulerName: volcano
          containers: [{name: tensorflow, image: tf:2.15}]
    Worker:
      replicas: 2
      template:
        spec:
          containers: [{name: tensorflow, image: tf:2.15}]
`,
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'a RayJob with a head and two workers',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
    workerGroupSpecs:
      - groupName: gpu
        replicas: 2
        template:
          spec:
            containers: [{name: w, image: rayproject/ray:2.9.0-gpu, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
      errors: [{ messageId: 'missing', line: 4, message: 'RayJob "rj" starts 3 pods' }],
    },
    {
      name: 'a multi-host TPU worker group counts every host',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: tpu}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
    workerGroupSpecs:
      - groupName: tpu
        replicas: 1
        numOfHosts: 4
        template:
          spec:
            containers: [{name: w, image: rayproject/ray:2.9.0, resources: {limits: {google.com/tpu: 4}}}]
`,
      errors: [{ messageId: 'missing', line: 4, message: 'starts 5 pods' }],
    },
    {
      name: 'a GPU indexed Job with parallelism 4',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: ddp}
spec:
  completionMode: Indexed
  completions: 4
  parallelism: 4
  template:
    spec:
      restartPolicy: Never
      containers: [{name: ddp, image: ddp:1, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'an empty queue name is no queue, on a CronJob job template',
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    metadata:
      labels: {kueue.x-k8s.io/queue-name: ""}
    spec:
      parallelism: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: ft, image: ft:1, resources: {limits: {nvidia.com/gpu: 1}}}]
`,
      variants: [],
      errors: [{ messageId: 'missing', line: 9, column: 43 }],
    },
    {
      name: 'a TrainJob whose runtime has no podGroupPolicy',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainingRuntime
metadata: {name: torch}
spec:
  template:
    spec:
      replicatedJobs:
        - name: node
          template:
            spec:
              template:
                spec:
                  containers: [{name: node, image: pytorch/pytorch:2.3.0}]
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: tj}
spec:
  runtimeRef: {name: torch, kind: TrainingRuntime}
  trainer:
    numNodes: 2
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
`,
      errors: [{ messageId: 'missing', line: 18, message: 'TrainJob "tj" starts 2 pods' }],
    },
  ],
});
