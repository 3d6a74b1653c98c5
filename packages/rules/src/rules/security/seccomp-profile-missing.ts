import { defineRule } from '../../engine/rule';
import {
  hasLinuxPodSpec,
  isConfiningSeccomp,
  ownSeccomp,
  podFieldPath,
  podSeccomp,
} from '../../util/security-context';

function quoted(names: readonly string[]): string {
  const list = names.map((n) => `"${n}"`).join(', ');
  return names.length === 1 ? `container ${list}` : `containers ${list}`;
}

export default defineRule({
  meta: {
    id: 'security/seccomp-profile-missing',
    category: 'security',
    severity: 'info',
    tags: ['pod-security'],
    description:
      'A pod whose containers run without a RuntimeDefault or Localhost seccomp profile.',
    rationale:
      'Kubernetes runs containers Unconfined unless a seccomp profile is set (or the kubelet runs with ' +
      '--seccomp-default, which a manifest cannot rely on). The runtime default profile blocks a few dozen ' +
      'system calls that ordinary programs never make but kernel exploits and container escapes do ' +
      '(keyctl, unshare, mount, bpf, userfaultfd…), and costs nothing for CUDA, NCCL or PyTorch. A container ' +
      'setting wins over the pod setting. The deprecated annotations ' +
      'seccomp.security.alpha.kubernetes.io/pod and container.seccomp.security.alpha.kubernetes.io/<name> are ' +
      'still honoured, since the API server copies them into the unset fields when it creates the pod.',
    remediation:
      'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec (or Localhost with a ' +
      'localhostProfile), and remove Unconfined profiles from containers.',
    anchors: ['Polaris linuxHardening', 'Checkov CKV_K8S_31'],
    messages: {
      missing: 'The pod runs {{containers}} without a seccomp profile (Unconfined).',
      unconfined:
        'Container "{{container}}" uses seccomp profile "{{type}}", which does not confine system calls.',
      podUnconfined:
        'The pod uses seccomp profile "{{type}}", which does not confine system calls of {{containers}}.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!hasLinuxPodSpec(template) || template.containers.length === 0) continue;
      const r = ctx.on(template);
      const pod = podSeccomp(template);
      const inheriting: string[] = [];
      for (const container of template.containers) {
        const own = ownSeccomp(template, container);
        if (!own) inheriting.push(container.name);
        else if (!isConfiningSeccomp(own.value))
          r.report('unconfined', own.path, { container: container.name, type: own.value });
      }
      if (inheriting.length === 0) continue;
      if (!pod)
        r.report('missing', podFieldPath(template, 'seccompProfile'), {
          containers: quoted(inheriting),
        });
      else if (!isConfiningSeccomp(pod.value))
        r.report('podUnconfined', pod.path, { type: pod.value, containers: quoted(inheriting) });
    }
  },
});
