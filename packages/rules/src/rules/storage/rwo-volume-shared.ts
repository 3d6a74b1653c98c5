import { defineRule } from '../../engine/rule';
import type { Bundle } from '../../bundle/bundle';
import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { Manifest } from '../../model';
import { asArray, asNumber, getIn } from '../../util/json';
import { claimNameOf, claimTemplateNames, mountsOf, volumesOf } from '../../util/volumes';
import type { VolumeRef } from '../../util/volumes';

interface Use {
  template: PodTemplate;
  volume: VolumeRef;
}

/** Pods a template may run at once: replicas, parallelism, autoscaler maximum; Infinity per node. */
function podsOf(template: PodTemplate, bundle: Bundle): number {
  const w = template.workload;
  const m = w.manifest;
  if (m.kind === 'DaemonSet') return Infinity;
  let copies = w.replicas ?? 1;
  for (const scaler of bundle.autoscalersOf(w)) {
    const max =
      scaler.kind === 'ScaledObject'
        ? (asNumber(getIn(scaler.object, ['spec', 'maxReplicaCount'])) ?? 100)
        : asNumber(getIn(scaler.object, ['spec', 'maxReplicas']));
    if (max !== undefined) copies = Math.max(copies, max);
  }
  let perCopy = template.replicas ?? 1;
  if (m.kind === 'InferenceService' && template.role) {
    const max = asNumber(getIn(m.object, ['spec', template.role, 'maxReplicas']));
    if (max !== undefined) perCopy = Math.max(perCopy, max);
  }
  return copies * perCopy;
}

/** Every container that mounts the volume mounts it read-only (or the volume itself is). */
function readOnlyUse(use: Use): boolean {
  if (use.volume.sourceValue?.readOnly === true) return true;
  const mounts = use.template.containers.flatMap((c: ContainerRef) =>
    mountsOf(c).filter((m) => m.name === use.volume.name),
  );
  return mounts.length > 0 && mounts.every((m) => m.readOnly);
}

function accessModes(pvc: Manifest): string[] {
  return asArray(getIn(pvc.object, ['spec', 'accessModes'])).filter(
    (m): m is string => typeof m === 'string',
  );
}

/** The single-node mode that keeps the volume from being shared, or undefined when it can be. */
function blockingMode(modes: readonly string[], use: Use): string | undefined {
  if (modes.includes('ReadWriteMany')) return undefined;
  if (modes.includes('ReadOnlyMany') && readOnlyUse(use)) return undefined;
  if (modes.includes('ReadWriteOncePod')) return 'ReadWriteOncePod';
  if (modes.includes('ReadWriteOnce')) return 'ReadWriteOnce';
  return undefined;
}

function fileOf(m: Manifest): string | undefined {
  return m.origin.type === 'file' ? m.origin.file : undefined;
}

/**
 * Resolves the claim a pod mounts. When the set defines the same claim several times (unrelated
 * sample files scanned together), the definition in the pod's own file is the one meant.
 */
function claimResolver(bundle: Bundle): (claim: string, near: Manifest) => Manifest | undefined {
  const key = (name: string, file: string, m: Manifest): string =>
    [name, bundle.namespaceOf(m), file].join('\u0000');
  const inFile = new Map<string, Manifest>();
  for (const pvc of bundle.ofKind('PersistentVolumeClaim')) {
    const file = fileOf(pvc);
    if (file !== undefined) inFile.set(key(pvc.name, file, pvc), pvc);
  }
  return (claim, near) => {
    const file = fileOf(near);
    const own = file === undefined ? undefined : inFile.get(key(claim, file, near));
    return own ?? bundle.find('PersistentVolumeClaim', claim, near);
  };
}

function describePods(n: number): string {
  return n === Infinity ? 'a pod on every node' : `${n} pods`;
}

export default defineRule({
  meta: {
    id: 'storage/rwo-volume-shared',
    category: 'storage',
    severity: 'warning',
    tags: ['reliability', 'scaling'],
    description: 'More than one replica mounts a ReadWriteOnce PVC.',
    rationale:
      'A ReadWriteOnce volume attaches to one node at a time. When several replicas (or several workloads, or an ' +
      'autoscaler scaling up) mount it, the pods that land on another node hang in ContainerCreating with a ' +
      '"Multi-Attach error", so the extra replicas a model server was scaled to never serve. ReadWriteOncePod ' +
      'is stricter still: only one pod at all. The count includes replicas, parallelism, worker groups and the ' +
      'maximum of an HPA or ScaledObject; a claim that also allows ReadWriteMany, or ReadOnlyMany with read-only ' +
      'mounts, is fine. Claims not in the scanned set are not judged.',
    remediation:
      'Share model weights through a ReadOnlyMany or ReadWriteMany claim (NFS, CephFS, a CSI driver for object ' +
      'storage) mounted readOnly, or give each replica its own claim with a StatefulSet volumeClaimTemplate.',
    messages: {
      shared:
        'Volume "{{volume}}" mounts {{mode}} PersistentVolumeClaim "{{claim}}", but {{pods}} may mount it at once{{others}}.',
    },
  },
  check(ctx) {
    const claimFor = claimResolver(ctx.bundle);
    const usesByClaim = new Map<Manifest, Use[]>();
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const claimTemplates = claimTemplateNames(template.workload);
      for (const volume of volumesOf(template)) {
        const claim = claimNameOf(volume);
        if (!claim || claimTemplates.has(volume.name)) continue;
        const pvc = claimFor(claim, template.workload.manifest);
        if (!pvc) continue;
        const list = usesByClaim.get(pvc);
        if (list) list.push({ template, volume });
        else usesByClaim.set(pvc, [{ template, volume }]);
      }
    }
    for (const [pvc, uses] of usesByClaim) {
      const modes = accessModes(pvc);
      const templates = new Set(uses.map((u) => u.template));
      let pods = 0;
      for (const t of templates) pods += podsOf(t, ctx.bundle);
      const workloads = new Set([...templates].map((t) => t.workload.manifest));
      for (const use of uses) {
        const reporter = ctx.on(use.template);
        const mode = blockingMode(modes, use);
        if (!mode || pods <= 1) continue;
        const others = [...workloads]
          .filter((m) => m !== use.template.workload.manifest)
          .map((m) => `${m.kind} "${m.name}"`);
        reporter.report('shared', [...use.volume.path, 'persistentVolumeClaim', 'claimName'], {
          volume: use.volume.name,
          mode,
          claim: pvc.name,
          pods: describePods(pods),
          others: others.length > 0 ? ` (with ${others.join(', ')})` : '',
        });
      }
    }
  },
});
