import { defineRule } from '../../engine/rule';
import { asObject } from '../../util/json';
import { resourcesOf } from '../../engine/facts';

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
      'CPU leaves an expensive GPU idle. A CPU limit alone is enough, since Kubernetes then uses it as the request.',
    remediation:
      'Set resources.requests.cpu to what the container needs at steady load (for example "2" or "500m").',
    anchors: [
      'Polaris cpuRequestsMissing',
      'kube-linter unset-cpu-requirements',
      'Checkov CKV_K8S_10',
    ],
    messages: {
      missing: 'Container "{{container}}" has no CPU request.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const reporter = ctx.on(template, container);
      const resources = asObject(resourcesOf(container));
      if (
        asObject(resources?.requests)?.cpu !== undefined ||
        asObject(resources?.limits)?.cpu !== undefined
      )
        continue;
      reporter.report('missing', [...container.resourcesPath, 'requests', 'cpu'], {
        container: container.name,
      });
    }
  },
});
