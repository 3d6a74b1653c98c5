import { defineRule } from '../../engine/rule';
import { unsetResources } from '../../util/container-resources';

export default defineRule({
  meta: {
    id: 'resources/cpu-limit-missing',
    category: 'resources',
    severity: 'info',
    tags: ['scheduling'],
    description: 'A container without a CPU limit (off by default).',
    rationale:
      'Without a CPU limit a container may use every idle core of its node, which makes its latency depend on ' +
      'its neighbours and hides under-sized requests until the node is busy. Many teams leave CPU limits off on ' +
      'purpose, because CFS throttling hurts latency more than sharing idle cores does, so this rule is off in ' +
      'the `recommended` preset: turn it on where a policy requires limits, or for Guaranteed QoS (which also ' +
      'needs requests equal to limits). A default limit from a LimitRange of the namespace in the scanned set ' +
      'counts as a limit.',
    remediation:
      'Set resources.limits.cpu (for example equal to resources.requests.cpu for Guaranteed QoS), or leave the ' +
      'rule off if your policy is to run without CPU limits.',
    anchors: ['Polaris cpuLimitsMissing', 'Checkov CKV_K8S_11'],
    recommended: false,
    messages: {
      missing: 'Container "{{container}}" has no CPU limit.',
      kserveDefault:
        'Container "{{container}}" has no CPU limit, so KServe applies its configured default (1 CPU unless ' +
        'changed), which rarely fits a model server.',
    },
  },
  check(ctx) {
    for (const unset of unsetResources(ctx, 'limits', 'cpu')) {
      unset.reporter.report(
        unset.kserveDefault ? 'kserveDefault' : 'missing',
        unset.path,
        unset.data,
      );
    }
  },
});
