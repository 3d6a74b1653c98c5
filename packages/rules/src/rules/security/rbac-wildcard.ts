import { defineRule } from '../../engine/rule';
import { isBootstrapObject, policyRules, roles } from './rbac';
import type { Entry } from './rbac';

const FIELDS = [
  ['verbs', 'every verb, escalate, bind and impersonate included'],
  ['resources', 'every resource of the API groups, Secrets included'],
  ['apiGroups', 'every API group, including those of CRDs installed later'],
  ['nonResourceURLs', 'every non-resource URL'],
] as const;

// `*` anywhere; in resources also `*` + `/<subresource>`, which matches that subresource of every resource.
function isWildcard(field: string, entry: Entry): boolean {
  if (entry.value === '*') return true;
  return field === 'resources' && entry.value.startsWith('*/');
}

export default defineRule({
  meta: {
    id: 'security/rbac-wildcard',
    category: 'security',
    severity: 'warning',
    tags: ['rbac'],
    description: 'A Role or ClusterRole with * in verbs, resources or apiGroups.',
    rationale:
      'A wildcard grants more than anyone reviewed: "*" in verbs includes escalate, bind and impersonate, ' +
      '"*" in resources includes Secrets and every subresource (pods/exec), and "*" in apiGroups extends to ' +
      'CRDs installed later (InferenceServices, RayJobs, training jobs that can run arbitrary images). A ' +
      'compromised pod or CI job bound to such a role can take over the namespace or the cluster. ' +
      'Aggregated ClusterRoles (their rules are filled in by the controller) and the built-in roles labelled ' +
      'kubernetes.io/bootstrapping: rbac-defaults are not checked.',
    remediation:
      'List the API groups, resources and verbs the subject needs (for example apiGroups: ["ray.io"], ' +
      'resources: ["rayjobs"], verbs: ["get", "list", "watch", "create"]).',
    anchors: ['kube-linter wildcard-in-rules', 'Checkov CKV_K8S_49'],
    messages: {
      wildcard: '{{kind}} "{{name}}" grants "{{value}}" in {{field}}: {{scope}}.',
    },
  },
  check(ctx) {
    for (const role of roles(ctx.bundle)) {
      if (role.object.aggregationRule !== undefined || isBootstrapObject(role)) continue;
      const r = ctx.on(role);
      for (const rule of policyRules(role)) {
        for (const [field, scope] of FIELDS) {
          for (const entry of rule[field]) {
            if (!isWildcard(field, entry)) continue;
            const what =
              entry.value === '*'
                ? scope
                : `the ${entry.value.slice(2)} subresource of every resource`;
            r.report('wildcard', entry.path, {
              kind: role.kind,
              name: role.name,
              value: entry.value,
              field,
              scope: what,
            });
          }
        }
      }
    }
  },
});
