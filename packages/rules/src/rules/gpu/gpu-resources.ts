/** What several GPU rules need to know about GPU resources, pod placement and shared memory. */
import type { Bundle } from '../../bundle/bundle';
import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { GpuResource } from '../../engine/facts';
import type { JsonObject, JsonValue, Path } from '../../model';
import { asArray, asObject, asString, getIn, isObject } from '../../util/json';
import { parseQuantity } from '../../util/quantity';

/**
 * MIG devices as the NVIDIA device plugin names them with the `mixed` strategy: `mig-` and the
 * profile (`<slices>g.<memory>gb`, a `+me` / `+me.all` / `-me` media variant written with `.`),
 * plus `.shared` when time-slicing or MPS renames it.
 */
const MIG_PROFILE = /^nvidia\.com\/mig-[1-7]g\.[1-9]\d*gb(?:\.me(?:\.all)?|-me)?(?:\.shared)?$/;

export function isMigName(name: string): boolean {
  return name.toLowerCase().startsWith('nvidia.com/mig-');
}

export function isMigProfile(name: string): boolean {
  return MIG_PROFILE.test(name);
}

/** The value that decides the device count: the limit when set (the request must equal it). */
export function countValue(r: GpuResource): JsonValue | undefined {
  return r.limit ?? r.request ?? undefined;
}

/** Where a GPU resource's count is written: `limits.<name>` when set, else `requests.<name>`. */
export function countPath(container: ContainerRef, r: GpuResource): Path {
  const field = r.limit !== undefined && r.limit !== null ? 'limits' : 'requests';
  return [...container.resourcesPath, field, r.name];
}

/** The container asks for this resource: a positive count, or one that does not parse. */
export function asksFor(r: GpuResource): boolean {
  return [r.request, r.limit].some((v) => {
    if (v === undefined || v === null) return false;
    const n = parseQuantity(v);
    return n === undefined || n > 0;
  });
}

/** Sidecar containers are init containers that keep running (`restartPolicy: Always`). */
export function isSidecar(container: ContainerRef): boolean {
  return container.init && asString(container.value.restartPolicy) === 'Always';
}

const KUEUE_QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';

/**
 * Kueue admits the workload and injects its ResourceFlavor's node labels and tolerations into
 * the pods: placement is Kueue's job, not the manifest's.
 */
export function kueueManaged(template: PodTemplate): boolean {
  const objectLabels = asObject(getIn(template.workload.manifest.object, ['metadata', 'labels']));
  return (
    asString(objectLabels?.[KUEUE_QUEUE_LABEL]) !== undefined ||
    template.labels[KUEUE_QUEUE_LABEL] !== undefined
  );
}

export const SHM_PATH = '/dev/shm';

function normalizeMountPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export interface Mount {
  /** Index in the container's volumeMounts. */
  index: number;
  name: string | undefined;
  mountPath: string;
}

export function mountsOf(container: JsonObject): Mount[] {
  const out: Mount[] = [];
  asArray(container.volumeMounts).forEach((m, index) => {
    if (!isObject(m)) return;
    const mountPath = asString(m.mountPath);
    if (mountPath !== undefined)
      out.push({ index, name: asString(m.name), mountPath: normalizeMountPath(mountPath) });
  });
  return out;
}

export interface Volume {
  /** Index in the pod spec's volumes. */
  index: number;
  name: string;
  value: JsonObject;
}

export function volumesOf(podSpec: JsonObject): Map<string, Volume> {
  const out = new Map<string, Volume>();
  asArray(podSpec.volumes).forEach((v, index) => {
    if (!isObject(v)) return;
    const name = asString(v.name);
    if (name !== undefined && !out.has(name)) out.set(name, { index, name, value: v });
  });
  return out;
}

/** An emptyDir backed by memory (tmpfs). */
export function memoryEmptyDir(volume: JsonObject): JsonObject | undefined {
  const emptyDir = asObject(volume.emptyDir);
  return emptyDir && asString(emptyDir.medium) === 'Memory' ? emptyDir : undefined;
}

/**
 * KubeRay adds a memory-backed `/dev/shm` volume to the Ray container (the first one) of every
 * head and worker pod that does not mount one itself.
 */
export function rayInjectsShm(template: PodTemplate, container: ContainerRef): boolean {
  const m = template.workload.manifest;
  return (
    m.group === 'ray.io' &&
    template.role !== 'submitter' &&
    !container.init &&
    container.index === 0
  );
}

/**
 * The volumes and mounts of a KServe model container, merged with those of the ServingRuntime
 * it names (KServe builds the pod from both). Undefined when the runtime is not in the set.
 */
export function kserveRuntimeMounts(
  bundle: Bundle,
  template: PodTemplate,
  container: ContainerRef,
): { mounts: Mount[]; volumes: Map<string, Volume> } | undefined {
  const m = template.workload.manifest;
  const runtimeName = asString(container.value.runtime);
  if (runtimeName === undefined) return undefined;
  const runtime =
    bundle.find('ServingRuntime', runtimeName, m) ??
    bundle.find('ClusterServingRuntime', runtimeName, m);
  const spec = asObject(runtime?.object.spec);
  if (!spec) return undefined;
  const containers = asArray(spec.containers).filter(isObject);
  const main = containers.find((c) => c.name === 'kserve-container') ?? containers[0];
  const volumes = volumesOf(template.spec);
  for (const [name, v] of volumesOf(spec)) if (!volumes.has(name)) volumes.set(name, v);
  return { mounts: [...mountsOf(container.value), ...(main ? mountsOf(main) : [])], volumes };
}

/** A KServe container whose pod is completed from a ServingRuntime (model and framework fields). */
export function isKServeRuntimeContainer(template: PodTemplate, container: ContainerRef): boolean {
  const m = template.workload.manifest;
  return m.group === 'serving.kserve.io' && m.kind === 'InferenceService' && container.index === -1;
}
