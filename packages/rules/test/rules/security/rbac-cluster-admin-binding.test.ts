import rule from '../../../src/rules/security/rbac-cluster-admin-binding';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'binding to a narrow ClusterRole',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: router-pod-reader}
subjects:
  - {kind: ServiceAccount, name: router-sa, namespace: default}
roleRef: {kind: ClusterRole, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
`,
    },
    {
      name: 'a Role named cluster-admin is not the ClusterRole',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: ml}
subjects:
  - {kind: User, name: alice}
roleRef: {kind: Role, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}
`,
    },
    {
      name: 'the built-in system:masters binding',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cluster-admin
  labels: {kubernetes.io/bootstrapping: rbac-defaults}
subjects:
  - {kind: Group, name: system:masters, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}
`,
    },
    {
      name: 'roleRef of the wrong type',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: cluster-admin
`,
    },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding of a notebook ServiceAccount',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: jupyter-admin}
subjects:
  - kind: ServiceAccount
    name: jupyter
    namespace: notebooks
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`,
      errors: [
        {
          messageId: 'clusterWide',
          line: 12,
          column: 9,
          message: 'grants cluster-admin on the whole cluster to ServiceAccount notebooks/jupyter',
        },
      ],
    },
    {
      name: 'RoleBinding in a namespace, several subjects',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-admin, namespace: ml}
subjects:
  - {kind: Group, name: ml-team}
  - {kind: User, name: bob}
  - {kind: ServiceAccount, name: ci, namespace: ci}
  - {kind: User, name: carol}
roleRef: {kind: ClusterRole, name: cluster-admin}
`,
      errors: [
        {
          messageId: 'namespaced',
          line: 10,
          message: 'in namespace "ml" to Group ml-team, User bob, ServiceAccount ci/ci and 1 more',
        },
      ],
    },
  ],
});
