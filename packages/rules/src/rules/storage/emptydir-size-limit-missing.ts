import { defineRule } from '../../engine/rule';
import { limitRangeDefaults, resourceLists } from '../../util/container-resources';
import type { PodTemplate } from '../../bundle/workload';
import { volumesOf } from '../../util/volumes';

/**
 * The kubelet evicts a pod whose total local storage (container layers, logs and emptyDirs)
 * exceeds the sum of its containers' ephemeral-storage limits, so one such limit bounds the
 * emptyDirs too.
 */
function hasEphemeralStorageLimit(template: PodTemplate): boolean {
  return template.containers.some(
    (c) => resourceLists(c).limits['ephemeral-storage'] !== undefined,
  );
}

export default defineRule({
  meta: {
    id: 'storage/emptydir-size-limit-missing',
    category: 'storage',
    severity: 'info',
    tags: ['reliability'],
    description: 'A disk-backed emptyDir without sizeLimit.',
    rationale:
      "A disk-backed emptyDir lives on the node's root or kubelet disk. Without a sizeLimit, a model download, a " +
      'dataset shard or runaway checkpoints can fill that disk, and the kubelet then evicts other pods on the node ' +
      '(often the GPU neighbours) under disk pressure. With a sizeLimit the kubelet evicts only the pod that ' +
      "overflows. An ephemeral-storage limit on one of the pod's containers (or a LimitRange default for it in " +
      'the namespace) bounds the emptyDirs too, so it is accepted instead. Memory-backed emptyDirs are checked ' +
      'by gpu/shm-unbounded.',
    remediation:
      'Set emptyDir.sizeLimit to what the pod needs (for example `sizeLimit: 20Gi`), or set ' +
      'resources.limits.ephemeral-storage on the containers. Keep models and checkpoints on a PersistentVolumeClaim.',
    messages: {
      missing: 'emptyDir volume "{{volume}}" has no sizeLimit and can fill the node\'s disk.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const diskEmptyDirs = volumesOf(template).filter((v) => {
        if (v.source !== 'emptyDir') return false;
        const medium = v.sourceValue?.medium;
        return medium === undefined || medium === null || medium === '';
      });
      if (diskEmptyDirs.length === 0) continue;
      const reporter = ctx.on(template);
      if (
        hasEphemeralStorageLimit(template) ||
        limitRangeDefaults(ctx.bundle, template.workload.manifest).limits.has('ephemeral-storage')
      )
        continue;
      for (const volume of diskEmptyDirs) {
        const limit = volume.sourceValue?.sizeLimit;
        if (limit !== undefined && limit !== null) continue;
        reporter.report('missing', [...volume.path, 'emptyDir', 'sizeLimit'], {
          volume: volume.name,
        });
      }
    }
  },
});
