import { defineRule } from '../../engine/rule';
import { showQuantity, showValue } from '../../util/container-resources';
import { parseQuantity } from '../../util/quantity';

/**
 * Whether the API server takes the quantity as a whole number: it checks the value in
 * thousandths, rounded up, so `1000m` is 1 but `1n` is not 0.
 */
function isWhole(n: number): boolean {
  if (n !== 0 && Math.abs(n) < 1e-3) return false;
  return Math.abs(n - Math.round(n)) <= 1e-9 * Math.max(1, Math.abs(n));
}

export default defineRule({
  meta: {
    id: 'gpu/non-integer',
    category: 'gpu',
    severity: 'error',
    tags: ['gpu'],
    description: 'Fractional or non-numeric GPU quantity.',
    rationale:
      'A GPU is handed to a container as a whole device: extended resources only take integer quantities, ' +
      'and the API server rejects `0.5`, `500m` or `1.5` ("must be an integer"). A value that is not a ' +
      'number at all (`one`, `true`, an unrendered placeholder) is rejected too. To share a GPU, use MIG ' +
      'slices (nvidia.com/mig-1g.10gb) or time-slicing (nvidia.com/gpu.shared) and ask for whole units of ' +
      'those.',
    remediation:
      'Ask for a whole number of GPUs (for example nvidia.com/gpu: 1); for a fraction of a GPU, request a MIG ' +
      'profile or a shared GPU resource configured on the cluster.',
    messages: {
      fractional:
        'Container "{{container}}" asks for {{value}} {{resource}} in {{field}}; GPUs are whole devices and the ' +
        'API server accepts only integers.',
      notNumber:
        'Container "{{container}}" sets {{field}}.{{resource}} to {{value}}, which is not a number of GPUs.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const resources = ctx.facts.gpuResources(container);
      if (resources.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const r of resources) {
        for (const [field, value] of [
          ['requests', r.request],
          ['limits', r.limit],
        ] as const) {
          // `nvidia.com/gpu:` with no value is null, which the API server reads as zero.
          if (value === undefined || value === null) continue;
          const n = parseQuantity(value);
          if (n !== undefined && isWhole(n)) continue;
          const path = [...container.resourcesPath, field, r.name];
          const data = { container: container.name, resource: r.name, field };
          if (n === undefined)
            reporter.report('notNumber', path, { ...data, value: showValue(value) });
          else reporter.report('fractional', path, { ...data, value: showQuantity(value) });
        }
      }
    }
  },
});
