import { defineRule } from '../../engine/rule';
import {
  containerFieldPath,
  containerSecurityContext,
  hasLinuxPodSpec,
} from '../../util/security-context';

export default defineRule({
  meta: {
    id: 'security/readonly-root-filesystem',
    category: 'security',
    severity: 'info',
    tags: ['pod-security'],
    description: 'A container whose root filesystem is writable.',
    rationale:
      'With a writable root filesystem an attacker who gets code execution can drop tools and persist changes ' +
      'to binaries and libraries for the life of the container, and a model server that writes caches to ' +
      'its image layers fills the node disk without any limit or accounting. A read-only root filesystem ' +
      'forces every writable path to be an explicit volume: an emptyDir with a sizeLimit for scratch and ' +
      'caches, a PVC for models and checkpoints.',
    remediation:
      'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir (with sizeLimit) at the paths the ' +
      'process writes to, such as /tmp, ~/.cache or /root/.triton.',
    anchors: ['Polaris notReadOnlyRootFilesystem', 'Checkov CKV_K8S_22'],
    messages: {
      notSet: 'Container "{{container}}" does not set readOnlyRootFilesystem: true.',
      writable: 'Container "{{container}}" sets readOnlyRootFilesystem: false.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      if (!hasLinuxPodSpec(template)) continue;
      const r = ctx.on(template, container);
      const value = containerSecurityContext(container)?.readOnlyRootFilesystem;
      if (value === true) continue;
      r.report(
        value === false ? 'writable' : 'notSet',
        containerFieldPath(container, 'readOnlyRootFilesystem'),
        { container: container.name },
      );
    }
  },
});
