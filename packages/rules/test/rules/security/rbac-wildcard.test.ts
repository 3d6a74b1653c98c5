import rule from '../../../src/rules/security/rbac-wildcard';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'explicit groups, resources and verbs',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ray-submitter, namespace: ml}
rules:
  - apiGroups: [ray.io]
    resources: [rayjobs, rayjobs/status]
    verbs: [get, list, watch, create]
  - apiGroups: [""]
    resources: [pods/log]
    verbs: [get]
`,
    },
    {
      name: 'aggregated ClusterRoles and built-in roles are not checked',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ml-admin}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {rbac.example.com/aggregate-to-ml-admin: "true"}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cluster-admin
  labels: {kubernetes.io/bootstrapping: rbac-defaults}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
    {
      name: 'names that contain * are not wildcards; other kinds named Role are not RBAC',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r}
rules:
  - apiGroups: [""]
    resources: [pods/*]
    verbs: [get]
  - "*"
  - apiGroups: [""]
    resources: [pods]
    verbs: "*"
---
apiVersion: iam.example.com/v1
kind: Role
metadata: {name: other}
rules:
  - verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'wildcard verbs on InferenceServices',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer, namespace: ml}
rules:
  - apiGroups: [serving.kserve.io]
    resources: [inferenceservices]
    verbs: ["*"]
`,
      errors: [
        {
          messageId: 'wildcard',
          line: 8,
          column: 13,
          message: 'Role "deployer" grants "*" in verbs',
        },
      ],
    },
    {
      name: 'every field, each entry reported',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ml-platform}
rules:
  - apiGroups:
      - "*"
    resources:
      - "*"
    verbs:
      - get
      - "*"
  - nonResourceURLs: ["*"]
    verbs: [get]
`,
      errors: [
        { messageId: 'wildcard', line: 7, column: 9, message: 'apiGroups' },
        { messageId: 'wildcard', line: 9, message: 'Secrets included' },
        { messageId: 'wildcard', line: 12, message: 'impersonate' },
        { messageId: 'wildcard', line: 13, message: 'nonResourceURLs' },
      ],
    },
    {
      name: 'subresource of every resource',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: scaler}
rules:
  - apiGroups: [apps, ray.io]
    resources: ["*/scale"]
    verbs: [update, patch]
`,
      errors: [
        { messageId: 'wildcard', line: 7, message: 'the scale subresource of every resource' },
      ],
    },
  ],
});
