import rule from '../../../src/rules/security/rbac-secrets-or-exec';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'reads pods and logs, creates secrets (writes are not reads)',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ops, namespace: ml}
rules:
  - apiGroups: [""]
    resources: [pods, pods/log, services]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [secrets]
    verbs: [create]
`,
    },
    {
      name: 'named Secrets only',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: ml}
rules:
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [hf-token]
    verbs: [get]
`,
    },
    {
      name: 'secrets of another API group and exec without verbs',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: other}
rules:
  - apiGroups: [secrets-store.csi.x-k8s.io]
    resources: [secrets, secretproviderclasses]
    verbs: [get, list]
  - apiGroups: [""]
    resources: [pods/exec]
    verbs: [list]
`,
    },
  ],
  invalid: [
    {
      name: 'pods/exec create (the LWS TensorRT-LLM example)',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: tensorrt-sa}
rules:
  - apiGroups: ['', apps, batch]
    resources: [deployments, jobs, pods, pods/status, services]
    verbs: [get, list]
  - apiGroups: ['']
    resources:
      - pods/exec
    verbs:
      - create
`,
      errors: [
        {
          messageId: 'execIntoPods',
          line: 11,
          column: 9,
          message: 'Role "tensorrt-sa" can run commands in pods (create on "pods/exec")',
        },
      ],
    },
    {
      name: 'list secrets in a ClusterRole',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [list, watch]
`,
      errors: [{ messageId: 'readsSecrets', line: 7, message: '(list, watch on "secrets")' }],
    },
    {
      name: 'wildcards grant both',
      code: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: everything, namespace: ml}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["*/attach"]
    verbs: [get]
`,
      errors: [
        { messageId: 'readsSecrets', line: 7, message: '(* on "*")' },
        { messageId: 'execIntoPods', line: 7, message: '(* on "*")' },
        { messageId: 'execIntoPods', line: 10, message: '(get on "*/attach")' },
      ],
    },
  ],
});
