import { defineRule } from '../../engine/rule';
import { unsetResources } from '../../util/container-resources';

export default defineRule({
  meta: {
    id: 'resources/memory-limit-missing',
    category: 'resources',
    severity: 'warning',
    tags: ['scheduling', 'gpu'],
    description: 'A container without a memory limit (error on GPU workloads).',
    rationale:
      'Memory cannot be throttled: a container without a memory limit grows until the node runs short, and then ' +
      'the kernel or the kubelet kills or evicts whatever is on the node, not necessarily the culprit. On a GPU ' +
      'node the neighbours are expensive, long-loading model servers and training runs, and the container that ' +
      'drives a GPU holds large host-memory buffers (model weights staged before upload, pinned memory, data ' +
      'loader workers), so for containers that use GPUs the finding is an error. A default limit from a ' +
      'LimitRange of the namespace in the scanned set counts as a limit.',
    remediation:
      'Set resources.limits.memory to the most the container may use (for example "32Gi"); for GPU containers ' +
      'size it for model loading and set it equal to the request for Guaranteed QoS.',
    anchors: ['Polaris memoryLimitsMissing', 'Checkov CKV_K8S_13'],
    messages: {
      missing: 'Container "{{container}}" has no memory limit.',
      missingGpu: 'Container "{{container}}" uses GPUs but has no memory limit.',
      kserveDefault:
        'Container "{{container}}" has no memory limit, so KServe applies its configured default (2Gi unless ' +
        'changed), which rarely fits a model server.',
    },
  },
  check(ctx) {
    for (const unset of unsetResources(ctx, 'limits', 'memory')) {
      const gpu = ctx.facts.usesGpu(unset.subject.container);
      const options = gpu ? { severity: 'error' as const } : undefined;
      const messageId = unset.kserveDefault ? 'kserveDefault' : gpu ? 'missingGpu' : 'missing';
      unset.reporter.report(messageId, unset.path, unset.data, options);
    }
  },
});
