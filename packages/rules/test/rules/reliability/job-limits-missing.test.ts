import rule from '../../../src/rules/reliability/job-limits-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'a Job with a deadline and a TTL (backoffLimit defaults to 6)',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  activeDeadlineSeconds: 86400
  ttlSecondsAfterFinished: 3600
  template:
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
    },
    {
      name: 'a CronJob needs no TTL: its history limits prune finished Jobs',
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      activeDeadlineSeconds: "7200"
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: eval, image: eval:1.0}]
`,
    },
    {
      name: 'a PyTorchJob with a full runPolicy',
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  runPolicy:
    backoffLimit: 3
    activeDeadlineSeconds: 172800
    ttlSecondsAfterFinished: 86400
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers: [{name: pytorch, image: ft:1.0}]
`,
    },
    {
      name: 'a RayJob on an existing cluster does not own it',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  entrypoint: python train.py
  activeDeadlineSeconds: 3600
  clusterSelector: {ray.io/cluster: shared}
`,
    },
    {
      name: 'a RayJob with a deletion strategy',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  entrypoint: python train.py
  activeDeadlineSeconds: 3600
  deletionStrategy:
    onSuccess: {policy: DeleteCluster}
    onFailure: {policy: DeleteCluster}
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
`,
    },
    {
      name: 'long-running workloads, TrainJobs and Pods are not jobs',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api:1.0}]
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  runtimeRef: {name: torch-distributed}
  trainer: {image: t:1}
---
apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers: [{name: once, image: once:1.0}]
`,
    },
  ],
  invalid: [
    {
      name: 'a Job without deadline and TTL points at spec',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
      errors: [
        {
          messageId: 'deadline',
          line: 5,
          column: 1,
          message: 'Job "train" sets no activeDeadlineSeconds',
        },
        { messageId: 'ttl', line: 5, column: 1 },
      ],
    },
    {
      name: 'a null TTL counts as missing',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: null
  template:
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
      errors: [{ messageId: 'ttl', line: 7, column: 28 }],
    },
    {
      name: 'a CronJob points at its jobTemplate spec',
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: eval, image: eval:1.0}]
`,
      errors: [{ messageId: 'deadline', line: 8, column: 5 }],
    },
    {
      name: 'a PyTorchJob without a runPolicy misses all three',
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
          containers: [{name: pytorch, image: ft:1.0}]
`,
      errors: [
        { messageId: 'backoff', line: 5 },
        { messageId: 'deadline', line: 5 },
        { messageId: 'ttl', line: 5 },
      ],
    },
    {
      name: 'an MPIJob with a partial runPolicy',
      code: `
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata: {name: pi}
spec:
  runPolicy:
    cleanPodPolicy: Running
    ttlSecondsAfterFinished: 60
  mpiReplicaSpecs:
    Launcher:
      template:
        spec:
          containers: [{name: launcher, image: mpi:1.0}]
`,
      errors: [
        { messageId: 'backoff', line: 6, column: 3 },
        { messageId: 'deadline', line: 6, column: 3 },
      ],
    },
    {
      name: 'a RayJob that creates its cluster and keeps it',
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.40.0}]
`,
      errors: [
        { messageId: 'deadline', line: 5 },
        { messageId: 'shutdown', line: 5, message: 'its Ray cluster keeps running' },
      ],
    },
    {
      name: 'a JobSet needs a TTL and a deadline on each replicated job',
      code: `
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
    - name: leader
      template:
        spec:
          activeDeadlineSeconds: 3600
          template:
            spec:
              containers: [{name: leader, image: trainer:1.0}]
    - name: workers
      replicas: 4
      template:
        spec:
          template:
            spec:
              containers: [{name: worker, image: trainer:1.0}]
`,
      errors: [
        { messageId: 'ttl', line: 5 },
        { messageId: 'deadline', line: 17, column: 9, message: '(replicated job "workers")' },
      ],
    },
    {
      name: 'a Volcano Job without a TTL',
      code: `
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: {name: vj}
spec:
  minAvailable: 2
  tasks:
    - name: worker
      replicas: 2
      template:
        spec:
          containers: [{name: worker, image: worker:1.0}]
`,
      errors: [{ messageId: 'ttl', line: 5 }],
    },
  ],
});
