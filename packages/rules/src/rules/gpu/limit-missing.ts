import { defineRule } from '../../engine/rule';
import { showQuantity } from '../../util/container-resources';

export default defineRule({
  meta: {
    id: 'gpu/limit-missing',
    category: 'gpu',
    severity: 'error',
    tags: ['gpu'],
    description: 'GPU resource in requests but not in limits.',
    rationale:
      'GPUs are extended resources, which Kubernetes never overcommits: a container may leave out the request ' +
      '(the limit becomes the request) but not the limit. The API server rejects a pod that requests a GPU ' +
      'without a limit ("Limit must be set for non overcommitable resources"), so the Deployment, Job or ' +
      'operator never gets a pod, often with the error visible only in its events.',
    remediation:
      'Move the GPU count from resources.requests to resources.limits (for example ' +
      'limits: {nvidia.com/gpu: 1}); requests may be omitted or must equal the limit.',
    messages: {
      missing:
        'Container "{{container}}" requests {{quantity}} {{resource}} but sets no limit for it; the API server ' +
        'rejects a GPU request without a limit.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const requested = ctx.facts.gpuResources(container).filter((r) => r.request !== undefined);
      if (requested.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const r of requested) {
        if (r.limit !== undefined) continue;
        reporter.report('missing', [...container.resourcesPath, 'limits', r.name], {
          container: container.name,
          resource: r.name,
          quantity: showQuantity(r.request),
        });
      }
    }
  },
});
