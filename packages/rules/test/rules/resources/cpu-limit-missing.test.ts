import { resolveConfig } from '../../../src/engine/config';
import rule from '../../../src/rules/resources/cpu-limit-missing';
import { RuleTester } from '../../../src/testing';

describe('resources/cpu-limit-missing preset', () => {
  it('is off in recommended and on in all', () => {
    expect(resolveConfig({ extends: 'recommended' }, [rule]).levels.get(rule.meta.id)).toBe('off');
    expect(resolveConfig({ extends: 'all' }, [rule]).levels.get(rule.meta.id)).toBe('info');
  });
});

new RuleTester().run(rule, {
  valid: [
    {
      name: 'limit set',
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
            limits: {cpu: 500m}
`,
    },
    {
      name: 'integer CPU limit in a TrainJob',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: t}
spec:
  trainer:
    image: t:1
    resourcesPerNode:
      limits: {cpu: 16}
`,
    },
    {
      name: 'LimitRange default limit',
      code: `
apiVersion: v1
kind: LimitRange
metadata: {name: cpu-defaults, namespace: team-a}
spec:
  limits:
    - type: Container
      default: {cpu: "2"}
---
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc, namespace: team-a}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.9.0
`,
    },
  ],
  invalid: [
    {
      name: 'a request is not a limit',
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
            requests: {cpu: 500m}
            limits: {memory: 1Gi}
`,
      errors: [{ messageId: 'missing', line: 13, column: 13, container: 'api' }],
    },
    {
      name: 'no resources: points at the container',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      initContainers:
        - name: warmup
          image: warmup:1.0
          resources: {limits: {cpu: 1}}
      containers:
        - name: api
          image: api:1.0
`,
      errors: [{ messageId: 'missing', line: 13, column: 11, container: 'api' }],
    },
    {
      name: 'init container without limit',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: fetch
          image: fetch:1.0
          resources: {limits: [cpu, 1]}
      containers:
        - name: main
          image: main:1.0
          resources: {limits: {cpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 12, container: 'fetch' }],
    },
    {
      name: 'KServe predictor container gets the KServe default',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: sklearn}
spec:
  predictor:
    sklearn:
      storageUri: gs://models/iris
      resources:
        requests: {cpu: 500m}
`,
      errors: [{ messageId: 'kserveDefault', line: 9, message: '1 CPU' }],
      variants: [],
    },
    {
      name: 'RayService worker',
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.9.0
              resources: {limits: {cpu: 2, memory: 8Gi}}
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            containers:
              - name: ray-worker
                image: rayproject/ray:2.9.0-gpu
                resources: {limits: {memory: 32Gi, nvidia.com/gpu: 1}}
`,
      errors: [{ messageId: 'missing', line: 23, container: 'ray-worker' }],
    },
  ],
});
