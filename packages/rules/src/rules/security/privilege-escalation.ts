import type { ContainerRef } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { Path } from '../../model';
import {
  addedCapabilities,
  containerFieldPath,
  containerSecurityContext,
  hasLinuxPodSpec,
} from '../../util/security-context';

/** Settings with which the kernel lets the container gain privileges whatever the field says. */
function impliedEscalation(container: ContainerRef): { reason: string; path: Path } | undefined {
  if (containerSecurityContext(container)?.privileged === true)
    return { reason: 'is privileged', path: containerFieldPath(container, 'privileged') };
  const cap = addedCapabilities(container).find((c) => c.name === 'SYS_ADMIN' || c.name === 'ALL');
  return cap ? { reason: `adds capability ${cap.name}`, path: cap.path } : undefined;
}

export default defineRule({
  meta: {
    id: 'security/privilege-escalation',
    category: 'security',
    severity: 'error',
    tags: ['pod-security'],
    description: 'allowPrivilegeEscalation is not set to false.',
    rationale:
      'Unless a container sets allowPrivilegeEscalation: false, Kubernetes does not set no_new_privs on its ' +
      'processes, so a setuid binary or file capability in the image (sudo, ping, a vulnerable helper) can ' +
      'give a process more privileges than the container started with. The default is true. A privileged ' +
      'container, or one that adds CAP_SYS_ADMIN, can always escalate, whatever the field says (and the API ' +
      'server rejects allowPrivilegeEscalation: false together with privileged: true).',
    remediation:
      'Set securityContext.allowPrivilegeEscalation: false on every container, init containers included, ' +
      'and drop privileged and SYS_ADMIN where they appear.',
    anchors: ['Polaris privilegeEscalationAllowed', 'Checkov CKV_K8S_20'],
    messages: {
      notSet:
        'Container "{{container}}" does not set allowPrivilegeEscalation: false (it defaults to true).',
      enabled: 'Container "{{container}}" sets allowPrivilegeEscalation: true.',
      implied:
        'Container "{{container}}" {{reason}}, so it can always escalate privileges whatever allowPrivilegeEscalation says.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      if (!hasLinuxPodSpec(template)) continue;
      const r = ctx.on(template, container);
      const data = { container: container.name };
      const implied = impliedEscalation(container);
      if (implied) {
        r.report('implied', implied.path, { ...data, reason: implied.reason });
        continue;
      }
      const value = containerSecurityContext(container)?.allowPrivilegeEscalation;
      if (value === false) continue;
      const path = containerFieldPath(container, 'allowPrivilegeEscalation');
      r.report(value === true ? 'enabled' : 'notSet', path, data);
    }
  },
});
