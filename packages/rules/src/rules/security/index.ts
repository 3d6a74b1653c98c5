import type { Rule } from '../../engine/rule';
import capabilities from './capabilities';
import hostNamespaces from './host-namespaces';
import hostPort from './host-port';
import imageTagMutable from './image-tag-mutable';
import inferenceEndpointExposed from './inference-endpoint-exposed';
import networkPolicyDangling from './network-policy-dangling';
import networkPolicyMissing from './network-policy-missing';
import privilegeEscalation from './privilege-escalation';
import privileged from './privileged';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding';
import rbacSecretsOrExec from './rbac-secrets-or-exec';
import rbacWildcard from './rbac-wildcard';
import readonlyRootFilesystem from './readonly-root-filesystem';
import runAsRoot from './run-as-root';
import seccompProfileMissing from './seccomp-profile-missing';
import secretInEnv from './secret-in-env';
import serviceAccountTokenAutomount from './service-account-token-automount';

export const securityRules: Rule[] = [
  privileged,
  privilegeEscalation,
  runAsRoot,
  hostNamespaces,
  hostPort,
  capabilities,
  readonlyRootFilesystem,
  seccompProfileMissing,
  serviceAccountTokenAutomount,
  imageTagMutable,
  secretInEnv,
  rbacWildcard,
  rbacClusterAdminBinding,
  rbacSecretsOrExec,
  networkPolicyMissing,
  networkPolicyDangling,
  inferenceEndpointExposed,
];
