import rule from '../../../src/rules/scaling/hpa-min-equals-max';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'room to scale',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 3
`,
    },
    {
      name: 'default minReplicas 1 below maxReplicas 2',
      code: `
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 2
`,
    },
    {
      name: 'ScaledObject with KEDA defaults (0 to 100)',
      code: `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llm}
spec:
  scaleTargetRef: {name: llm}
  triggers: [{type: prometheus, metadata: {query: q, threshold: "1"}}]
`,
    },
    {
      name: 'an HPA without maxReplicas (invalid) is not judged',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 1
`,
    },
    {
      name: 'wrong-typed bounds are not judged',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: two
  maxReplicas: two
`,
    },
  ],
  invalid: [
    {
      name: 'equal bounds',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 3
  maxReplicas: 3
`,
      errors: [
        {
          messageId: 'equal',
          line: 8,
          column: 16,
          message: 'HorizontalPodAutoscaler "api" has minimum and maximum replicas both 3',
        },
      ],
    },
    {
      name: 'maxReplicas 1 with the default minReplicas',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 1
`,
      errors: [{ messageId: 'equal', line: 7 }],
    },
    {
      name: 'ScaledObject with equal counts, one as a string',
      code: `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llm}
spec:
  scaleTargetRef: {name: llm}
  minReplicaCount: 2
  maxReplicaCount: "2"
  triggers: [{type: prometheus, metadata: {query: q, threshold: "1"}}]
`,
      errors: [{ messageId: 'equal', line: 8, message: 'ScaledObject "llm"' }],
    },
  ],
});
