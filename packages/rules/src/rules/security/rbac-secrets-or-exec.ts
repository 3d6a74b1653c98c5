import { defineRule } from '../../engine/rule';
import { isBootstrapObject, policyRules, roles } from './rbac';
import type { Entry, PolicyRule } from './rbac';

const READ_VERBS = ['get', 'list', 'watch'];
/** exec and attach are `create` on the subresource; older API servers authorize their websocket upgrade as `get`. */
const EXEC_VERBS = ['create', 'get'];
const INTERACTIVE = ['pods/exec', 'pods/attach'];

function grantedVerbs(rule: PolicyRule, verbs: readonly string[]): string[] {
  const values = rule.verbs.map((v) => v.value);
  if (values.includes('*')) return ['*'];
  return verbs.filter((v) => values.includes(v));
}

function inCoreGroup(rule: PolicyRule): boolean {
  return rule.apiGroups.some((g) => g.value === '' || g.value === '*');
}

// Whether a `resources` entry matches the resource: `*` matches everything, `*` + `/exec` every exec.
function matches(entry: Entry, resource: string): boolean {
  if (entry.value === '*' || entry.value === resource) return true;
  const slash = resource.indexOf('/');
  return slash > 0 && entry.value === `*${resource.slice(slash)}`;
}

export default defineRule({
  meta: {
    id: 'security/rbac-secrets-or-exec',
    category: 'security',
    severity: 'warning',
    tags: ['rbac'],
    description: 'A Role or ClusterRole that reads Secrets or allows pods/exec or pods/attach.',
    rationale:
      'Reading Secrets gives the subject every credential of the namespace (or of the cluster, for a ' +
      'ClusterRole bound cluster-wide): model registry and Hugging Face tokens, cloud keys, database ' +
      'passwords, and the tokens of other ServiceAccounts. pods/exec and pods/attach run commands inside ' +
      'running pods, with their mounted Secrets and GPUs, which bypasses every admission control on the ' +
      'pod spec. Rules restricted to named Secrets with resourceNames are least privilege and are not ' +
      'reported; verbs and resources given as "*" count.',
    remediation:
      'Drop get/list/watch on secrets, or restrict the rule to the Secrets the subject needs with ' +
      'resourceNames. Remove pods/exec and pods/attach from service roles; grant them to people per ' +
      'namespace and for a limited time instead.',
    anchors: [
      'Polaris clusterrolePodExecAttach',
      'Polaris rolePodExecAttach',
      'kube-linter access-to-secrets',
    ],
    messages: {
      readsSecrets: '{{kind}} "{{name}}" can read Secrets ({{verbs}} on "{{resource}}").',
      execIntoPods: '{{kind}} "{{name}}" can run commands in pods ({{verbs}} on "{{resource}}").',
    },
  },
  check(ctx) {
    for (const role of roles(ctx.bundle)) {
      if (role.object.aggregationRule !== undefined || isBootstrapObject(role)) continue;
      const r = ctx.on(role);
      const data = { kind: role.kind, name: role.name };
      for (const rule of policyRules(role)) {
        if (!inCoreGroup(rule)) continue;
        const read = grantedVerbs(rule, READ_VERBS);
        const exec = grantedVerbs(rule, EXEC_VERBS);
        for (const entry of rule.resources) {
          if (read.length > 0 && rule.resourceNames.length === 0 && matches(entry, 'secrets'))
            r.report('readsSecrets', entry.path, {
              ...data,
              verbs: read.join(', '),
              resource: entry.value,
            });
          if (exec.length > 0 && INTERACTIVE.some((res) => matches(entry, res)))
            r.report('execIntoPods', entry.path, {
              ...data,
              verbs: exec.join(', '),
              resource: entry.value,
            });
        }
      }
    }
  },
});
