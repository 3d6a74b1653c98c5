import rule from '../../../src/rules/scaling/queue-label-missing';
import { RuleTester } from '../../../src/testing';

const kueue = { kueueRequired: true };

new RuleTester().run(rule, {
  variants: ['Job', 'PyTorchJob', 'JobSet'],
  valid: [
    {
      name: 'Kueue not required: nothing to check',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
    },
    {
      name: 'Job with a queue',
      settings: kueue,
      code: `
apiVersion: batch/v1
kind: Job
metadata:
  name: train
  labels: {kueue.x-k8s.io/queue-name: team-a}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
    },
    {
      name: 'CronJob with the queue on its job template',
      settings: kueue,
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    metadata:
      labels: {kueue.x-k8s.io/queue-name: team-a}
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: eval, image: eval:1.0}]
`,
    },
    {
      name: 'the namespace has a LocalQueue named default, which Kueue assigns',
      settings: kueue,
      code: `
apiVersion: kueue.x-k8s.io/v1beta1
kind: LocalQueue
metadata: {name: default, namespace: ml}
spec: {clusterQueue: cluster-queue}
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft, namespace: ml}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3}]
`,
    },
    {
      name: 'RayJob and TrainJob with queues, the older annotation spelling on a JobSet',
      settings: kueue,
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: rj
  labels: {kueue.x-k8s.io/queue-name: team-a}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: rayproject/ray:2.9.0}]
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: tj
  labels: {kueue.x-k8s.io/queue-name: team-a}
spec:
  runtimeRef: {name: torch-distributed}
  trainer: {image: t:1, numNodes: 2}
---
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: js
  annotations: {kueue.x-k8s.io/queue-name: team-a}
spec:
  replicatedJobs:
    - name: workers
      template:
        spec:
          template:
            spec:
              containers: [{name: w, image: w:1}]
`,
    },
    {
      name: 'services, Volcano Jobs, runtimes and RayJobs on an existing cluster are skipped',
      settings: kueue,
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers: [{name: api, image: api:1.0}]
---
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: {name: vj}
spec:
  schedulerName: volcano
  tasks:
    - replicas: 2
      name: worker
      template:
        spec:
          containers: [{name: w, image: w:1}]
---
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
                  containers: [{name: node, image: pytorch/pytorch:2.3.0}]
---
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: on-existing}
spec:
  entrypoint: python job.py
  clusterSelector: {ray.io/cluster: shared}
`,
    },
  ],
  invalid: [
    {
      name: 'Job without a queue',
      settings: kueue,
      code: `
apiVersion: batch/v1
kind: Job
metadata:
  name: train
  labels: {team: a}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: train:1.0
          resources: {limits: {nvidia.com/gpu: 1}}
`,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 3,
          message: 'Job "train" names no Kueue queue',
        },
      ],
    },
    {
      name: 'the queue label on the pod template does not count for a Job',
      settings: kueue,
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    metadata:
      labels: {kueue.x-k8s.io/queue-name: team-a}
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'CronJob with the queue on the CronJob instead of its job template',
      settings: kueue,
      code: `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  labels: {kueue.x-k8s.io/queue-name: team-a}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: eval, image: eval:1.0}]
`,
      variants: [],
      errors: [{ messageId: 'missing', line: 9, message: 'CronJob "nightly"' }],
    },
    {
      name: 'an empty queue name',
      settings: kueue,
      code: `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: ft
  labels:
    kueue.x-k8s.io/queue-name: ""
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers: [{name: pytorch, image: pt:2.3}]
`,
      errors: [{ messageId: 'empty', line: 7, column: 32 }],
    },
    {
      name: 'a LocalQueue named default in another namespace does not count',
      settings: kueue,
      code: `
apiVersion: kueue.x-k8s.io/v1beta1
kind: LocalQueue
metadata: {name: default, namespace: other}
spec: {clusterQueue: cluster-queue}
---
apiVersion: batch/v1
kind: Job
metadata: {name: train, namespace: ml}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: train, image: train:1.0}]
`,
      errors: [{ messageId: 'missing', line: 9 }],
    },
    {
      name: 'RayJob and TrainJob without queues',
      settings: kueue,
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
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: tj}
spec:
  runtimeRef: {name: torch-distributed}
  trainer: {image: t:1, numNodes: 2}
`,
      errors: [
        { messageId: 'missing', line: 4, message: 'RayJob "rj"' },
        { messageId: 'missing', line: 15, message: 'TrainJob "tj"' },
      ],
    },
    {
      name: 'a bare Pod that runs to completion',
      settings: kueue,
      code: `
apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers: [{name: main, image: main:1.0}]
`,
      variants: [],
      errors: [{ messageId: 'missing', line: 4 }],
    },
  ],
});
