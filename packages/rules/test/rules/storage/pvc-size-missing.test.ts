import rule from '../../../src/rules/storage/pvc-size-missing';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'size and class set',
      code: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: models}
spec:
  accessModes: [ReadOnlyMany]
  storageClassName: fast-nfs
  resources:
    requests: {storage: 500Gi}
`,
    },
    {
      name: 'an empty class binds to a pre-created volume; the beta annotation names a class',
      code: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: static}
spec:
  storageClassName: ""
  volumeName: models-pv
  resources:
    requests: {storage: 500Gi}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: legacy
  annotations:
    volume.beta.kubernetes.io/storage-class: standard
spec:
  resources:
    requests: {storage: 10Gi}
`,
    },
    {
      name: 'StatefulSet claim templates with size and class',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: db:1.0
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        storageClassName: ssd
        resources:
          requests: {storage: 100Gi}
`,
    },
    {
      name: 'a PVC of another API group is not a PersistentVolumeClaim',
      code: `
apiVersion: example.com/v1
kind: PersistentVolumeClaim
metadata: {name: other}
spec: {}
`,
    },
  ],
  invalid: [
    {
      name: 'no size and no class',
      code: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: models}
spec:
  accessModes: [ReadWriteOnce]
`,
      errors: [
        {
          messageId: 'storageMissing',
          line: 5,
          column: 1,
          message: 'PersistentVolumeClaim "models"',
        },
        { messageId: 'classMissing', line: 5, column: 1 },
      ],
    },
    {
      name: 'an empty size points at the value; a null class is no class',
      code: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: cache}
spec:
  storageClassName: null
  resources:
    requests:
      storage: ""
`,
      errors: [
        { messageId: 'classMissing', line: 6, column: 21 },
        { messageId: 'storageMissing', line: 9, column: 16 },
      ],
    },
    {
      name: 'a spec of the wrong type',
      code: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: broken}
spec: [1, 2]
`,
      errors: [
        { messageId: 'storageMissing', line: 5 },
        { messageId: 'classMissing', line: 5 },
      ],
    },
    {
      name: 'StatefulSet claim template without a class',
      variants: [],
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
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: {storage: 100Gi}
`,
      errors: [
        { messageId: 'classMissing', line: 14, column: 7, message: 'Claim template "data"' },
      ],
    },
    {
      name: 'LeaderWorkerSet claim template without a size',
      variants: [],
      code: `
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: llm}
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: vllm
            image: vllm/vllm-openai:v0.6.3
    volumeClaimTemplates:
      - metadata: {name: cache}
        spec:
          storageClassName: ssd
`,
      errors: [{ messageId: 'storageMissing', line: 15, column: 9 }],
    },
    {
      name: 'generic ephemeral volume in a Job',
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
      volumes:
        - name: scratch
          ephemeral:
            volumeClaimTemplate:
              spec:
                accessModes: [ReadWriteOnce]
                storageClassName: local-nvme
`,
      errors: [
        {
          messageId: 'storageMissing',
          line: 16,
          column: 15,
          message: 'Ephemeral volume "scratch"',
        },
      ],
    },
  ],
});
