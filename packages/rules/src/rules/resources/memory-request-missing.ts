import { defineRule } from '../../engine/rule';
import { unsetResources } from '../../util/container-resources';

export default defineRule({
  meta: {
    id: 'resources/memory-request-missing',
    category: 'resources',
    severity: 'warning',
    tags: ['scheduling'],
    description: 'A container without a memory request.',
    rationale:
      'The scheduler places pods by their requests. A container without a memory request can be placed on a node ' +
      'whose memory is already spoken for, and under memory pressure the kubelet evicts pods that use more than ' +
      'they requested first. Model servers and data loaders hold gigabytes of host memory (weights staged before ' +
      'they reach the GPU, pinned buffers, tokenizers), so an unrequested footprint is an eviction waiting to ' +
      'happen. A memory limit alone is enough, since Kubernetes then uses it as the request, and so is a default ' +
      'from a LimitRange of the namespace in the scanned set.',
    remediation:
      'Set resources.requests.memory to the steady-state footprint of the container (for example "8Gi"), ' +
      'measured under load; for GPU servers include the host memory used while loading the model.',
    anchors: [
      'Polaris memoryRequestsMissing',
      'kube-linter unset-memory-requirements',
      'Checkov CKV_K8S_12',
    ],
    messages: {
      missing: 'Container "{{container}}" has no memory request.',
      kserveDefault:
        'Container "{{container}}" has no memory request or limit, so KServe applies its configured default ' +
        '(2Gi unless changed), which rarely fits a model server.',
    },
  },
  check(ctx) {
    for (const unset of unsetResources(ctx, 'requests', 'memory')) {
      unset.reporter.report(
        unset.kserveDefault ? 'kserveDefault' : 'missing',
        unset.path,
        unset.data,
      );
    }
  },
});
