import type { GpuResource } from '../../engine/facts';
import { defineRule } from '../../engine/rule';
import { asksFor, countPath, isMigName } from './gpu-resources';

type MessageId = 'wholeAndMig' | 'migProfiles' | 'wholeAndShared' | 'vendors';

interface Conflict {
  messageId: MessageId;
  first: GpuResource;
  second: GpuResource;
}

/** The vendor of a GPU resource: the domain of its name (`nvidia.com`, `amd.com`, `gpu.intel.com`). */
function vendorOf(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

const WHOLE = 'nvidia.com/gpu';
const SHARED = 'nvidia.com/gpu.shared';

/** The first pair of resources that no standard node layout offers together, if any. */
function conflictOf(used: readonly GpuResource[]): Conflict | undefined {
  const named = (...names: string[]): GpuResource | undefined =>
    used.find((r) => names.includes(r.name));
  const whole = named(WHOLE, SHARED);
  const [firstMig, secondMig] = used.filter((r) => isMigName(r.name));
  if (whole && firstMig) return { messageId: 'wholeAndMig', first: whole, second: firstMig };
  if (firstMig && secondMig)
    return { messageId: 'migProfiles', first: firstMig, second: secondMig };
  const plain = named(WHOLE);
  const shared = named(SHARED);
  if (plain && shared) return { messageId: 'wholeAndShared', first: plain, second: shared };
  const [first] = used;
  const other = first && used.find((r) => vendorOf(r.name) !== vendorOf(first.name));
  if (first && other) return { messageId: 'vendors', first, second: other };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'gpu/mixed-device-types',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'mig'],
    description: 'One container asks for whole GPUs and MIG slices, or two MIG profiles.',
    rationale:
      'Every device a container asks for must come from the node the pod lands on. Whole GPUs and MIG slices ' +
      'exist on one node only with the `mixed` MIG strategy and a hand-made partition layout, two MIG profiles ' +
      'only when a GPU is split that way, a whole and a time-shared GPU (nvidia.com/gpu.shared) not under the ' +
      'standard sharing configurations, and GPUs of two vendors hardly ever. Such a pod stays Pending, or ' +
      'pins itself to the one node that happens to fit, and a framework sees a mix of devices of different ' +
      'sizes that breaks even data and tensor parallelism. Zero counts are ignored.',
    remediation:
      'Ask for one kind of device per container: a number of whole GPUs, or a number of slices of one MIG ' +
      'profile; run parts that need different devices in separate containers or pods.',
    messages: {
      wholeAndMig:
        'Container "{{container}}" asks for both {{first}} and MIG slices ({{second}}); no standard node ' +
        'layout offers both to one pod.',
      migProfiles:
        'Container "{{container}}" asks for two MIG profiles, {{first}} and {{second}}; ask for one profile.',
      wholeAndShared:
        'Container "{{container}}" asks for both whole GPUs ({{first}}) and time-shared GPUs ({{second}}).',
      vendors: 'Container "{{container}}" asks for GPUs of two vendors, {{first}} and {{second}}.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const used = ctx.facts.gpuResources(container).filter(asksFor);
      if (used.length === 0) continue;
      const reporter = ctx.on(template, container);
      const conflict = conflictOf(used);
      if (!conflict) continue;
      reporter.report(conflict.messageId, countPath(container, conflict.second), {
        container: container.name,
        first: conflict.first.name,
        second: conflict.second.name,
      });
    }
  },
});
