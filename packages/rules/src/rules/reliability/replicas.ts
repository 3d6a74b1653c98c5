/**
 * How many pods a pod template runs, and what scales them: shared by the PodDisruptionBudget and
 * spreading rules.
 */
import type { Bundle } from '../../bundle/bundle';
import type { PodTemplate, Workload } from '../../bundle/workload';
import type { Manifest } from '../../model';
import {
  autoscalersOf,
  operatorScaling,
  scalerBounds,
  scaleTargetRef,
} from '../../util/autoscaling';
import { asNumber, asObject, asString, getIn } from '../../util/json';

export interface Autoscaling {
  /** What scales the pods, for messages: `HorizontalPodAutoscaler "api"`, `KServe`… */
  by: string;
  /** Pods of the template at the autoscaler's minimum while the workload runs (at least one copy). */
  minPods: number;
}

/** Kinds whose pods run one per node, not as replicas. */
function isDaemonSet(workload: Workload): boolean {
  return workload.manifest.kind === 'DaemonSet';
}

/**
 * Long-running workloads whose pods are interchangeable replicas that a drain may evict:
 * Deployments, StatefulSets, ReplicaSets, Rollouts, LeaderWorkerSets, KServe components and the
 * worker groups of a RayService. Not DaemonSets (drains skip them), bare Pods, batch workloads, or
 * RayClusters (a compute pool whose work Ray reschedules, not replicas serving traffic).
 */
export function isReplicated(template: PodTemplate): boolean {
  const w = template.workload;
  const m = w.manifest;
  if (w.class !== 'service' || isDaemonSet(w) || !template.ownsPodSpec) return false;
  if (m.kind === 'Pod' && m.group === '') return false;
  if (m.group === 'ray.io')
    return m.kind === 'RayService' && (template.role?.startsWith('worker:') ?? false);
  return true;
}

/** Pods per copy of the workload (a LeaderWorkerSet group's size; 1 for a Deployment). */
function podsPerCopy(template: PodTemplate): number {
  return template.workload.replicas !== undefined ? (template.replicas ?? 1) : 1;
}

/** Pods the template runs without autoscaling; undefined when not a fixed number (DaemonSet). */
export function podCount(template: PodTemplate): number | undefined {
  const w = template.workload;
  if (isDaemonSet(w)) return undefined;
  if (w.replicas !== undefined) return w.replicas * (template.replicas ?? 1);
  return template.replicas ?? 1;
}

/** The fewest pods an HPA or ScaledObject keeps while the workload runs (KEDA may idle at 0). */
function scalerMin(scaler: Manifest): number {
  return Math.max(scalerBounds(scaler).min.value ?? 1, 1);
}

/**
 * Whether an autoscaler scales this template: all of them do, except that an HPA on a Deployment
 * KServe generates (`<isvc>-<component>`) scales that component only.
 */
function scalesTemplate(scaler: Manifest, template: PodTemplate): boolean {
  const m = template.workload.manifest;
  if (m.group !== 'serving.kserve.io' || scaleTargetRef(scaler).kind !== 'Deployment') return true;
  return scaleTargetRef(scaler).name === `${m.name}-${template.role ?? ''}`;
}

/** The operator's own autoscaler (see util/autoscaling): KServe's predictor, Ray worker groups. */
function operatorAutoscaling(template: PodTemplate): Autoscaling | undefined {
  const scaling = operatorScaling(template.workload);
  if (scaling.by !== 'KServe' && scaling.by !== 'Ray') return undefined;
  if (!scaling.autoscaled) return undefined;
  if (scaling.by === 'KServe') {
    if (template.role !== 'predictor') return undefined;
    const min = Math.max(asNumber(template.spec.minReplicas) ?? 1, 1);
    return { by: `KServe (predictor minReplicas ${min})`, minPods: min };
  }
  if (!template.role?.startsWith('worker:')) return undefined;
  // specPath: <cluster>.workerGroupSpecs[i].template.spec; KubeRay defaults 0 and 2^31-1.
  const group = asObject(getIn(template.workload.manifest.object, template.specPath.slice(0, -2)));
  const min = asNumber(group?.minReplicas) ?? 0;
  const max = asNumber(group?.maxReplicas) ?? 2147483647;
  if (max <= Math.max(min, 1)) return undefined;
  return { by: `the Ray autoscaler (minReplicas ${min})`, minPods: Math.max(min, 1) };
}

/**
 * What scales the template's pods, with the fewest pods it keeps; undefined when nothing does.
 * Autoscalers are those of util/autoscaling: HPAs and ScaledObjects on the workload or on the
 * Deployment KServe generates for it, and KServe's or the Ray autoscaler.
 */
export function autoscalingOf(bundle: Bundle, template: PodTemplate): Autoscaling | undefined {
  const scalers = autoscalersOf(bundle, template.workload).filter((s) =>
    scalesTemplate(s, template),
  );
  if (scalers.length > 0) {
    const lowest = scalers.reduce((a, b) => (scalerMin(b) < scalerMin(a) ? b : a));
    return {
      by: `${lowest.kind} "${lowest.name}"`,
      minPods: scalerMin(lowest) * podsPerCopy(template),
    };
  }
  return operatorAutoscaling(template);
}

/** A PDB's `minAvailable` or `maxUnavailable`: an absolute number or a percentage. */
export interface IntOrPercent {
  value: number;
  percent: boolean;
  /** As written, for messages. */
  text: string;
}

export function parseIntOrPercent(raw: unknown): IntOrPercent | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw))
    return { value: raw, percent: false, text: String(raw) };
  const text = asString(raw)?.trim();
  if (!text) return undefined;
  const m = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (m) return { value: Number(m[1]), percent: true, text };
  const n = asNumber(text);
  return n === undefined ? undefined : { value: n, percent: false, text };
}

/**
 * Pods that must stay available out of `total`, as the disruption controller computes it
 * (percentages round up).
 */
export function requiredAvailable(minAvailable: IntOrPercent, total: number): number {
  return minAvailable.percent ? Math.ceil((minAvailable.value * total) / 100) : minAvailable.value;
}

/** `Deployment "api"`, with the pod template's role when the workload has several. */
export function describeTemplate(template: PodTemplate): string {
  const m = template.workload.manifest;
  const role = template.workload.templates.length > 1 && template.role ? ` (${template.role})` : '';
  return `${m.kind} "${m.name}"${role}`;
}
