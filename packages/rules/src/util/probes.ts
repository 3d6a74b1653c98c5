/**
 * Container probes as the kubelet runs them: defaults, handlers, the time a probe allows before it
 * acts, and the probes operators supply when a manifest gives none.
 */
import type { Bundle } from '../bundle/bundle';
import type { ContainerRef, PodTemplate, Workload } from '../bundle/workload';
import type { Facts } from '../engine/facts';
import type { JsonObject, JsonValue, Manifest, Path } from '../model';
import { asArray, asNumber, asObject, asString, getIn, isObject } from './json';

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';
export const PROBE_KINDS: readonly ProbeKind[] = [
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
];

export type HandlerKind = 'httpGet' | 'tcpSocket' | 'grpc' | 'exec';
const HANDLERS: readonly HandlerKind[] = ['httpGet', 'tcpSocket', 'grpc', 'exec'];

/** The subject a probe belongs to (a `ctx.containers()` item). */
export interface ProbeSubject {
  container: ContainerRef;
  template: PodTemplate;
  workload: Workload;
}

/** Kubernetes defaults for the timing fields of a probe. */
export const PROBE_DEFAULTS = Object.freeze({
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
});

export type ProbeTiming = { -readonly [K in keyof typeof PROBE_DEFAULTS]: number };

/**
 * Where the probe a container runs with comes from:
 * - `own`: written on the container (`path` is where);
 * - `runtime`: not on the container, but in the KServe ServingRuntime it is merged with;
 * - `operator`: injected by an operator (KubeRay, KServe) whose settings the rules do not judge;
 * - `none`: the container runs without one;
 * - `unknown`: it may come from an object outside the scanned set.
 */
export type ProbeSource =
  | { kind: 'own'; probe: JsonObject; path: Path }
  | { kind: 'runtime'; probe: JsonObject; by: string }
  | { kind: 'operator'; by: string }
  | { kind: 'none' }
  | { kind: 'unknown' };

/** The probe written on the container, when it is an object. */
export function ownProbe(container: ContainerRef, kind: ProbeKind): JsonObject | undefined {
  return asObject(container.value[kind]);
}

/**
 * The timing of a probe with Kubernetes defaults filled in. A value the API would reject (a
 * non-number, zero or a negative for the fields that default when 0) reads as the default.
 */
export function probeTiming(probe: JsonObject): ProbeTiming {
  const read = (key: keyof ProbeTiming, zeroIsDefault: boolean): number => {
    const v = asNumber(probe[key]);
    if (v === undefined || v < 0 || (zeroIsDefault && v === 0)) return PROBE_DEFAULTS[key];
    return v;
  };
  return {
    initialDelaySeconds: read('initialDelaySeconds', false),
    timeoutSeconds: read('timeoutSeconds', true),
    periodSeconds: read('periodSeconds', true),
    successThreshold: read('successThreshold', true),
    failureThreshold: read('failureThreshold', true),
  };
}

/**
 * Seconds from container start until the probe's failures make the kubelet act (restart the
 * container for a liveness or startup probe): initialDelaySeconds + failureThreshold × periodSeconds.
 */
export function probeBudget(probe: JsonObject): number {
  const t = probeTiming(probe);
  return t.initialDelaySeconds + t.failureThreshold * t.periodSeconds;
}

/** `initialDelay + failureThreshold × period`, with the values in use. */
export function budgetFormula(probe: JsonObject): string {
  const t = probeTiming(probe);
  return `${t.initialDelaySeconds} + ${t.failureThreshold} × ${t.periodSeconds}`;
}

/** The handler of a probe (`httpGet`, `tcpSocket`, `grpc` or `exec`), when it has one. */
export function probeHandler(
  probe: JsonObject,
): { kind: HandlerKind; value: JsonObject } | undefined {
  for (const kind of HANDLERS) {
    const value = asObject(probe[kind]);
    if (value) return { kind, value };
  }
  return undefined;
}

const RAY_KINDS = new Set(['RayCluster', 'RayService', 'RayJob']);
const KSERVE_SERVING_CONTAINERS = new Set(['kserve-container', 'transformer-container']);

function isKServe(workload: Workload): boolean {
  const m = workload.manifest;
  return m.group === 'serving.kserve.io' && m.kind === 'InferenceService';
}

/**
 * The Ray container of a head or worker pod (the first container), into which KubeRay (1.1 and
 * later, by default) injects liveness and readiness probes that check the raylet and the GCS.
 */
export function isRayContainer({ container, template, workload }: ProbeSubject): boolean {
  const m = workload.manifest;
  return (
    m.group === 'ray.io' &&
    RAY_KINDS.has(m.kind) &&
    template.role !== 'submitter' &&
    !container.init &&
    container.index === 0
  );
}

/**
 * The container of a KServe component that serves requests: a model or framework field
 * (`predictor.model`, `predictor.sklearn`…), else the first of `containers` (the others are
 * sidecars), or one KServe names so.
 */
export function isKServeServingContainer({ container, template, workload }: ProbeSubject): boolean {
  if (!isKServe(workload) || container.init) return false;
  if (KSERVE_SERVING_CONTAINERS.has(container.name) || container.index === -1) return true;
  return container.index === 0 && !template.containers.some((c) => c.index === -1);
}

/** A KServe model or framework field, merged with the container of a ServingRuntime. */
function runtimeOf(bundle: Bundle, s: ProbeSubject): Manifest | 'auto' | 'missing' | undefined {
  if (!isKServe(s.workload) || s.container.index !== -1) return undefined;
  const name = asString(s.container.value.runtime);
  if (!name) return 'auto';
  const m = s.workload.manifest;
  return (
    bundle.find('ServingRuntime', name, m) ??
    bundle.find('ClusterServingRuntime', name, m) ??
    'missing'
  );
}

function runtimeContainer(runtime: Manifest): JsonObject | undefined {
  const containers = asArray(getIn(runtime.object, ['spec', 'containers'])).filter(isObject);
  return containers.find((c) => c.name === 'kserve-container') ?? containers[0];
}

/** Where the probe the container runs with comes from. */
export function resolveProbe(bundle: Bundle, s: ProbeSubject, kind: ProbeKind): ProbeSource {
  const own = ownProbe(s.container, kind);
  if (own) return { kind: 'own', probe: own, path: [...s.container.path, kind] };
  if (kind !== 'startupProbe' && isRayContainer(s)) return { kind: 'operator', by: 'KubeRay' };
  // KServe gives the serving container a TCP readiness probe (Knative in Serverless mode, the
  // raw-deployment reconciler otherwise).
  if (kind === 'readinessProbe' && isKServeServingContainer(s))
    return { kind: 'operator', by: 'KServe' };
  const runtime = runtimeOf(bundle, s);
  if (runtime === 'auto' || runtime === 'missing') return { kind: 'unknown' };
  if (runtime) {
    const probe = asObject(runtimeContainer(runtime)?.[kind]);
    if (probe) return { kind: 'runtime', probe, by: `${runtime.kind} "${runtime.name}"` };
  }
  return { kind: 'none' };
}

/** The probe object of a source that has one (`own` or `runtime`). */
export function probeOf(source: ProbeSource): JsonObject | undefined {
  return source.kind === 'own' || source.kind === 'runtime' ? source.probe : undefined;
}

/**
 * Whether the container is the one that loads the model, whose probes must allow for it: it
 * uses a GPU, its image names a model server, it is the only container of its pod, or it is the
 * serving container of a serving kind (a KServe component, the Ray container of a RayService).
 */
export function loadsModel(facts: Facts, s: ProbeSubject): boolean {
  const { container, template, workload } = s;
  if (container.init) return false;
  if (facts.usesGpu(container)) return true;
  if (facts.hasServerToken(asString(container.value.image) ?? '')) return true;
  if (template.containers.filter((c) => !c.init).length === 1) return true;
  return workload.serving && (isKServeServingContainer(s) || isRayContainer(s));
}

/** A JSON value with map keys sorted, for comparing values regardless of key order. */
export function canonical(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
