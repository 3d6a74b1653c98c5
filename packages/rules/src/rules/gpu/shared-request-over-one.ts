import { defineRule } from '../../engine/rule';
import { showQuantity } from '../../util/container-resources';
import { parseQuantity } from '../../util/quantity';
import { countPath, countValue } from './gpu-resources';

/** Time-sliced or MPS-shared NVIDIA resources, as the device plugin renames them. */
function isShared(name: string): boolean {
  return name.startsWith('nvidia.com/') && name.endsWith('.shared');
}

export default defineRule({
  meta: {
    id: 'gpu/shared-request-over-one',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'sharing'],
    description: '`nvidia.com/gpu.shared` above 1.',
    rationale:
      'With time-slicing or MPS the NVIDIA device plugin advertises each GPU several times, as ' +
      'nvidia.com/gpu.shared (or nvidia.com/mig-<profile>.shared for a shared MIG slice). Asking for two ' +
      'replicas does not give a container more GPU time or memory: they may be two slices of the same GPU, ' +
      'and nothing isolates one from another. With MPS, or with failRequestsGreaterThanOne in the sharing ' +
      'configuration, the device plugin refuses such a pod outright, and it fails with ' +
      'UnexpectedAdmissionError on the node.',
    remediation:
      'Ask for 1 shared GPU per container; a workload that needs more GPU capacity should ask for whole GPUs ' +
      '(nvidia.com/gpu) or a larger MIG profile.',
    messages: {
      overOne:
        'Container "{{container}}" asks for {{quantity}} {{resource}}; more than one shared GPU gives no more ' +
        'GPU capacity and is refused with MPS or failRequestsGreaterThanOne.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const shared = ctx.facts.gpuResources(container).filter((r) => isShared(r.name));
      if (shared.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const r of shared) {
        const value = countValue(r);
        const n = parseQuantity(value);
        if (n === undefined || n <= 1) continue;
        reporter.report('overOne', countPath(container, r), {
          container: container.name,
          resource: r.name,
          quantity: showQuantity(value),
        });
      }
    }
  },
});
