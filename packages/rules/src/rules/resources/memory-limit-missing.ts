import { defineRule } from '../../engine/rule';
import {
  kserveDefaultsResources,
  limitRangeDefaults,
  resourceLists,
} from '../../util/container-resources';

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
    for (const { container, template, manifest } of ctx.containers()) {
      const reporter = ctx.on(template, container);
      if (resourceLists(container).limits.memory !== undefined) continue;
      if (limitRangeDefaults(ctx.bundle, manifest).limits.has('memory')) continue;
      const path = [...container.resourcesPath, 'limits', 'memory'];
      const data = { container: container.name };
      const gpu = ctx.facts.usesGpu(container);
      const options = gpu ? { severity: 'error' as const } : undefined;
      if (kserveDefaultsResources(template, container))
        reporter.report('kserveDefault', path, data, options);
      else reporter.report(gpu ? 'missingGpu' : 'missing', path, data, options);
    }
  },
});
