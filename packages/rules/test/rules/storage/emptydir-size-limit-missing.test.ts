import rule from '../../../src/rules/storage/emptydir-size-limit-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'sizeLimit set',
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
        - name: scratch
          emptyDir: {sizeLimit: 10Gi}
`,
    },
    {
      name: 'memory-backed and hugepages emptyDirs are not disk-backed',
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
      volumes:
        - name: dshm
          emptyDir: {medium: Memory}
        - name: huge
          emptyDir: {medium: HugePages-2Mi}
`,
    },
    {
      name: 'an ephemeral-storage limit bounds the emptyDirs too',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: prep}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: prep
          image: prep:1.0
          resources:
            limits: {ephemeral-storage: 50Gi}
      volumes:
        - name: shards
          emptyDir: {}
`,
    },
    {
      name: 'a LimitRange of the namespace gives containers an ephemeral-storage limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: ml}
spec:
  limits:
    - type: Container
      default: {ephemeral-storage: 20Gi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ml}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
      volumes:
        - name: scratch
          emptyDir: {}
`,
    },
    {
      name: 'no emptyDir at all',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: data
      persistentVolumeClaim: {claimName: data}
`,
    },
  ],
  invalid: [
    {
      name: 'emptyDir {} points at the emptyDir key',
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
          resources:
            limits: {memory: 4Gi}
      volumes:
        - name: scratch
          emptyDir: {}
`,
      errors: [{ messageId: 'missing', line: 15, column: 11, message: '"scratch"' }],
    },
    {
      name: 'medium "" is the node disk; a null sizeLimit is no limit',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: a
      emptyDir:
        medium: ""
    - name: b
      emptyDir:
        sizeLimit: null
`,
      errors: [
        { messageId: 'missing', line: 11, column: 7 },
        { messageId: 'missing', line: 15, column: 20 },
      ],
    },
    {
      name: 'a volume without any source is defaulted to an emptyDir',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: bare
    - name: empty
      emptyDir:
`,
      errors: [
        { messageId: 'missing', line: 10, column: 7 },
        { messageId: 'missing', line: 12, column: 7 },
      ],
    },
    {
      name: 'a LimitRange of another namespace, or one without an ephemeral-storage default, does not count',
      variants: [],
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: other}
spec:
  limits:
    - type: Container
      default: {ephemeral-storage: 20Gi}
---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: ml}
spec:
  limits:
    - type: Container
      default: {memory: 1Gi}
    - type: Pod
      max: {ephemeral-storage: 20Gi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ml}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
      volumes:
        - name: scratch
          emptyDir: {}
`,
      errors: [{ messageId: 'missing', line: 31, column: 11 }],
    },
    {
      name: 'an init container downloading into an emptyDir of a PyTorchJob',
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
          initContainers:
            - name: fetch
              image: fetch:1.0
              volumeMounts: [{name: data, mountPath: /data}]
          containers:
            - name: pytorch
              image: train:1.0
              resources:
                limits: {nvidia.com/gpu: 8}
              volumeMounts: [{name: data, mountPath: /data}]
          volumes:
            - name: data
              emptyDir: {}
`,
      errors: [{ messageId: 'missing', line: 23, column: 15 }],
    },
    {
      name: 'LeaderWorkerSet worker template',
      variants: [],
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: llm}
spec:
  replicas: 1
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: vllm
            image: vllm/vllm-openai:v0.6.3
        volumes:
          - name: cache
            emptyDir: {}
`,
      errors: [{ messageId: 'missing', line: 16, column: 13 }],
    },
  ],
});
