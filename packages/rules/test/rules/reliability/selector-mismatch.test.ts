import rule from '../../../src/rules/reliability/selector-mismatch';
import { RuleTester } from '../../../src/testing';

const workload = (
  kind: string,
  selector: string,
  labels = '{app: vllm, tier: serving}',
): string => `
apiVersion: apps/v1
kind: ${kind}
metadata: {name: vllm}
spec:
  selector: ${selector}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]
`;

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'matchLabels a subset of the labels',
      code: workload('Deployment', '{matchLabels: {app: vllm}}'),
    },
    {
      name: 'matchExpressions that hold',
      code: workload(
        'StatefulSet',
        '{matchExpressions: [{key: app, operator: In, values: [vllm]}, {key: canary, operator: DoesNotExist}, {key: tier, operator: Exists}, {key: track, operator: NotIn, values: [beta]}]}',
      ),
    },
    {
      name: 'labels written as numbers compare as text',
      code: workload('Deployment', '{matchLabels: {version: "2"}}', '{version: 2}'),
    },
    {
      name: 'an extensions/v1beta1 Deployment defaulted its selector',
      code: `
apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: old}
spec:
  template:
    metadata: {labels: {app: old}}
    spec:
      containers: [{name: old, image: old:1.0}]
`,
    },
    {
      name: 'a Rollout that references a Deployment template',
      code: `
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
spec:
  selector: {matchLabels: {app: r}}
  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: r}
`,
    },
    {
      name: 'other kinds are not checked',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  selector: {matchLabels: {app: other}}
  manualSelector: true
  template:
    metadata: {labels: {app: j}}
    spec:
      restartPolicy: Never
      containers: [{name: j, image: j:1.0}]
`,
    },
  ],
  invalid: [
    {
      name: 'a matchLabels value the template does not have points at the entry',
      code: workload('Deployment', '\n    matchLabels:\n      app: llm'),
      errors: [
        {
          messageId: 'label',
          line: 8,
          column: 12,
          message: 'selects app=llm, but its pod template has app=vllm',
        },
      ],
    },
    {
      name: 'a matchLabels key the template lacks',
      code: workload('StatefulSet', '{matchLabels: {app: vllm, component: server}}'),
      errors: [{ messageId: 'label', line: 6, message: 'has no label "component"' }],
    },
    {
      name: 'a failing matchExpressions entry points at the entry',
      code: workload(
        'DaemonSet',
        '\n    matchExpressions:\n      - {key: app, operator: In, values: [vllm]}\n      - {key: tier, operator: NotIn, values: [serving]}',
      ),
      errors: [{ messageId: 'expression', line: 9, column: 9, message: 'tier NotIn (serving)' }],
    },
    {
      name: 'an apps/v1 Deployment without a selector',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]
`,
      errors: [{ messageId: 'missing', line: 5, column: 1 }],
    },
    {
      name: 'an empty selector',
      code: workload('ReplicaSet', '{}'),
      errors: [{ messageId: 'empty', line: 6, column: 3 }],
    },
    {
      name: 'a template without labels and an Argo Rollout',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: a}
spec:
  selector: {matchLabels: {app: a}}
  template:
    spec:
      containers: [{name: a, image: a:1.0}]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
spec:
  selector: {matchLabels: {app: r}}
  template:
    metadata: {labels: {app: rollout}}
    spec:
      containers: [{name: r, image: r:1.0}]
`,
      errors: [
        { messageId: 'label', line: 6, message: 'Deployment "a" selects app=a' },
        { messageId: 'label', line: 15, message: 'Rollout "r" selects app=r' },
      ],
    },
  ],
});
