import { defineRule } from '../../engine/rule';
import type { Reporter } from '../../engine/context';
import type { JsonObject, Path } from '../../model';
import { asObject, asString, getIn } from '../../util/json';
import { claimTemplates, volumesOf } from '../../util/volumes';

type MessageId = 'storageMissing' | 'classMissing';

const CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Checks one claim spec (`spec` of a PVC or of a claim template) at `path` in its object. */
function checkClaim(
  reporter: Reporter<MessageId>,
  claim: JsonObject | undefined,
  path: Path,
  what: string,
): void {
  const spec = asObject(claim?.spec);
  const storage = getIn(spec, ['resources', 'requests', 'storage']);
  if (storage === undefined || storage === null || storage === '')
    reporter.report('storageMissing', [...path, 'spec', 'resources', 'requests', 'storage'], {
      claim: what,
    });
  const className = spec?.storageClassName;
  const annotated = asString(getIn(claim, ['metadata', 'annotations', CLASS_ANNOTATION]));
  // `storageClassName: ""` is a deliberate choice: bind to a pre-created PV, no provisioning.
  if ((className === undefined || className === null) && annotated === undefined)
    reporter.report('classMissing', [...path, 'spec', 'storageClassName'], { claim: what });
}

export default defineRule({
  meta: {
    id: 'storage/pvc-size-missing',
    category: 'storage',
    severity: 'info',
    tags: ['portability'],
    description: 'A PVC without storage request or storageClassName.',
    rationale:
      'The size of a claim is what gets provisioned: without `resources.requests.storage` the API server rejects ' +
      'the claim. Without a `storageClassName` the claim takes whatever default StorageClass the cluster has, ' +
      'which differs between clusters and is often a slow network disk: model weights then load minutes slower, ' +
      'or the claim stays Pending where no default exists. The same holds for the claim templates of ' +
      'StatefulSets, LeaderWorkerSets and generic ephemeral volumes.',
    remediation:
      'Set spec.resources.requests.storage to the size you need (for example `200Gi` for a model cache) and ' +
      'spec.storageClassName to the class that fits the workload (a fast SSD class for model weights). Use ' +
      '`storageClassName: ""` to bind to a pre-created PersistentVolume.',
    messages: {
      storageMissing: '{{claim}} requests no storage size (spec.resources.requests.storage).',
      classMissing:
        "{{claim}} sets no storageClassName, so it gets the cluster's default StorageClass, if there is one.",
    },
  },
  check(ctx) {
    for (const pvc of ctx.bundle.ofKind('PersistentVolumeClaim')) {
      if (pvc.group !== '') continue;
      checkClaim(ctx.on(pvc), pvc.object, [], `PersistentVolumeClaim "${pvc.name}"`);
    }
    for (const workload of ctx.bundle.workloads) {
      for (const t of claimTemplates(workload)) {
        const name = asString(getIn(t.value, ['metadata', 'name'])) ?? '?';
        checkClaim(ctx.on(workload.manifest), t.value, t.path, `Claim template "${name}"`);
      }
      for (const template of workload.templates) {
        for (const volume of volumesOf(template)) {
          if (volume.source !== 'ephemeral') continue;
          const claim = asObject(volume.sourceValue?.volumeClaimTemplate);
          checkClaim(
            ctx.on(template),
            claim,
            [...volume.path, 'ephemeral', 'volumeClaimTemplate'],
            `Ephemeral volume "${volume.name}"`,
          );
        }
      }
    }
  },
});
