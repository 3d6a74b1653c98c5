import { defineRule } from '../../engine/rule';
import { unsetResources } from '../../util/container-resources';

export default defineRule({
  meta: {
    id: 'resources/cpu-request-missing',
    category: 'resources',
    severity: 'warning',
    tags: ['scheduling'],
    description: 'A container without a CPU request.',
    rationale:
      'The scheduler places pods by their requests. A container without a CPU request can land on a node that has ' +
      'no CPU to spare, and gets the lowest share of CPU under contention: a tokenizer or data loader starved of ' +
      'CPU leaves an expensive GPU idle. A CPU limit alone is enough, since Kubernetes then uses it as the request, ' +
      'and so is a default from a LimitRange of the namespace in the scanned set.',
    remediation:
      'Set resources.requests.cpu to what the container needs at steady load (for example "2" or "500m").',
    anchors: [
      'Polaris cpuRequestsMissing',
      'kube-linter unset-cpu-requirements',
      'Checkov CKV_K8S_10',
    ],
    messages: {
      missing: 'Container "{{container}}" has no CPU request.',
      kserveDefault:
        'Container "{{container}}" has no CPU request or limit, so KServe applies its configured default ' +
        '(1 CPU unless changed), which rarely fits a model server.',
    },
  },
  check(ctx) {
    for (const unset of unsetResources(ctx, 'requests', 'cpu')) {
      unset.reporter.report(
        unset.kserveDefault ? 'kserveDefault' : 'missing',
        unset.path,
        unset.data,
      );
    }
  },
});
