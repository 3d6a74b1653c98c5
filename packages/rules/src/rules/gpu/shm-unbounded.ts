import type { PodTemplate } from '../../bundle/workload';
import type { Reporter, RuleContext } from '../../engine/context';
import { defineRule } from '../../engine/rule';
import {
  effectiveResource,
  exceedsQuantity,
  limitRangeDefaults,
  resourceLists,
  showQuantity,
} from '../../util/container-resources';
import { getIn } from '../../util/json';
import { parseQuantity } from '../../util/quantity';
import type { Volume } from './gpu-resources';
import { memoryEmptyDir, mountsOf, volumesOf } from './gpu-resources';

type MessageId = 'noSizeLimit' | 'aboveLimit';

/**
 * The most memory the volume's pages can take before an OOM kill: tmpfs pages count against the
 * memory limit of the container that writes them, so the limits of the containers that mount
 * it, summed, capped by a pod-level limit. Undefined when one of them has no limit.
 */
function memoryBound(
  ctx: RuleContext<MessageId>,
  template: PodTemplate,
  volume: Volume,
): number | undefined {
  const defaults = limitRangeDefaults(ctx.bundle, template.workload.manifest);
  let sum = 0;
  let mounted = false;
  for (const c of template.containers) {
    // Init containers end before the pod runs; what they wrote stays within the pod's limit.
    if (c.init && c.value.restartPolicy !== 'Always') continue;
    if (!mountsOf(c.value).some((m) => m.name === volume.name)) continue;
    mounted = true;
    const limit = parseQuantity(effectiveResource(resourceLists(c), 'memory', defaults).limit);
    if (limit === undefined) return undefined;
    sum += limit;
  }
  if (!mounted) return undefined;
  const podLimit = parseQuantity(getIn(template.spec, ['resources', 'limits', 'memory']));
  return podLimit === undefined ? sum : Math.min(sum, podLimit);
}

function checkVolume(
  ctx: RuleContext<MessageId>,
  template: PodTemplate,
  reporter: Reporter<MessageId>,
  volume: Volume,
): void {
  const emptyDir = memoryEmptyDir(volume.value);
  if (!emptyDir) return;
  const path = [...template.specPath, 'volumes', volume.index, 'emptyDir', 'sizeLimit'];
  if (emptyDir.sizeLimit === undefined || emptyDir.sizeLimit === null) {
    reporter.report('noSizeLimit', path, { volume: volume.name });
    return;
  }
  const size = parseQuantity(emptyDir.sizeLimit);
  const bound = memoryBound(ctx, template, volume);
  if (size === undefined || bound === undefined || !exceedsQuantity(size, bound)) return;
  reporter.report('aboveLimit', path, {
    volume: volume.name,
    sizeLimit: showQuantity(emptyDir.sizeLimit),
    limit: formatBytes(bound),
  });
}

/** Bytes in the largest binary unit that keeps two decimals at most: `24Gi`, `1.5Gi`. */
function formatBytes(bytes: number): string {
  const units = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
  for (const [i, unit] of units.entries()) {
    const value = bytes / 2 ** (10 * (6 - i));
    if (value >= 1) return `${Math.round(value * 100) / 100}${unit}`;
  }
  return String(bytes);
}

export default defineRule({
  meta: {
    id: 'gpu/shm-unbounded',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'storage'],
    description: "Memory emptyDir without sizeLimit, or sizeLimit above the pod's memory limit.",
    rationale:
      'A memory-backed emptyDir (the usual /dev/shm of a GPU pod) is a tmpfs whose pages count as memory of ' +
      'the container that writes them. Without a sizeLimit it can grow to the memory of the whole node when ' +
      'some container of the pod has no memory limit, and in any case fills up silently until the kernel ' +
      'OOM-kills the container, taking the model or the training step with it. A sizeLimit above the memory ' +
      'limit of the containers that mount the volume can never be reached for the same reason: the container ' +
      'is killed first. With a sizeLimit within the limit, the kubelet evicts the pod with a clear message ' +
      'instead. Only GPU pods are checked; LimitRange defaults in the scanned set and pod-level limits count.',
    remediation:
      'Set emptyDir.sizeLimit on every medium: Memory volume, below the memory limit of the containers that ' +
      'mount it (leave room for the process itself), and raise the memory limit if the shared memory needs ' +
      'more.',
    messages: {
      noSizeLimit:
        'Memory-backed emptyDir "{{volume}}" has no sizeLimit, so it can grow until the container is OOM-killed.',
      aboveLimit:
        'Memory-backed emptyDir "{{volume}}" has sizeLimit {{sizeLimit}}, above the {{limit}} memory limit of the ' +
        'containers that mount it; they are OOM-killed before it fills.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec || !ctx.facts.isGpuTemplate(template)) continue;
      const volumes = [...volumesOf(template.spec).values()].filter((v) => memoryEmptyDir(v.value));
      if (volumes.length === 0) continue;
      const reporter = ctx.on(template);
      for (const volume of volumes) checkVolume(ctx, template, reporter, volume);
    }
  },
});
