import rule from '../../../src/rules/gpu/shm-unbounded';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [
    'Deployment',
    'CronJob',
    'PyTorchJob',
    'InferenceService',
    'RayCluster',
    'LeaderWorkerSet',
  ],
  valid: [
    {
      name: 'sizeLimit within the memory limit',
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
          resources: {limits: {nvidia.com/gpu: 2, memory: 64Gi}}
          volumeMounts: [{name: dshm, mountPath: /dev/shm}]
      volumes:
        - name: dshm
          emptyDir: {medium: Memory, sizeLimit: 64Gi}
`,
    },
    {
      name: 'two mounting containers share the bound',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1.0
      resources: {limits: {nvidia.com/gpu: 1, memory: 8Gi}}
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
    - name: b
      image: b:1.0
      resources: {limits: {memory: 8Gi}}
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
    - name: c
      image: c:1.0
  volumes:
    - name: dshm
      emptyDir: {medium: Memory, sizeLimit: 12Gi}
`,
    },
    {
      name: 'no memory limit to compare with (memory-limit-missing reports it)',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
  volumes:
    - name: dshm
      emptyDir: {medium: Memory, sizeLimit: 1Ti}
`,
    },
    {
      name: 'CPU pods and disk emptyDirs are not checked',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
  volumes:
    - name: dshm
      emptyDir: {medium: Memory}
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
  volumes:
    - name: scratch
      emptyDir: {}
`,
    },
  ],
  invalid: [
    {
      name: 'no sizeLimit',
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: sglang}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: sglang-worker
            image: lmsysorg/sglang:latest
            resources: {limits: {nvidia.com/gpu: 8}}
            volumeMounts: [{name: dshm, mountPath: /dev/shm}]
        volumes:
          - name: dshm
            emptyDir:
              medium: Memory
`,
      errors: [
        {
          messageId: 'noSizeLimit',
          line: 17,
          column: 13,
          message: 'emptyDir "dshm" has no sizeLimit',
        },
      ],
    },
    {
      name: 'sizeLimit above the memory limit of the mounting container',
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
          resources: {limits: {nvidia.com/gpu: 2, memory: 32Gi}}
          volumeMounts: [{name: dshm, mountPath: /dev/shm}]
        - name: proxy
          image: envoy:1.30
          resources: {limits: {memory: 64Gi}}
      volumes:
        - name: dshm
          emptyDir:
            medium: Memory
            sizeLimit: 48Gi
`,
      errors: [
        {
          messageId: 'aboveLimit',
          line: 20,
          column: 24,
          message: 'sizeLimit 48Gi, above the 32Gi memory limit',
        },
      ],
    },
    {
      name: 'LimitRange default limit and a pod-level limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
    - type: Container
      default: {memory: 4Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources:
    limits: {memory: 6Gi}
  containers:
    - name: a
      image: a:1.0
      resources: {limits: {nvidia.com/gpu: 1}}
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
    - name: b
      image: b:1.0
      volumeMounts: [{name: dshm, mountPath: /dev/shm}]
  volumes:
    - name: dshm
      emptyDir: {medium: Memory, sizeLimit: 7Gi}
`,
      errors: [{ messageId: 'aboveLimit', line: 26, message: 'above the 6Gi memory limit' }],
    },
    {
      name: 'every memory emptyDir of the GPU pod',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      resources: {limits: {amd.com/gpu: 1, memory: 16Gi}}
      volumeMounts:
        - {name: cache, mountPath: /cache}
  volumes:
    - name: cache
      emptyDir: {medium: Memory, sizeLimit: 32Gi}
    - name: tmp
      emptyDir: {medium: Memory, sizeLimit: null}
`,
      errors: [
        { messageId: 'aboveLimit', line: 14, message: '"cache"' },
        { messageId: 'noSizeLimit', line: 16, message: '"tmp"' },
      ],
    },
  ],
});
