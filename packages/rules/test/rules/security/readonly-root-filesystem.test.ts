import rule from '../../../src/rules/security/readonly-root-filesystem';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'read-only root with an emptyDir for scratch',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: tgi}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: fetch:1.0
          securityContext: {readOnlyRootFilesystem: true}
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4.0
          securityContext: {readOnlyRootFilesystem: true}
          volumeMounts: [{name: tmp, mountPath: /tmp}]
      volumes:
        - name: tmp
          emptyDir: {sizeLimit: 1Gi}
`,
    },
    {
      name: 'Windows pods',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  os: {name: windows}
  containers:
    - name: main
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'not set',
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
          securityContext: {runAsNonRoot: true}
`,
      errors: [{ messageId: 'notSet', line: 11, column: 11 }],
    },
    {
      name: 'explicitly false, and a pod-level value does not exist',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      securityContext: {readOnlyRootFilesystem: true}
      containers:
        - name: api
          image: api:1.0
          securityContext:
            readOnlyRootFilesystem: false
`,
      errors: [{ messageId: 'writable', line: 13, column: 37 }],
    },
    {
      name: 'init container and wrong type',
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: eval}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: fetch
              image: fetch:1.0
              securityContext: {readOnlyRootFilesystem: "true"}
          containers:
            - name: eval
              image: eval:1.0
              securityContext: {readOnlyRootFilesystem: true}
`,
      errors: [{ messageId: 'notSet', line: 15, container: 'fetch' }],
    },
    {
      name: 'InferenceService transformer container',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      securityContext: {readOnlyRootFilesystem: true}
  transformer:
    containers:
      - name: transformer
        image: transformer:1.0
`,
      errors: [{ messageId: 'notSet', line: 12, container: 'transformer' }],
    },
  ],
});
