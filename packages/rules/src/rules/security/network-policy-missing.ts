import { defineRule } from '../../engine/rule';
import { isNetworkPolicy, isPolicyTarget, OtherPolicyScopes } from './network-policies';

export default defineRule({
  meta: {
    id: 'security/network-policy-missing',
    category: 'security',
    severity: 'warning',
    tags: ['network'],
    description:
      'A workload whose pods no NetworkPolicy of their namespace selects (only when the set is complete).',
    rationale:
      'Pods that no NetworkPolicy selects accept traffic from, and send traffic to, any pod in the cluster. ' +
      'A model server then answers every namespace, a Ray head accepts jobs from any pod, and a compromised ' +
      'workload can reach the object store of the training cluster or exfiltrate weights anywhere. ' +
      'NetworkPolicies only apply to pods of their own namespace. Pods with hostNetwork: true are outside ' +
      'NetworkPolicies and are not checked; nor are namespaces where Cilium, Calico, Antrea or ' +
      'AdminNetworkPolicy objects of the scanned set may select the pods instead. Runs only when the scanned ' +
      'set is complete: on a partial view the policy may simply not be in it.',
    remediation:
      'Add a NetworkPolicy in the namespace whose podSelector matches the pods: a default deny (podSelector: ' +
      '{}, policyTypes: [Ingress, Egress]) plus policies that allow the callers and destinations the workload ' +
      'needs.',
    anchors: ['Polaris missingNetworkPolicy', 'kube-score pod-networkpolicy'],
    requiresComplete: true,
    completeKinds: ['NetworkPolicy'],
    messages: {
      missing:
        'No NetworkPolicy in namespace "{{namespace}}" selects the pods of {{kind}} "{{name}}"{{role}}.',
    },
  },
  check(ctx) {
    const others = new OtherPolicyScopes(ctx.bundle);
    for (const template of ctx.bundle.templates) {
      const m = template.workload.manifest;
      if (!isPolicyTarget(template) || others.covers(m)) continue;
      const r = ctx.on(template);
      if (ctx.bundle.selectorsOf(template, 'NetworkPolicy').some(isNetworkPolicy)) continue;
      r.report('missing', [...(template.metadataPath ?? ['metadata']), 'labels'], {
        namespace: ctx.bundle.namespaceOf(m),
        kind: m.kind,
        name: m.name,
        role: template.role ? ` (${template.role})` : '',
      });
    }
  },
});
