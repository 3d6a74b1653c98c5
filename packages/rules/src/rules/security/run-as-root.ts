import { defineRule } from '../../engine/rule';
import { asNumber } from '../../util/json';
import { containerFieldPath, effectiveField, hasLinuxPodSpec } from '../../util/security-context';

export default defineRule({
  meta: {
    id: 'security/run-as-root',
    category: 'security',
    severity: 'warning',
    tags: ['pod-security'],
    description:
      'A container that may run as root: neither runAsNonRoot: true nor a non-zero runAsUser at pod or container level, or runAsUser: 0.',
    rationale:
      'Most images, CUDA and PyTorch base images included, run as root unless told otherwise. Root in a ' +
      'container is root on the node as far as the kernel is concerned: one container escape, a writable ' +
      'hostPath or a mounted socket is enough to take over the node and its GPUs. runAsNonRoot: true makes ' +
      'the kubelet refuse to start a container whose user is root; a non-zero runAsUser picks the user. ' +
      'The container setting wins over the pod setting. A pod with hostUsers: false runs in a user ' +
      'namespace, where root is not root on the node, and passes.',
    remediation:
      'Set securityContext.runAsNonRoot: true (pod or container) and, when the image has no non-root USER, ' +
      'a non-zero runAsUser such as 1000. Give the user write access through fsGroup instead of running as root.',
    anchors: ['Polaris runAsRootAllowed', 'kube-linter run-as-non-root', 'Checkov CKV_K8S_23'],
    messages: {
      root: 'Container "{{container}}" runs as root: runAsUser is 0.',
      nonRootDisabled:
        'Container "{{container}}" sets runAsNonRoot: false and no non-zero runAsUser, so it may run as root.',
      mayRunAsRoot:
        'Container "{{container}}" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies to it.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      if (!hasLinuxPodSpec(template)) continue;
      const r = ctx.on(template, container);
      if (template.spec.hostUsers === false) continue;
      const data = { container: container.name };
      const user = effectiveField(template, container, 'runAsUser');
      const uid = asNumber(user?.value);
      if (user && uid === 0) {
        r.report('root', user.path, data);
        continue;
      }
      if (uid !== undefined && uid > 0) continue;
      const nonRoot = effectiveField(template, container, 'runAsNonRoot');
      if (nonRoot?.value === true) continue;
      if (nonRoot?.value === false) r.report('nonRootDisabled', nonRoot.path, data);
      else r.report('mayRunAsRoot', containerFieldPath(container, 'runAsNonRoot'), data);
    }
  },
});
