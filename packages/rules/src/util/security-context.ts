import type { ContainerRef, PodTemplate } from '../bundle/workload';
import type { JsonObject, JsonValue, Path, PathSegment } from '../model';
import { asObject, asString, getIn } from './json';

/** A setting and where it is written: the container, the pod, or a pod-template annotation. */
export interface Located<T> {
  value: T;
  path: Path;
  level: 'container' | 'pod' | 'annotation';
}

export function podSecurityContext(template: PodTemplate): JsonObject | undefined {
  return asObject(template.spec.securityContext);
}

export function containerSecurityContext(container: ContainerRef): JsonObject | undefined {
  return asObject(container.value.securityContext);
}

/** Path of a field of the container's securityContext (where to add it when missing). */
export function containerFieldPath(container: ContainerRef, ...field: PathSegment[]): Path {
  return [...container.path, 'securityContext', ...field];
}

/** Path of a field of the pod's securityContext. */
export function podFieldPath(template: PodTemplate, ...field: PathSegment[]): Path {
  return [...template.specPath, 'securityContext', ...field];
}

/**
 * A field that exists in both the pod and the container securityContext (`runAsUser`,
 * `runAsNonRoot`, `seccompProfile`…), as it applies to the container: the container's own value
 * wins over the pod's. `null` counts as unset, as in the API.
 */
export function effectiveField(
  template: PodTemplate,
  container: ContainerRef,
  field: string,
): Located<JsonValue> | undefined {
  const own = containerSecurityContext(container)?.[field];
  if (own !== undefined && own !== null)
    return { value: own, path: containerFieldPath(container, field), level: 'container' };
  const pod = podSecurityContext(template)?.[field];
  if (pod !== undefined && pod !== null)
    return { value: pod, path: podFieldPath(template, field), level: 'pod' };
  return undefined;
}

/**
 * Windows pods (`spec.os.name: windows`, or pinned to Windows nodes): Linux-only settings
 * (capabilities, seccomp, allowPrivilegeEscalation, readOnlyRootFilesystem, runAsUser) do not
 * apply there, and the API refuses some of them.
 */
export function isWindowsPod(template: PodTemplate): boolean {
  const os = asString(getIn(template.spec, ['os', 'name']));
  if (os !== undefined) return os === 'windows';
  return asString(getIn(template.spec, ['nodeSelector', 'kubernetes.io/os'])) === 'windows';
}

/**
 * Whether the template's pod-level security settings are visible here: not for a TrainJob, whose
 * pod spec lives in its runtime, nor for Windows pods when the check is Linux-only.
 */
export function hasLinuxPodSpec(template: PodTemplate): boolean {
  return template.ownsPodSpec && !isWindowsPod(template);
}

/** `SYS_ADMIN`, `CAP_SYS_ADMIN` and `sys_admin` name the same capability. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

/** The container's `capabilities.add`, normalized, with the path of each entry. */
export function addedCapabilities(container: ContainerRef): { name: string; path: Path }[] {
  const add = getIn(containerSecurityContext(container), ['capabilities', 'add']);
  if (!Array.isArray(add)) return [];
  const out: { name: string; path: Path }[] = [];
  add.forEach((value: unknown, i) => {
    if (typeof value === 'string' && value.trim() !== '')
      out.push({
        name: normalizeCapability(value),
        path: containerFieldPath(container, 'capabilities', 'add', i),
      });
  });
  return out;
}

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX =
  'container.seccomp.security.alpha.kubernetes.io/';

/** The legacy annotation values as the API server translates them into `seccompProfile.type`. */
function annotationType(value: string): string {
  if (value === 'runtime/default' || value === 'docker/default') return 'RuntimeDefault';
  if (value.startsWith('localhost/')) return 'Localhost';
  if (value === 'unconfined') return 'Unconfined';
  return value;
}

function fieldSeccomp(sc: JsonObject | undefined, path: Path): Located<string> | undefined {
  const profile = asObject(sc?.seccompProfile);
  const type = asString(profile?.type);
  return type === undefined ? undefined : { value: type, path: [...path, 'type'], level: 'pod' };
}

function annotationSeccomp(template: PodTemplate, key: string): Located<string> | undefined {
  const value = template.annotations[key];
  if (value === undefined || !template.metadataPath) return undefined;
  return {
    value: annotationType(value.trim()),
    path: [...template.metadataPath, 'annotations', key],
    level: 'annotation',
  };
}

/** The seccomp profile the container sets for itself: its field, else its legacy annotation. */
export function ownSeccomp(
  template: PodTemplate,
  container: ContainerRef,
): Located<string> | undefined {
  const own = fieldSeccomp(
    containerSecurityContext(container),
    containerFieldPath(container, 'seccompProfile'),
  );
  if (own) return { ...own, level: 'container' };
  return annotationSeccomp(template, `${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${container.name}`);
}

/**
 * The pod-wide seccomp profile type: the pod's field, else its legacy annotation. A container's
 * own setting ({@link ownSeccomp}) wins over it. Precedence follows the API server, which still
 * copies a legacy annotation into the unset field when it creates the pod. When neither sets one
 * the container runs Unconfined, unless the kubelet runs with `--seccomp-default`.
 */
export function podSeccomp(template: PodTemplate): Located<string> | undefined {
  return (
    fieldSeccomp(podSecurityContext(template), podFieldPath(template, 'seccompProfile')) ??
    annotationSeccomp(template, SECCOMP_POD_ANNOTATION)
  );
}

/** Profiles that confine system calls. */
export function isConfiningSeccomp(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}
