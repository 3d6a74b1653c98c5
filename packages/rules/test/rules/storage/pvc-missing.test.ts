import rule from '../../../src/rules/storage/pvc-missing';
import { RuleTester } from '../../../src/testing';

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          volumeMounts: [{name: models, mountPath: /models}]
      volumes:
        - name: models
          persistentVolumeClaim:
            claimName: llama-weights
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the claim is in the same namespace',
      code: `${deployment}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: llama-weights, namespace: llm}
spec:
  resources: {requests: {storage: 100Gi}}
`,
    },
    {
      name: 'a partial scan does not guess',
      complete: false,
      code: deployment,
    },
    {
      name: 'StatefulSet volumes named after a claim template are created by the controller',
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
          volumeMounts: [{name: data, mountPath: /data}]
      volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        resources: {requests: {storage: 100Gi}}
`,
    },
    {
      name: 'generic ephemeral volumes and non-pvc storageUris reference no claim',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: s3://models/llama
    volumes:
      - name: scratch
        ephemeral:
          volumeClaimTemplate:
            spec:
              resources: {requests: {storage: 10Gi}}
`,
    },
    {
      name: 'a claimName that is not a string is left to schema validation',
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
      persistentVolumeClaim: {claimName: [a]}
    - name: other
      persistentVolumeClaim: "data"
`,
    },
  ],
  invalid: [
    {
      name: 'no such claim points at the claimName',
      code: deployment,
      errors: [{ messageId: 'missing', line: 15, column: 24, message: 'namespace "llm"' }],
    },
    {
      name: 'a claim in another namespace does not count',
      code: `${deployment}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: llama-weights, namespace: default}
spec:
  resources: {requests: {storage: 100Gi}}
`,
      errors: [{ messageId: 'missing', line: 15 }],
    },
    {
      name: 'JobSet with two replicated jobs',
      code: `
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: train}
spec:
  replicatedJobs:
    - name: workers
      replicas: 2
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: trainer
                  image: train:1.0
              volumes:
                - name: ckpt
                  persistentVolumeClaim: {claimName: checkpoints}
    - name: driver
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: driver
                  image: train:1.0
              volumes:
                - name: ckpt
                  persistentVolumeClaim: {claimName: checkpoints}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: datasets}
spec:
  resources: {requests: {storage: 1Ti}}
`,
      errors: [
        { messageId: 'missing', line: 19, message: '"checkpoints"' },
        { messageId: 'missing', line: 31 },
      ],
    },
    {
      name: 'KServe pvc:// storageUri',
      variants: [],
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm, namespace: serving}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: pvc://model-store/llama-3-8b
`,
      errors: [{ messageId: 'storageUri', line: 9, column: 19, message: '"model-store"' }],
    },
  ],
});
