import { defineRule } from '../../engine/rule';
import type { Manifest } from '../../model';
import { asArray, asObject, asString } from '../../util/json';
import { bindings, isBootstrapObject, roleRef } from './rbac';

function describeSubjects(binding: Manifest): string {
  const names = asArray(binding.object.subjects).flatMap((s) => {
    const subject = asObject(s);
    const kind = asString(subject?.kind);
    const name = asString(subject?.name);
    if (!kind || !name) return [];
    const ns = asString(subject?.namespace);
    return [`${kind} ${ns && kind === 'ServiceAccount' ? `${ns}/` : ''}${name}`];
  });
  if (names.length === 0) return 'no subject';
  return names.length > 3
    ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
    : names.join(', ');
}

export default defineRule({
  meta: {
    id: 'security/rbac-cluster-admin-binding',
    category: 'security',
    severity: 'error',
    tags: ['rbac'],
    description: 'A RoleBinding or ClusterRoleBinding to the cluster-admin ClusterRole.',
    rationale:
      'cluster-admin allows every verb on every resource. Bound cluster-wide it hands the subject the whole ' +
      'cluster: every Secret, every node through privileged pods, and the power to grant itself anything. ' +
      'Bound in a namespace with a RoleBinding it still gives full control of that namespace, its Secrets and ' +
      'RBAC included. Operators, notebooks and CI pipelines for ML platforms often get it "to make it work". ' +
      'The built-in binding of system:masters (labelled kubernetes.io/bootstrapping: rbac-defaults) is not ' +
      'reported.',
    remediation:
      'Bind a Role or ClusterRole that lists the resources and verbs the subject needs; for people, prefer the ' +
      'built-in admin, edit or view ClusterRoles bound per namespace.',
    anchors: ['Polaris clusterrolebindingClusterAdmin', 'kube-linter cluster-admin-role-binding'],
    messages: {
      clusterWide:
        'ClusterRoleBinding "{{name}}" grants cluster-admin on the whole cluster to {{subjects}}.',
      namespaced:
        'RoleBinding "{{name}}" grants cluster-admin in namespace "{{namespace}}" to {{subjects}}.',
    },
  },
  check(ctx) {
    for (const binding of bindings(ctx.bundle)) {
      if (isBootstrapObject(binding)) continue;
      const r = ctx.on(binding);
      const ref = roleRef(binding);
      if (ref?.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') continue;
      const data = {
        name: binding.name,
        namespace: ctx.bundle.namespaceOf(binding),
        subjects: describeSubjects(binding),
      };
      r.report(
        binding.kind === 'ClusterRoleBinding' ? 'clusterWide' : 'namespaced',
        ['roleRef', 'name'],
        data,
      );
    }
  },
});
