import { parseAllDocuments, stringify } from 'yaml';
import { extractWorkload } from '../bundle/extract';
import type { PodTemplate } from '../bundle/workload';
import { formatPath } from '../model';
import type { Finding, JsonObject, Manifest } from '../model';
import { asObject, getIn } from '../util/json';

/** Kinds an invalid case can be re-run as, so a rule cannot forget a kind. */
export type VariantKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'CronJob'
  | 'PyTorchJob'
  | 'RayCluster'
  | 'RayService'
  | 'InferenceService'
  | 'LeaderWorkerSet'
  | 'JobSet'
  | 'Rollout';

export const DEFAULT_VARIANTS: readonly VariantKind[] = ['Deployment', 'CronJob', 'PyTorchJob'];

const BATCH: ReadonlySet<VariantKind> = new Set(['Job', 'CronJob', 'PyTorchJob', 'JobSet']);

interface Source {
  docs: unknown[];
  workloadIndex: number;
  template: PodTemplate;
}

function fakeManifest(value: JsonObject, index: number): Manifest {
  const apiVersion = String(value.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  const metadata = asObject(value.metadata) ?? {};
  return {
    index,
    apiVersion,
    kind: String(value.kind ?? ''),
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    name: String(metadata.name ?? ''),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    object: value,
    origin: { type: 'live', cluster: '' },
  };
}

/** The case's only workload with a single pod template, or undefined when it has none or several. */
export function variantSource(code: string): Source | undefined {
  const docs = parseAllDocuments(code, { merge: true });
  if (!Array.isArray(docs)) return undefined;
  const values = docs.map((d) => d.toJS() as unknown);
  let found: Source | undefined;
  for (const [i, value] of values.entries()) {
    const obj = asObject(value);
    if (!obj) continue;
    const w = extractWorkload(fakeManifest(obj, i));
    if (!w) continue;
    if (found || w.templates.length !== 1 || !w.templates[0]?.ownsPodSpec) return undefined;
    found = { docs: values, workloadIndex: i, template: w.templates[0] };
  }
  return found;
}

function podSpecFor(kind: VariantKind, spec: JsonObject): JsonObject {
  const out: JsonObject = { ...spec };
  const restart = out.restartPolicy;
  if (BATCH.has(kind)) {
    if (restart === undefined || restart === 'Always') out.restartPolicy = 'OnFailure';
  } else if (restart !== undefined && restart !== 'Always') {
    delete out.restartPolicy;
  }
  return out;
}

/** The case's workload rewritten as `kind`, with the same metadata, pod template and replicas. */
export function buildVariant(source: Source, kind: VariantKind): string {
  const original = asObject(source.docs[source.workloadIndex]) ?? {};
  const metadata = asObject(original.metadata) ?? { name: 'variant' };
  const t = source.template;
  const templateMeta = t.metadataPath ? (asObject(getIn(original, t.metadataPath)) ?? {}) : {};
  const labels =
    Object.keys(t.labels).length > 0
      ? { ...asObject(templateMeta.labels) }
      : { app: String(metadata.name ?? 'variant') };
  const template: JsonObject = {
    metadata: { ...templateMeta, labels },
    spec: podSpecFor(kind, t.spec),
  };
  const replicas = t.workload.replicas ?? t.replicas ?? 1;
  let spec: JsonObject;
  let apiVersion: string;
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'Rollout':
      apiVersion = kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1';
      spec = { replicas, selector: { matchLabels: labels }, template };
      if (kind === 'StatefulSet') spec.serviceName = String(metadata.name ?? 'variant');
      break;
    case 'DaemonSet':
      apiVersion = 'apps/v1';
      spec = { selector: { matchLabels: labels }, template };
      break;
    case 'Job':
      apiVersion = 'batch/v1';
      spec = { template };
      break;
    case 'CronJob':
      apiVersion = 'batch/v1';
      spec = { schedule: '0 * * * *', jobTemplate: { spec: { template } } };
      break;
    case 'PyTorchJob':
      apiVersion = 'kubeflow.org/v1';
      spec = {
        pytorchReplicaSpecs: { Worker: { replicas, restartPolicy: 'OnFailure', template } },
      };
      break;
    case 'JobSet':
      apiVersion = 'jobset.x-k8s.io/v1alpha2';
      spec = { replicatedJobs: [{ name: 'workers', replicas, template: { spec: { template } } }] };
      break;
    case 'RayCluster':
      apiVersion = 'ray.io/v1';
      spec = { headGroupSpec: { rayStartParams: {}, template } };
      break;
    case 'RayService':
      apiVersion = 'ray.io/v1';
      spec = { rayClusterConfig: { headGroupSpec: { rayStartParams: {}, template } } };
      break;
    case 'InferenceService':
      apiVersion = 'serving.kserve.io/v1beta1';
      spec = { predictor: { minReplicas: replicas, ...podSpecFor(kind, t.spec) } };
      break;
    case 'LeaderWorkerSet':
      apiVersion = 'leaderworkerset.x-k8s.io/v1';
      spec = { replicas, leaderWorkerTemplate: { size: 1, workerTemplate: template } };
      break;
  }
  const objectMeta: JsonObject = { ...metadata };
  if (kind === 'InferenceService') objectMeta.labels = { ...asObject(metadata.labels), ...labels };
  const docs = source.docs.map((d, i) =>
    i === source.workloadIndex ? { apiVersion, kind, metadata: objectMeta, spec } : d,
  );
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

/**
 * A finding's place relative to its pod template, so findings of two kinds can be compared:
 * `spec:<path>` inside the pod spec, `meta:<path>` in the template metadata, `@<kind>` elsewhere.
 */
export function relativePlace(f: Finding, template: PodTemplate | undefined): string {
  if (template) {
    for (const [prefix, tag] of [
      [template.specPath, 'spec'],
      [template.metadataPath, 'meta'],
    ] as const) {
      if (!prefix) continue;
      const p = formatPath(prefix);
      if (f.path === p) return `${tag}:`;
      if (f.path.startsWith(`${p}.`) || f.path.startsWith(`${p}[`))
        return `${tag}:${f.path.slice(p.length).replace(/^\./, '')}`;
    }
  }
  return `@${f.object?.kind === template?.workload.manifest.kind ? 'workload' : `${f.object?.kind}/${f.object?.name}`}:${f.path}`;
}
