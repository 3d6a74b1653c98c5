/** Volumes of pod templates and the mounts of their containers, as storage rules read them. */
import type { ContainerRef, PodTemplate, Workload } from '../bundle/workload';
import type { JsonObject, Path } from '../model';
import { asArray, asObject, asString, getIn, globToRegExp, isObject } from './json';

export interface VolumeRef {
  name: string;
  /** Path of the volume entry inside the object. */
  path: Path;
  value: JsonObject;
  /** The volume source field: `emptyDir`, `hostPath`, `persistentVolumeClaim`, `ephemeral`, … */
  source: string;
  /** The source's own value (`{ path: /var/run/docker.sock }` for a hostPath). */
  sourceValue: JsonObject | undefined;
}

export interface MountRef {
  /** The volume the mount names. */
  name: string;
  /** Normalised mount path (no trailing slash); undefined when absent or not a string. */
  mountPath: string | undefined;
  readOnly: boolean;
  /** Path of the mount entry inside the object. */
  path: Path;
  value: JsonObject;
}

const volumeCache = new WeakMap<PodTemplate, VolumeRef[]>();

/** The volumes a pod template declares (empty when its pod spec lives elsewhere). */
export function volumesOf(template: PodTemplate): VolumeRef[] {
  let out = volumeCache.get(template);
  if (out) return out;
  out = [];
  asArray(template.spec.volumes).forEach((v, i) => {
    if (!isObject(v)) return;
    const name = asString(v.name);
    if (name === undefined) return;
    // The source is the object-valued field; a malformed one (`hostPath: /x`) still names it,
    // and a volume without any source is an emptyDir (the API server defaults it so).
    const keys = Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined);
    const source = keys.find((k) => isObject(v[k])) ?? keys[0] ?? 'emptyDir';
    out?.push({
      name,
      path: [...template.specPath, 'volumes', i],
      value: v,
      source,
      sourceValue: asObject(v[source]),
    });
  });
  volumeCache.set(template, out);
  return out;
}

/** A template's volumes by name (the first one wins, as the API rejects duplicates anyway). */
export function volumeNamed(template: PodTemplate, name: string): VolumeRef | undefined {
  return volumesOf(template).find((v) => v.name === name);
}

/** The volume mounts of a container. */
export function mountsOf(container: ContainerRef): MountRef[] {
  const out: MountRef[] = [];
  asArray(container.value.volumeMounts).forEach((m, i) => {
    if (!isObject(m)) return;
    const name = asString(m.name);
    if (name === undefined) return;
    const raw = asString(m.mountPath);
    out.push({
      name,
      mountPath: raw === undefined ? undefined : normalizePath(raw),
      readOnly: m.readOnly === true || m.readOnly === 'true',
      path: [...container.path, 'volumeMounts', i],
      value: m,
    });
  });
  return out;
}

/** `/a//b/` → `/a/b`; the root stays `/`. */
export function normalizePath(p: string): string {
  const collapsed = p.trim().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/+$/, '') : collapsed;
}

/** Whether `path` is `dir` or inside it (path segments, not string prefixes). */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(`${dir}/`);
}

/** Matches paths against patterns where `*` matches anything (`/models/*` = inside /models). */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const res = patterns.map((p) => globToRegExp(normalizePath(p)));
  return (path) => res.some((re) => re.test(path));
}

/**
 * Names of the per-pod claims a workload declares next to its template (StatefulSet and
 * LeaderWorkerSet `volumeClaimTemplates`): the controller creates those PVCs itself and
 * replaces any pod volume of the same name.
 */
export function claimTemplateNames(workload: Workload): Set<string> {
  const out = new Set<string>();
  for (const t of claimTemplates(workload)) {
    const name = asString(getIn(t.value, ['metadata', 'name']));
    if (name !== undefined) out.add(name);
  }
  return out;
}

export interface ClaimTemplateRef {
  path: Path;
  value: JsonObject;
}

/** `volumeClaimTemplates` of a StatefulSet or LeaderWorkerSet, with their paths. */
export function claimTemplates(workload: Workload): ClaimTemplateRef[] {
  const m = workload.manifest;
  let base: Path | undefined;
  if (m.kind === 'StatefulSet' && (m.group === 'apps' || m.group === ''))
    base = ['spec', 'volumeClaimTemplates'];
  else if (m.kind === 'LeaderWorkerSet' && m.group === 'leaderworkerset.x-k8s.io')
    base = ['spec', 'leaderWorkerTemplate', 'volumeClaimTemplates'];
  if (!base) return [];
  const path = base;
  return asArray(getIn(m.object, path)).flatMap((value, i) =>
    isObject(value) ? [{ path: [...path, i], value }] : [],
  );
}

/** The claim name of a `persistentVolumeClaim` volume, when it is a usable string. */
export function claimNameOf(volume: VolumeRef): string | undefined {
  if (volume.source !== 'persistentVolumeClaim') return undefined;
  const name = asString(volume.sourceValue?.claimName);
  return name !== undefined && name !== '' ? name : undefined;
}

/** The mount (of the container) whose directory holds `path`: the deepest one wins. */
export function mountHolding(mounts: readonly MountRef[], path: string): MountRef | undefined {
  let best: MountRef | undefined;
  for (const m of mounts) {
    if (m.mountPath === undefined || !isUnder(path, m.mountPath)) continue;
    if (!best || (best.mountPath ?? '').length < m.mountPath.length) best = m;
  }
  return best;
}
