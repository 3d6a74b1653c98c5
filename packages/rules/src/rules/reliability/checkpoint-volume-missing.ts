import type { Bundle } from '../../bundle/bundle';
import type { PodTemplate, Workload } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { Facts } from '../../engine/facts';
import type { JsonObject, JsonValue } from '../../model';
import { asArray, asObject, asString, getIn, isObject } from '../../util/json';

/** Volume sources whose data outlives the pod and follows it to another node. */
const PERSISTENT_SOURCES = [
  'persistentVolumeClaim',
  'nfs',
  'csi',
  'cephfs',
  'glusterfs',
  'azureFile',
  'azureDisk',
  'awsElasticBlockStore',
  'gcePersistentDisk',
  'iscsi',
  'fc',
  'rbd',
  'cinder',
  'vsphereVolume',
  'portworxVolume',
  'quobyte',
  'storageos',
  'scaleIO',
  'flexVolume',
  'photonPersistentDisk',
];

/** CSI drivers that project secrets or certificates, not storage. */
const NON_STORAGE_CSI = /secrets-store|cert-manager|spiffe|spire/i;

/** An object-store or distributed-filesystem URI a run may write checkpoints to directly. */
const REMOTE_URI = /\b(?:s3a?|gs|gcs|az|abfss?|wasbs?|hdfs|oss|cos|r2):\/\/\S/i;

const RUNTIME_KINDS = new Set(['TrainingRuntime', 'ClusterTrainingRuntime']);

function isPersistent(volume: JsonObject): boolean {
  for (const source of PERSISTENT_SOURCES) {
    const spec = asObject(volume[source]);
    if (!spec) continue;
    if (source === 'csi' && NON_STORAGE_CSI.test(asString(spec.driver) ?? '')) continue;
    return true;
  }
  return false;
}

/** Persistent volumes a container of the pod mounts. */
function mountsPersistentVolume(volumes: JsonValue[], containers: JsonObject[]): boolean {
  const persistent = new Set(
    volumes
      .filter(isObject)
      .filter(isPersistent)
      .map((v) => asString(v.name)),
  );
  return containers.some((c) =>
    asArray(c.volumeMounts).some((m) => isObject(m) && persistent.has(asString(m.name))),
  );
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

/** Whether a container's command, args or env name a remote storage URI. */
function writesRemote(container: JsonObject): boolean {
  const env = asArray(container.env).map((e) => asObject(e)?.value);
  return [...strings(container.command), ...strings(container.args), ...strings(env)].some((s) =>
    REMOTE_URI.test(s),
  );
}

function templateStores(template: PodTemplate): boolean {
  const containers = template.containers.map((c) => c.value);
  return (
    mountsPersistentVolume(asArray(template.spec.volumes), containers) ||
    containers.some(writesRemote)
  );
}

/** TrainJob: volumes of its podSpecOverrides, else those of its runtime when it is in the set. */
function trainJobStores(bundle: Bundle, workload: Workload): boolean | undefined {
  const m = workload.manifest;
  for (const override of asArray(getIn(m.object, ['spec', 'podSpecOverrides']))) {
    if (!isObject(override)) continue;
    const containers = asArray(override.containers).filter(isObject);
    if (mountsPersistentVolume(asArray(override.volumes), containers)) return true;
  }
  const trainer = asObject(getIn(m.object, ['spec', 'trainer']));
  if (trainer && writesRemote(trainer)) return true;
  const ref = asObject(getIn(m.object, ['spec', 'runtimeRef']));
  const name = asString(ref?.name);
  const runtime = name
    ? bundle.find(asString(ref?.kind) ?? 'ClusterTrainingRuntime', name, m)
    : undefined;
  const runtimeWorkload = runtime && bundle.workloadOf(runtime);
  if (!runtimeWorkload) return undefined;
  return runtimeWorkload.templates.some(templateStores);
}

function stores(bundle: Bundle, workload: Workload): boolean | undefined {
  if (workload.templates.some((t) => !t.ownsPodSpec)) return trainJobStores(bundle, workload);
  if (workload.templates.some(templateStores)) return true;
  // A RayJob's entrypoint often names its storage_path.
  return REMOTE_URI.test(asString(getIn(workload.manifest.object, ['spec', 'entrypoint'])) ?? '');
}

/**
 * Training runs: Kubeflow jobs and TrainJobs, GPU Jobs, CronJobs, JobSets and Volcano Jobs, and
 * RayJobs that use GPUs (a CPU RayJob is data processing far more often than training).
 */
function applies(facts: Facts, workload: Workload): boolean {
  const m = workload.manifest;
  if (RUNTIME_KINDS.has(m.kind) || !facts.isTraining(workload)) return false;
  return m.kind !== 'RayJob' || facts.isGpuWorkload(workload);
}

/** The template to report on: the first that uses GPUs (where training runs), else the first. */
function mainTemplate(facts: Facts, workload: Workload): PodTemplate | undefined {
  return workload.templates.find((t) => facts.isGpuTemplate(t)) ?? workload.templates[0];
}

export default defineRule({
  meta: {
    id: 'reliability/checkpoint-volume-missing',
    category: 'reliability',
    severity: 'info',
    tags: ['training', 'storage'],
    description:
      'A training job (PyTorchJob, TrainJob, RayJob, Job with a GPU) without a persistent volume for checkpoints.',
    rationale:
      'Training runs are preempted, evicted and lose nodes; a run that checkpoints only to the container ' +
      'filesystem or an emptyDir loses everything with its pod and restarts from step zero, paying the GPU ' +
      'hours again. RayJobs count when they use GPUs (a CPU RayJob is usually data processing). A run counts as storing checkpoints when a container mounts a persistent volume (a PVC, ' +
      'NFS, a storage CSI driver such as an object-store or Lustre mount, or another network volume) or names ' +
      'an object-store URI (s3://, gs://, abfs://, hdfs://…) in its command, args, env or RayJob entrypoint. ' +
      'A hostPath does not count: the data stays on a node the run may not come back to. A TrainJob is judged ' +
      'by its podSpecOverrides and, when it is in the scanned set, its training runtime.',
    remediation:
      'Mount a PersistentVolumeClaim (ReadWriteMany for multi-node runs) or an object-store CSI volume at ' +
      "the checkpoint directory, or point the trainer's checkpoint path at object storage.",
    messages: {
      missing:
        '{{kind}} "{{name}}" mounts no persistent volume for checkpoints: a preempted or failed run starts over.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      if (!applies(ctx.facts, workload)) continue;
      const template = mainTemplate(ctx.facts, workload);
      if (!template) continue;
      const persistent = stores(ctx.bundle, workload);
      if (persistent === undefined) continue;
      const reporter = ctx.on(template);
      if (persistent) continue;
      const path = template.ownsPodSpec
        ? [...template.specPath, 'volumes']
        : ['spec', 'podSpecOverrides'];
      reporter.report('missing', path, { kind: m.kind, name: m.name });
    }
  },
});
