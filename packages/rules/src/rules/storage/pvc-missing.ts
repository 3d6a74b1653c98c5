import { defineRule } from '../../engine/rule';
import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { Path } from '../../model';
import { asString } from '../../util/json';
import { claimNameOf, claimTemplateNames, volumesOf } from '../../util/volumes';

interface ClaimRef {
  claim: string;
  path: Path;
  /** How the pod refers to it, for the message. */
  via: string;
}

/** KServe mounts the claim of a `pvc://<claim>/<path>` storageUri into the model server. */
function kserveClaims(template: PodTemplate): ClaimRef[] {
  if (template.workload.manifest.kind !== 'InferenceService') return [];
  const candidates: { value: unknown; path: Path }[] = [
    { value: template.spec.storageUri, path: [...template.specPath, 'storageUri'] },
    ...template.containers
      .filter((c: ContainerRef) => c.index === -1)
      .map((c) => ({ value: c.value.storageUri, path: [...c.path, 'storageUri'] })),
  ];
  const out: ClaimRef[] = [];
  for (const { value, path } of candidates) {
    const uri = asString(value);
    const claim = uri?.startsWith('pvc://') ? uri.slice('pvc://'.length).split('/')[0] : undefined;
    if (claim) out.push({ claim, path, via: `storageUri "${uri ?? ''}"` });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'storage/pvc-missing',
    category: 'storage',
    severity: 'warning',
    tags: ['reliability'],
    description:
      'A pod references a PVC that the scanned set does not define (only when the set is complete).',
    rationale:
      'A pod whose PersistentVolumeClaim does not exist stays Pending with "persistentvolumeclaim not found": a ' +
      'model server never starts, a training job never runs, and nothing fails loudly. Claims are namespaced, so ' +
      'a claim created in another namespace, or renamed in one file but not the other, breaks the same way. The ' +
      'rule runs only when the scanned set is complete; claims a StatefulSet or LeaderWorkerSet creates from its ' +
      'volumeClaimTemplates, and generic ephemeral volumes, are not references to check.',
    remediation:
      'Add the PersistentVolumeClaim to the manifests (in the namespace of the pod), or fix the claimName to the ' +
      "claim's real name. For per-replica storage, use a volumeClaimTemplate.",
    requiresComplete: true,
    // Not for live objects: claims are rarely labelled for the service, and a pod whose claim is
    // missing does not run. Files scanned as a whole are the place to catch it.
    messages: {
      missing:
        'Volume "{{volume}}" uses PersistentVolumeClaim "{{claim}}", which is not in namespace "{{namespace}}" of the scanned set.',
      storageUri:
        '{{via}} names PersistentVolumeClaim "{{claim}}", which is not in namespace "{{namespace}}" of the scanned set.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      const manifest = template.workload.manifest;
      const namespace = ctx.bundle.namespaceOf(manifest);
      const claimTemplates = claimTemplateNames(template.workload);
      const volumes = template.ownsPodSpec
        ? volumesOf(template).filter((v) => claimNameOf(v) && !claimTemplates.has(v.name))
        : [];
      const uris = kserveClaims(template);
      if (volumes.length === 0 && uris.length === 0) continue;
      const reporter = ctx.on(template);
      for (const volume of volumes) {
        const claim = claimNameOf(volume) ?? '';
        if (ctx.bundle.find('PersistentVolumeClaim', claim, manifest)) continue;
        reporter.report('missing', [...volume.path, 'persistentVolumeClaim', 'claimName'], {
          volume: volume.name,
          claim,
          namespace,
        });
      }
      for (const ref of uris) {
        if (ctx.bundle.find('PersistentVolumeClaim', ref.claim, manifest)) continue;
        reporter.report('storageUri', ref.path, { via: ref.via, claim: ref.claim, namespace });
      }
    }
  },
});
