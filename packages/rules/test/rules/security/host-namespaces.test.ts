import rule from '../../../src/rules/security/host-namespaces';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'host namespaces false or unset',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      hostNetwork: false
      hostPID: false
      containers:
        - name: api
          image: api:1.0
`,
    },
    {
      name: 'strings are not booleans (the API rejects them)',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: "true"
  containers:
    - name: main
      image: main:1.0
`,
    },
    {
      name: 'hostUsers: true is the default user namespace setting, not a shared namespace',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostUsers: true
  containers:
    - name: main
      image: main:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'hostNetwork on a training job',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: nccl}
spec:
  template:
    spec:
      restartPolicy: Never
      hostNetwork: true
      containers:
        - name: train
          image: train:1.0
`,
      errors: [{ messageId: 'shared', line: 9, column: 20, message: 'hostNetwork' }],
    },
    {
      name: 'all three',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      hostPID: true
      hostIPC: true
      hostNetwork: true
      containers:
        - name: agent
          image: agent:1.0
`,
      errors: [
        { messageId: 'shared', line: 8, message: 'hostPID' },
        { messageId: 'shared', line: 9, message: 'hostIPC' },
        { messageId: 'shared', line: 10, message: 'hostNetwork' },
      ],
    },
    {
      name: 'Ray worker group with hostIPC',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: llm}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.52.0
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            hostIPC: true
            containers:
              - name: ray-worker
                image: rayproject/ray:2.52.0-gpu
`,
      errors: [{ messageId: 'shared', line: 19, column: 22, message: 'hostIPC' }],
    },
    {
      name: 'KServe predictor',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    hostNetwork: true
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.3
`,
      errors: [{ messageId: 'shared', line: 7, column: 18 }],
    },
  ],
});
