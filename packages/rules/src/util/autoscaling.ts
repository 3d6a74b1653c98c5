/**
 * What scales a workload: HorizontalPodAutoscalers and KEDA ScaledObjects (read from the bundle),
 * and the autoscalers that operators run themselves (KServe's Knative KPA or HPA, the Ray
 * autoscaler). Shared by the scaling rules and gpu/hpa-cpu-only.
 */
import type { Bundle } from '../bundle/bundle';
import type { Workload } from '../bundle/workload';
import type { JsonObject, Manifest, Path } from '../model';
import { asArray, asNumber, asObject, asString, getIn, isObject, stringMap } from './json';

export const HPA = 'HorizontalPodAutoscaler';
export const SCALED_OBJECT = 'ScaledObject';

/** One replica bound of an autoscaler, with its API default applied. */
export interface ReplicaBound {
  /** The effective value; undefined when the field holds something that is not a number. */
  value: number | undefined;
  /** Whether the field is written in the object. */
  set: boolean;
  path: Path;
}

export interface ScalerBounds {
  min: ReplicaBound;
  max: ReplicaBound;
}

function bound(obj: JsonObject, path: Path, fallback: number | undefined): ReplicaBound {
  const raw = getIn(obj, path);
  if (raw === undefined || raw === null) return { value: fallback, set: false, path };
  return { value: asNumber(raw), set: true, path };
}

/**
 * minReplicas/maxReplicas of an HPA (defaults 1 and none: maxReplicas is required), or
 * minReplicaCount/maxReplicaCount of a ScaledObject (KEDA defaults 0 and 100).
 */
export function scalerBounds(scaler: Manifest): ScalerBounds {
  const obj = scaler.object;
  if (scaler.kind === SCALED_OBJECT)
    return {
      min: bound(obj, ['spec', 'minReplicaCount'], 0),
      max: bound(obj, ['spec', 'maxReplicaCount'], 100),
    };
  return {
    min: bound(obj, ['spec', 'minReplicas'], 1),
    max: bound(obj, ['spec', 'maxReplicas'], undefined),
  };
}

const CPU_MEMORY = new Set(['cpu', 'memory']);

/** The signals an autoscaler scales on, as far as CPU and memory are concerned. */
export type ScalingSignals =
  /** Only CPU and/or memory. `defaulted`: no metric is written, so the API's 80% CPU applies. */
  | { type: 'cpuMemoryOnly'; names: string[]; path: Path; defaulted: boolean }
  /** At least one other signal (requests, queue length, a GPU metric…). */
  | { type: 'other' }
  /** Cannot tell (an unreadable list). */
  | { type: 'unknown' };

function metricResourceName(metric: JsonObject): string | undefined | null {
  const type = asString(metric.type);
  if (type === 'Resource') return asString(getIn(metric, ['resource', 'name'])) ?? null;
  if (type === 'ContainerResource')
    return asString(getIn(metric, ['containerResource', 'name'])) ?? null;
  return undefined;
}

/**
 * Classifies a list of HPA metrics (autoscaling/v2, v2beta1, v2beta2, or the v1
 * `autoscaling.alpha.kubernetes.io/metrics` annotation). `null` from metricResourceName is a
 * Resource metric without a readable name: unknown.
 */
function classifyMetrics(metrics: unknown[], path: Path): ScalingSignals {
  const names = new Set<string>();
  for (const m of metrics) {
    if (!isObject(m)) return { type: 'unknown' };
    const name = metricResourceName(m);
    if (name === null) return { type: 'unknown' };
    if (name === undefined || !CPU_MEMORY.has(name)) return { type: 'other' };
    names.add(name);
  }
  return { type: 'cpuMemoryOnly', names: [...names].sort(), path, defaulted: false };
}

function hpaV1Signals(hpa: Manifest): ScalingSignals {
  // autoscaling/v1 keeps v2 metrics it cannot express in this annotation (a JSON list).
  const extra = stringMap(getIn(hpa.object, ['metadata', 'annotations']))[
    'autoscaling.alpha.kubernetes.io/metrics'
  ];
  if (extra !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(extra);
    } catch {
      return { type: 'unknown' };
    }
    if (!Array.isArray(parsed)) return { type: 'unknown' };
    const signals = classifyMetrics(parsed, ['metadata', 'annotations']);
    if (signals.type !== 'cpuMemoryOnly') return signals;
  }
  const path = ['spec', 'targetCPUUtilizationPercentage'];
  const set = getIn(hpa.object, path) !== undefined;
  return { type: 'cpuMemoryOnly', names: ['cpu'], path, defaulted: !set };
}

function hpaSignals(hpa: Manifest): ScalingSignals {
  if (hpa.apiVersion === 'autoscaling/v1') return hpaV1Signals(hpa);
  const path = ['spec', 'metrics'];
  const raw = getIn(hpa.object, path);
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) return { type: 'unknown' };
  const metrics = asArray(raw);
  // No metric at all: the API server defaults to 80% average CPU utilization.
  if (metrics.length === 0) return { type: 'cpuMemoryOnly', names: ['cpu'], path, defaulted: true };
  return classifyMetrics(metrics, path);
}

function scaledObjectSignals(so: Manifest): ScalingSignals {
  const path = ['spec', 'triggers'];
  const triggers = getIn(so.object, path);
  // KEDA requires at least one trigger: an empty or unreadable list says nothing.
  if (!Array.isArray(triggers) || triggers.length === 0) return { type: 'unknown' };
  const names = new Set<string>();
  for (const t of triggers) {
    const type = asString(asObject(t)?.type);
    if (type === undefined) return { type: 'unknown' };
    if (!CPU_MEMORY.has(type)) return { type: 'other' };
    names.add(type);
  }
  return { type: 'cpuMemoryOnly', names: [...names].sort(), path, defaulted: false };
}

/** What an HPA or ScaledObject scales on. */
export function scalingSignals(scaler: Manifest): ScalingSignals {
  return scaler.kind === SCALED_OBJECT ? scaledObjectSignals(scaler) : hpaSignals(scaler);
}

/** Kinds an autoscaler can scale (they have a scale subresource or their own autoscaler). */
export const SCALABLE_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'Rollout',
  'LeaderWorkerSet',
  'InferenceService',
  'RayService',
  'RayCluster',
]);

const KSERVE_COMPONENTS = ['predictor', 'transformer', 'explainer'] as const;
const KSERVE_MODE = 'serving.kserve.io/deploymentMode';
const KSERVE_AUTOSCALER_CLASS = 'serving.kserve.io/autoscalerClass';

/** How KServe deploys an InferenceService, from its annotation (undefined: the cluster default). */
export function kserveMode(isvc: Manifest): 'knative' | 'raw' | 'modelmesh' | undefined {
  const mode = stringMap(getIn(isvc.object, ['metadata', 'annotations']))[KSERVE_MODE];
  switch (mode?.toLowerCase()) {
    case 'rawdeployment':
    case 'standard':
      return 'raw';
    case 'serverless':
    case 'knative':
      return 'knative';
    case 'modelmesh':
      return 'modelmesh';
    default:
      return undefined;
  }
}

/** Why an operator's autoscaler cannot change the pod count. */
export type FixedScaling =
  'kserveDisabled' | 'kserveFixed' | 'kserveRawNoMax' | 'rayDisabled' | 'rayFixed' | 'rayNoWorkers';

/** The autoscaler an operator runs for a workload, and whether it can change the pod count. */
export type OperatorScaling =
  /** Not a KServe or Ray object. */
  | { by: 'none' }
  /** One of theirs, but nothing can be concluded (ModelMesh, unreadable bounds). */
  | { by: 'unknown' }
  | { by: 'KServe' | 'Ray'; autoscaled: true }
  | {
      by: 'KServe' | 'Ray';
      autoscaled: false;
      why: FixedScaling;
      path: Path;
      data: Record<string, string | number>;
    };

/**
 * KServe scales the predictor with the Knative KPA (Serverless) or an HPA/ScaledObject of its
 * own (Standard/RawDeployment) between minReplicas (default 1) and maxReplicas. In Knative mode
 * maxReplicas 0 or unset means unbounded; in raw mode KServe raises maxReplicas to minReplicas,
 * so an unset maxReplicas pins the count. `autoscalerClass: external|none` turns it off.
 */
function kserveScaling(isvc: Manifest): OperatorScaling {
  const mode = kserveMode(isvc);
  // ModelMesh serves the model from a shared runtime Deployment, not pods of its own.
  if (mode === 'modelmesh') return { by: 'unknown' };
  const predictor = asObject(getIn(isvc.object, ['spec', 'predictor']));
  if (!predictor) return { by: 'unknown' };
  const cls = stringMap(getIn(isvc.object, ['metadata', 'annotations']))[KSERVE_AUTOSCALER_CLASS];
  if (mode === 'raw' && (cls === 'external' || cls === 'none'))
    return {
      by: 'KServe',
      autoscaled: false,
      why: 'kserveDisabled',
      path: ['metadata', 'annotations', KSERVE_AUTOSCALER_CLASS],
      data: { class: cls },
    };
  const base = ['spec', 'predictor'];
  const rawMin = asNumber(predictor.minReplicas);
  const rawMax = asNumber(predictor.maxReplicas);
  if (predictor.minReplicas != null && rawMin === undefined) return { by: 'unknown' };
  if (predictor.maxReplicas != null && rawMax === undefined) return { by: 'unknown' };
  const min = mode === 'raw' ? Math.max(rawMin ?? 1, 1) : (rawMin ?? 1);
  const maxPath = [...base, 'maxReplicas'];
  if (rawMax === undefined || (mode !== 'raw' && rawMax === 0)) {
    if (mode !== 'raw') return { by: 'KServe', autoscaled: true };
    return {
      by: 'KServe',
      autoscaled: false,
      why: 'kserveRawNoMax',
      path: maxPath,
      data: { replicas: min },
    };
  }
  const max = mode === 'raw' ? Math.max(rawMax, min) : rawMax;
  if (max > min) return { by: 'KServe', autoscaled: true };
  return {
    by: 'KServe',
    autoscaled: false,
    why: 'kserveFixed',
    path: maxPath,
    data: { replicas: max },
  };
}

/**
 * What the autoscaler KServe creates for a raw (Standard) mode InferenceService scales on:
 * spec.predictor.autoScaling.metrics when given, else scaleMetric (default cpu) for its HPA.
 * Undefined when KServe runs no HPA or ScaledObject (Knative mode, autoscalerClass external or
 * none, a fixed replica count) or the signal cannot be told.
 */
export function kserveSignals(isvc: Manifest): ScalingSignals | undefined {
  if (kserveMode(isvc) !== 'raw') return undefined;
  const scaling = kserveScaling(isvc);
  if (scaling.by !== 'KServe' || !scaling.autoscaled) return undefined;
  const cls =
    stringMap(getIn(isvc.object, ['metadata', 'annotations']))[KSERVE_AUTOSCALER_CLASS] ?? 'hpa';
  const base = ['spec', 'predictor'];
  const metrics = getIn(isvc.object, [...base, 'autoScaling', 'metrics']);
  if (Array.isArray(metrics) && metrics.length > 0)
    return classifyMetrics(metrics, [...base, 'autoScaling', 'metrics']);
  if (cls !== 'hpa') return undefined;
  const path = [...base, 'scaleMetric'];
  const metric = getIn(isvc.object, path);
  if (metric == null) return { type: 'cpuMemoryOnly', names: ['cpu'], path, defaulted: true };
  if (typeof metric !== 'string') return undefined;
  return CPU_MEMORY.has(metric)
    ? { type: 'cpuMemoryOnly', names: [metric], path, defaulted: false }
    : { type: 'other' };
}

/** Where the RayCluster spec of a RayCluster or RayService is. */
function rayClusterPath(m: Manifest): Path | undefined {
  if (m.group !== 'ray.io') return undefined;
  if (m.kind === 'RayCluster') return ['spec'];
  if (m.kind === 'RayService') return ['spec', 'rayClusterConfig'];
  return undefined;
}

// KubeRay's CRD defaults for a worker group.
const RAY_MIN_DEFAULT = 0;
const RAY_MAX_DEFAULT = 2147483647;

/** The Ray autoscaler runs with `enableInTreeAutoscaling: true` and grows worker groups up to maxReplicas. */
function rayScaling(m: Manifest, clusterPath: Path): OperatorScaling {
  const cluster = asObject(getIn(m.object, clusterPath)) ?? {};
  if (cluster.enableInTreeAutoscaling !== true)
    return {
      by: 'Ray',
      autoscaled: false,
      why: 'rayDisabled',
      path: [...clusterPath, 'enableInTreeAutoscaling'],
      data: {},
    };
  const groups = asArray(cluster.workerGroupSpecs);
  if (groups.length === 0)
    return {
      by: 'Ray',
      autoscaled: false,
      why: 'rayNoWorkers',
      path: [...clusterPath, 'workerGroupSpecs'],
      data: {},
    };
  for (const g of groups) {
    const group = asObject(g);
    if (!group) continue;
    const min = asNumber(group.minReplicas) ?? RAY_MIN_DEFAULT;
    const max = asNumber(group.maxReplicas) ?? RAY_MAX_DEFAULT;
    if (max > min) return { by: 'Ray', autoscaled: true };
  }
  return {
    by: 'Ray',
    autoscaled: false,
    why: 'rayFixed',
    path: [...clusterPath, 'workerGroupSpecs', 0, 'maxReplicas'],
    data: {},
  };
}

/** The autoscaling KServe or KubeRay provides for the workload, if it is one of theirs. */
export function operatorScaling(workload: Workload): OperatorScaling {
  const m = workload.manifest;
  if (m.group === 'serving.kserve.io' && m.kind === 'InferenceService') return kserveScaling(m);
  const clusterPath = rayClusterPath(m);
  return clusterPath ? rayScaling(m, clusterPath) : { by: 'none' };
}

const SEP = '\u0000';

function scopeKey(bundle: Bundle, m: Manifest, kind: string, name: string): string {
  return [bundle.scopeOf(m), kind, name].join(SEP);
}

const generatedCache = new WeakMap<Bundle, Map<string, Manifest>>();

/**
 * Deployments that operators create from objects of the set (`<isvc>-predictor` and friends for a
 * KServe InferenceService in raw mode, or in the cluster's default mode), keyed by scope, kind and
 * name, to the object that owns them.
 */
function generatedTargets(bundle: Bundle): Map<string, Manifest> {
  let out = generatedCache.get(bundle);
  if (out) return out;
  out = new Map();
  for (const isvc of bundle.ofKind('InferenceService')) {
    // Knative mode creates revision Deployments (`<name>-predictor-00001-deployment`) instead.
    const mode = kserveMode(isvc);
    if (isvc.group !== 'serving.kserve.io' || mode === 'knative' || mode === 'modelmesh') continue;
    for (const component of KSERVE_COMPONENTS)
      if (isObject(getIn(isvc.object, ['spec', component])))
        out.set(scopeKey(bundle, isvc, 'Deployment', `${isvc.name}-${component}`), isvc);
  }
  generatedCache.set(bundle, out);
  return out;
}

/** The scale target reference of an HPA or ScaledObject (KEDA defaults the kind to Deployment). */
export function scaleTargetRef(scaler: Manifest): {
  kind: string | undefined;
  name: string | undefined;
} {
  const ref = asObject(getIn(scaler.object, ['spec', 'scaleTargetRef']));
  const kind = asString(ref?.kind) ?? (scaler.kind === SCALED_OBJECT ? 'Deployment' : undefined);
  return { kind, name: asString(ref?.name) };
}

/** The object of the set whose operator creates the autoscaler's target, when there is one. */
export function generatedTargetOwner(bundle: Bundle, scaler: Manifest): Manifest | undefined {
  const { kind, name } = scaleTargetRef(scaler);
  if (!kind || !name) return undefined;
  return generatedTargets(bundle).get(scopeKey(bundle, scaler, kind, name));
}

const scalersOfGeneratedCache = new WeakMap<Bundle, Map<Manifest, Manifest[]>>();

/** Autoscalers of the set that target a Deployment an operator creates for `owner`. */
export function autoscalersOfGenerated(bundle: Bundle, owner: Manifest): Manifest[] {
  let index = scalersOfGeneratedCache.get(bundle);
  if (!index) {
    index = new Map();
    for (const scaler of bundle.ofKind(HPA, SCALED_OBJECT)) {
      const target = generatedTargetOwner(bundle, scaler);
      if (!target) continue;
      const list = index.get(target);
      if (list) list.push(scaler);
      else index.set(target, [scaler]);
    }
    scalersOfGeneratedCache.set(bundle, index);
  }
  return index.get(owner) ?? [];
}

/** Every HPA or ScaledObject that scales the workload or a Deployment its operator creates. */
export function autoscalersOf(bundle: Bundle, workload: Workload): Manifest[] {
  const direct = bundle.autoscalersOf(workload);
  const generated = autoscalersOfGenerated(bundle, workload.manifest);
  return generated.length === 0 ? direct : [...direct, ...generated];
}
