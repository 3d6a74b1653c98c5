import type { PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import { asString, getIn } from '../../util/json';
import { BoundServiceAccounts } from './rbac';
import { isRayHead, rayClusterSpecPath } from './ray';

/** The ServiceAccount the pod names (`serviceAccount` is the deprecated alias), if any. */
function namedServiceAccount(template: PodTemplate): string | undefined {
  return (
    asString(template.spec.serviceAccountName) ||
    asString(template.spec.serviceAccount) ||
    undefined
  );
}

/** A KubeRay head with the in-tree autoscaler: its autoscaler sidecar calls the API server. */
function isAutoscalingRayHead(template: PodTemplate): boolean {
  if (!isRayHead(template)) return false;
  const clusterSpec = rayClusterSpecPath(template);
  return (
    getIn(template.workload.manifest.object, [...clusterSpec, 'enableInTreeAutoscaling']) === true
  );
}

export default defineRule({
  meta: {
    id: 'security/service-account-token-automount',
    category: 'security',
    severity: 'info',
    tags: ['pod-security', 'rbac'],
    description:
      'A pod that does not set automountServiceAccountToken: false, when its ServiceAccount (if in the scanned set) does not either.',
    rationale:
      'Every pod gets a token for its ServiceAccount mounted at /var/run/secrets/kubernetes.io/serviceaccount ' +
      'unless the pod or the ServiceAccount opts out. A model server or training job that never calls the ' +
      'Kubernetes API gains nothing from it, but anyone who gets code execution in it (a malicious model ' +
      'file, a prompt-injected tool call) can use the token against the API server with whatever the ' +
      'ServiceAccount is granted. Pods that do call the API are not checked: those that name a ServiceAccount ' +
      'which a RoleBinding or ClusterRoleBinding of the scanned set grants something to, and KubeRay heads ' +
      'with the in-tree autoscaler.',
    remediation:
      'Set automountServiceAccountToken: false in the pod spec, or on the ServiceAccount the pods use. A ' +
      'pod that needs the API later can mount a projected, short-lived token explicitly.',
    anchors: ['Polaris automountServiceAccountToken', 'Checkov CKV_K8S_38'],
    messages: {
      enabled:
        'The pod sets automountServiceAccountToken: true and mounts a token for ServiceAccount "{{serviceAccount}}".',
      notDisabled:
        'The pod mounts a token for ServiceAccount "{{serviceAccount}}": neither the pod nor the ServiceAccount sets automountServiceAccountToken: false.',
      accountNotSeen:
        'The pod mounts a token for ServiceAccount "{{serviceAccount}}": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not in the scanned set.',
    },
  },
  check(ctx) {
    const bound = new BoundServiceAccounts(ctx.bundle);
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const manifest = template.workload.manifest;
      const named = namedServiceAccount(template);
      // A pod that picks a ServiceAccount which RBAC grants something to talks to the API server.
      if ((named && bound.has(manifest, named)) || isAutoscalingRayHead(template)) continue;
      const serviceAccount = named ?? 'default';
      const r = ctx.on(template);
      const path = [...template.specPath, 'automountServiceAccountToken'];
      const own = template.spec.automountServiceAccountToken;
      if (own === false) continue;
      if (own === true) {
        r.report('enabled', path, { serviceAccount });
        continue;
      }
      const account = ctx.bundle.find('ServiceAccount', serviceAccount, manifest);
      if (account?.object.automountServiceAccountToken === false) continue;
      r.report(account ? 'notDisabled' : 'accountNotSeen', path, { serviceAccount });
    }
  },
});
