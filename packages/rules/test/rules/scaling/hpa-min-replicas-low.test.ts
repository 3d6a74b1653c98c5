import rule from '../../../src/rules/scaling/hpa-min-replicas-low';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'minReplicas 2',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
`,
    },
    {
      name: 'autoscaling/v1 with minReplicas 3',
      code: `
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 3
  maxReplicas: 10
  targetCPUUtilizationPercentage: 70
`,
    },
    {
      name: 'a lower configured minimum',
      settings: { minReplicas: 1 },
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 10
`,
    },
    {
      name: 'KEDA ScaledObjects may scale to zero',
      code: `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llm}
spec:
  scaleTargetRef: {name: llm}
  minReplicaCount: 0
  triggers: [{type: prometheus, metadata: {query: q, threshold: "1"}}]
`,
    },
    {
      name: 'an unreadable minReplicas is not judged',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: {value: 1}
  maxReplicas: 10
`,
    },
  ],
  invalid: [
    {
      name: 'minReplicas 1',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm-hpa}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  minReplicas: 1
  maxReplicas: 2
`,
      errors: [
        {
          messageId: 'low',
          line: 7,
          column: 16,
          message: 'HorizontalPodAutoscaler "vllm-hpa" has minReplicas 1, below the minimum of 2',
        },
      ],
    },
    {
      name: 'minReplicas left to the default of 1',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 10
`,
      errors: [{ messageId: 'defaulted', line: 5, column: 1 }],
    },
    {
      name: 'below a higher configured minimum, as a string',
      settings: { minReplicas: 3 },
      code: `
apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: prod}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: "2"
  maxReplicas: 10
`,
      errors: [{ messageId: 'low', line: 7, message: 'minReplicas 2, below the minimum of 3' }],
    },
    {
      name: 'an HPA of a LeaderWorkerSet with minReplicas 0 (HPAScaleToZero)',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: lws}
spec:
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: lws}
  minReplicas: 0
  maxReplicas: 4
  metrics:
    - type: Object
      object:
        metric: {name: vllm_num_requests_waiting}
        describedObject: {apiVersion: v1, kind: Service, name: lws}
        target: {type: Value, value: "1"}
`,
      errors: [{ messageId: 'low', line: 7 }],
    },
  ],
});
