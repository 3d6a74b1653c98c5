import { defineRule } from '../../engine/rule';
import {
  exceedsQuantity,
  limitRangeDefaults,
  resourceLists,
  showQuantity,
} from '../../util/container-resources';
import { parseQuantity } from '../../util/quantity';

export default defineRule({
  meta: {
    id: 'resources/request-exceeds-limit',
    category: 'resources',
    severity: 'error',
    tags: ['scheduling'],
    description: 'A request larger than its limit.',
    rationale:
      'The API server rejects a container whose request for a resource is larger than its limit ("must be less ' +
      'than or equal to ... limit"), so the Deployment, Job or operator never gets its pods. The same happens ' +
      'when the container sets only a request and a LimitRange of its namespace supplies a smaller default ' +
      'limit. GPUs and other configured GPU resources are left to gpu/request-limit-mismatch, because their ' +
      'request must equal the limit.',
    remediation:
      'Lower the request or raise the limit so that requests ≤ limits for every resource; when a LimitRange ' +
      'supplies the limit, set the limit on the container explicitly.',
    messages: {
      exceeds:
        'Container "{{container}}" requests {{request}} {{resource}} but limits it to {{limit}}; the API server ' +
        'rejects a request above its limit.',
      exceedsDefault:
        'Container "{{container}}" requests {{request}} {{resource}} and sets no limit, so LimitRange ' +
        '"{{limitRange}}" gives it a limit of {{limit}}; the API server rejects a request above its limit.',
    },
  },
  check(ctx) {
    for (const { container, template, manifest } of ctx.containers()) {
      const lists = resourceLists(container);
      const names = Object.keys(lists.requests).filter((n) => !ctx.facts.isGpuResource(n));
      if (names.length === 0) continue;
      const defaults = limitRangeDefaults(ctx.bundle, manifest);
      let reporter: ReturnType<typeof ctx.on> | undefined;
      for (const name of names) {
        const own = lists.limits[name];
        const fallback = own === undefined ? defaults.limits.get(name) : undefined;
        const limitValue = own ?? fallback?.value;
        if (limitValue === undefined) continue;
        reporter ??= ctx.on(template, container);
        const request = parseQuantity(lists.requests[name]);
        const limit = parseQuantity(limitValue);
        if (request === undefined || limit === undefined || !exceedsQuantity(request, limit))
          continue;
        const data = {
          container: container.name,
          resource: name,
          request: showQuantity(lists.requests[name]),
          limit: showQuantity(limitValue),
        };
        const path = [...container.resourcesPath, 'requests', name];
        if (fallback)
          reporter.report('exceedsDefault', path, { ...data, limitRange: fallback.limitRange });
        else reporter.report('exceeds', path, data);
      }
    }
  },
});
