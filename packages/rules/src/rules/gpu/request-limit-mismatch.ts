import { defineRule } from '../../engine/rule';
import { sameQuantity, showQuantity } from '../../util/container-resources';
import { parseQuantity } from '../../util/quantity';

export default defineRule({
  meta: {
    id: 'gpu/request-limit-mismatch',
    category: 'gpu',
    severity: 'error',
    tags: ['gpu'],
    description: 'GPU request and limit differ.',
    rationale:
      'Kubernetes does not overcommit extended resources such as GPUs: when a container sets both a request ' +
      'and a limit for one, they must be equal, and the API server rejects the pod otherwise ("must be equal ' +
      'to nvidia.com/gpu limit"). A GPU cannot be shared by asking for less than you limit, and you cannot ' +
      'burst to more GPUs than you asked for.',
    remediation:
      'Make the request equal to the limit, or drop the GPU request and keep only the limit (the request ' +
      'defaults to it).',
    messages: {
      mismatch:
        'Container "{{container}}" requests {{request}} {{resource}} but limits it to {{limit}}; a GPU request ' +
        'must equal its limit.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const both = ctx.facts
        .gpuResources(container)
        .filter((r) => r.request !== undefined && r.limit !== undefined);
      if (both.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const r of both) {
        const request = parseQuantity(r.request);
        const limit = parseQuantity(r.limit);
        // A value that does not parse is gpu/non-integer's to report.
        if (request === undefined || limit === undefined || sameQuantity(request, limit)) continue;
        reporter.report('mismatch', [...container.resourcesPath, 'requests', r.name], {
          container: container.name,
          resource: r.name,
          request: showQuantity(r.request),
          limit: showQuantity(r.limit),
        });
      }
    }
  },
});
