import { defineRule } from '../../engine/rule';
import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { Path } from '../../model';
import { getIn } from '../../util/json';
import {
  containerFieldPath,
  containerSecurityContext,
  podFieldPath,
  podSecurityContext,
} from '../../util/security-context';

/** Where `windowsOptions.hostProcess: true` applies to the container (its own value wins). */
function hostProcessPath(template: PodTemplate, container: ContainerRef): Path | undefined {
  const field = ['windowsOptions', 'hostProcess'];
  const own = getIn(containerSecurityContext(container), field);
  if (own !== undefined && own !== null)
    return own === true ? containerFieldPath(container, ...field) : undefined;
  return getIn(podSecurityContext(template), field) === true
    ? podFieldPath(template, ...field)
    : undefined;
}

export default defineRule({
  meta: {
    id: 'security/privileged',
    category: 'security',
    severity: 'error',
    tags: ['pod-security'],
    description: 'A privileged container.',
    rationale:
      'A privileged container runs with every capability, sees every host device and is not confined by ' +
      'seccomp or AppArmor: a process that escapes it owns the node, the GPUs and every other pod on it. ' +
      'GPU workloads do not need it: the NVIDIA and AMD device plugins hand the devices to unprivileged ' +
      'containers. A Windows HostProcess container is the Windows equivalent and is reported too.',
    remediation:
      'Remove securityContext.privileged (or set it to false). Request GPUs through resources.limits and add ' +
      'only the specific capability a tool needs (for example SYS_PTRACE for a profiler) instead.',
    anchors: ['Polaris runAsPrivileged', 'kube-linter privileged-container', 'Checkov CKV_K8S_16'],
    messages: {
      privileged: 'Container "{{container}}" runs privileged.',
      hostProcess:
        'Container "{{container}}" runs as a Windows HostProcess container (privileged on the node).',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      if (!template.ownsPodSpec) continue;
      const r = ctx.on(template, container);
      const data = { container: container.name };
      if (containerSecurityContext(container)?.privileged === true)
        r.report('privileged', containerFieldPath(container, 'privileged'), data);
      const hostProcess = hostProcessPath(template, container);
      if (hostProcess) r.report('hostProcess', hostProcess, data);
    }
  },
});
