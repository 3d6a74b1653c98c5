import rule from '../../../src/rules/storage/rwo-volume-shared';
import { scan } from '../../../src/engine/scan';
import { RuleTester } from '../../../src/testing';

const pvc = (mode: string): string => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: weights}
spec:
  accessModes: [${mode}]
  resources: {requests: {storage: 100Gi}}
`;

const deployment = (replicas: number, readOnly = false): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          volumeMounts:
            - {name: models, mountPath: /models, readOnly: ${readOnly}}
      volumes:
        - name: models
          persistentVolumeClaim: {claimName: weights}
`;

new RuleTester().run(rule, {
  variants: ['StatefulSet', 'PyTorchJob', 'LeaderWorkerSet', 'JobSet', 'InferenceService'],
  valid: [
    { name: 'one replica on a ReadWriteOnce claim', code: deployment(1) + pvc('ReadWriteOnce') },
    { name: 'ReadWriteMany is shareable', code: deployment(3) + pvc('ReadWriteMany') },
    {
      name: 'ReadOnlyMany with read-only mounts is shareable',
      code: deployment(3, true) + pvc('ReadOnlyMany'),
    },
    { name: 'a claim not in the set is not judged', code: deployment(3) },
    { name: 'scaled to zero', code: deployment(0) + pvc('ReadWriteOnce') },
    {
      name: 'StatefulSet claim templates give every replica its own claim',
      code: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: tgi}
spec:
  replicas: 3
  serviceName: tgi
  template:
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4.0
          volumeMounts: [{name: weights, mountPath: /data}]
  volumeClaimTemplates:
    - metadata: {name: weights}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 100Gi}}
${pvc('ReadWriteOnce')}`,
    },
    {
      name: 'access modes of the wrong type are not judged',
      code: `${deployment(3)}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: weights}
spec:
  accessModes: ReadWriteOnce
`,
    },
  ],
  invalid: [
    {
      name: 'three replicas on a ReadWriteOnce claim',
      code: deployment(3) + pvc('ReadWriteOnce'),
      errors: [
        {
          messageId: 'shared',
          line: 16,
          column: 46,
          message: 'ReadWriteOnce PersistentVolumeClaim "weights", but 3 pods',
        },
      ],
    },
    {
      name: 'read-only mounts do not help a ReadWriteOnce claim',
      code: deployment(2, true) + pvc('ReadWriteOnce'),
      errors: [{ messageId: 'shared', line: 16 }],
    },
    {
      name: 'ReadWriteOncePod is one pod only',
      code: deployment(2) + pvc('ReadWriteOncePod'),
      errors: [{ messageId: 'shared', line: 16, message: 'ReadWriteOncePod' }],
    },
    {
      name: 'an HPA can scale one replica to several',
      variants: [],
      code: `${deployment(1)}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  minReplicas: 1
  maxReplicas: 4
${pvc('ReadWriteOnce')}`,
      errors: [{ messageId: 'shared', line: 16, message: '4 pods' }],
    },
    {
      name: 'two workloads on one claim are both reported',
      variants: [],
      code: `${deployment(1)}---
apiVersion: batch/v1
kind: Job
metadata: {name: download}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: fetch
          image: fetch:1.0
      volumes:
        - name: target
          persistentVolumeClaim: {claimName: weights}
${pvc('ReadWriteOnce')}`,
      errors: [
        {
          messageId: 'shared',
          line: 16,
          message: '2 pods may mount it at once (with Job "download")',
        },
        { messageId: 'shared', line: 30, message: '(with Deployment "vllm")' },
      ],
    },
    {
      name: 'a DaemonSet runs a pod on every node',
      variants: [],
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: cache-warmer}
spec:
  template:
    spec:
      containers:
        - name: warm
          image: warm:1.0
      volumes:
        - name: models
          persistentVolumeClaim: {claimName: weights}
${pvc('ReadWriteOnce')}`,
      errors: [{ messageId: 'shared', line: 13, message: 'a pod on every node' }],
    },
    {
      name: 'RayCluster head and workers share one claim',
      variants: [],
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
        volumes:
          - name: models
            persistentVolumeClaim: {claimName: weights}
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
            - name: models
              persistentVolumeClaim: {claimName: weights}
${pvc('ReadWriteOnce')}`,
      errors: [
        { messageId: 'shared', line: 15, message: '3 pods' },
        { messageId: 'shared', line: 27, message: '3 pods' },
      ],
    },
    {
      name: 'KServe maxReplicas counts',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 3
    model:
      modelFormat: {name: huggingface}
      volumeMounts: [{name: models, mountPath: /mnt/models, readOnly: true}]
    volumes:
      - name: models
        persistentVolumeClaim: {claimName: weights, readOnly: true}
${pvc('ReadWriteOnce')}`,
      errors: [{ messageId: 'shared', line: 14, message: '3 pods' }],
    },
  ],
});

describe('storage/rwo-volume-shared across files', () => {
  const sample = (workload: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${workload}}
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7
      volumes:
        - name: data
          persistentVolumeClaim: {claimName: redis-data}
${pvc('ReadWriteOnce').replace('weights', 'redis-data')}`;
  const run = (files: { file: string; text: string }[]): string[] =>
    scan(files, { config: { extends: 'all' }, complete: true, rules: [rule] }).findings.map(
      (f) => `${f.file}:${f.line} ${f.message}`,
    );

  it('pairs a pod with the claim defined in its own file when samples repeat a claim', () => {
    expect(
      run([
        { file: 'a.yaml', text: sample('redis-a') },
        { file: 'b.yaml', text: sample('redis-b') },
      ]),
    ).toEqual([]);
  });

  it('still counts pods of other files that mount a claim defined once', () => {
    expect(
      run([
        { file: 'a.yaml', text: sample('redis-a') },
        { file: 'b.yaml', text: sample('redis-b').split('---')[0] ?? '' },
      ]),
    ).toEqual([
      'a.yaml:13 Volume "data" mounts ReadWriteOnce PersistentVolumeClaim "redis-data", but 2 pods may mount it at once (with Deployment "redis-b").',
      'b.yaml:13 Volume "data" mounts ReadWriteOnce PersistentVolumeClaim "redis-data", but 2 pods may mount it at once (with Deployment "redis-a").',
    ]);
  });
});
