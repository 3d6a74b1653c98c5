import { defineRule } from '../../engine/rule';
import { limitRangeDefaults, resourceLists } from '../../util/container-resources';

const RESOURCE = 'ephemeral-storage';

export default defineRule({
  meta: {
    id: 'resources/ephemeral-storage-missing',
    category: 'resources',
    severity: 'info',
    tags: ['scheduling', 'storage'],
    description: 'No ephemeral-storage request/limit.',
    rationale:
      "Container logs, writable layers and disk-backed emptyDir volumes use the node's local disk. AI " +
      'containers fill it fast: model downloads, Hugging Face and compilation caches, checkpoints written to a ' +
      'scratch path. Without a request the scheduler does not account for that disk, and without a limit one ' +
      "container can fill the node's disk until the kubelet evicts every pod on it under disk pressure. With a " +
      'limit, only the container that exceeds it is evicted. A limit alone is enough (it becomes the request), ' +
      'and so is a default from a LimitRange of the namespace in the scanned set.',
    remediation:
      'Set resources.limits.ephemeral-storage to the most scratch disk the container may use (for example ' +
      '"20Gi"), and resources.requests.ephemeral-storage to what it normally uses; keep large models on a ' +
      'PersistentVolume rather than in ephemeral storage.',
    anchors: ['kube-score container-ephemeral-storage-request-and-limit'],
    messages: {
      missing: 'Container "{{container}}" has no ephemeral-storage request or limit.',
      limitMissing:
        'Container "{{container}}" requests ephemeral-storage but sets no limit, so it can fill the node\'s disk.',
    },
  },
  check(ctx) {
    for (const { container, template, manifest } of ctx.containers()) {
      const reporter = ctx.on(template, container);
      const lists = resourceLists(container);
      if (lists.limits[RESOURCE] !== undefined) continue;
      const defaults = limitRangeDefaults(ctx.bundle, manifest);
      if (defaults.limits.has(RESOURCE)) continue;
      const path = [...container.resourcesPath, 'limits', RESOURCE];
      const data = { container: container.name };
      const requested = lists.requests[RESOURCE] !== undefined || defaults.requests.has(RESOURCE);
      reporter.report(requested ? 'limitMissing' : 'missing', path, data);
    }
  },
});
