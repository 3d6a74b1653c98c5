import { parseLabelSelector, selectorMatches } from '../../bundle/selector';
import type { PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import { asArray, asObject, getIn, isObject } from '../../util/json';
import { autoscalingOf, describeTemplate, isReplicated, podCount } from './replicas';

const LWS_EXCLUSIVE = [
  'leaderworkerset.sigs.k8s.io/exclusive-topology',
  'leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology',
];

/** Whether a term's labelSelector selects the template's own pods. */
function selectsOwnPods(term: unknown, template: PodTemplate): boolean {
  const selector = parseLabelSelector(asObject(term)?.labelSelector);
  return selector !== undefined && selectorMatches(selector, template.labels);
}

/** Whether the pod spec spreads the template's own pods over nodes or zones. */
function spreads(template: PodTemplate): boolean {
  const spec = template.spec;
  if (asArray(spec.topologySpreadConstraints).some((c) => selectsOwnPods(c, template))) return true;
  const anti = asObject(getIn(spec, ['affinity', 'podAntiAffinity']));
  if (!anti) return false;
  if (
    asArray(anti.requiredDuringSchedulingIgnoredDuringExecution).some((t) =>
      selectsOwnPods(t, template),
    )
  )
    return true;
  return asArray(anti.preferredDuringSchedulingIgnoredDuringExecution).some(
    (w) => isObject(w) && selectsOwnPods(w.podAffinityTerm, template),
  );
}

/** A LeaderWorkerSet that places each group in its own topology domain. */
function exclusiveGroups(template: PodTemplate): boolean {
  const m = template.workload.manifest;
  if (m.group !== 'leaderworkerset.x-k8s.io') return false;
  const annotations = asObject(getIn(m.object, ['metadata', 'annotations']));
  return LWS_EXCLUSIVE.some((key) => annotations?.[key] !== undefined);
}

function isLeaderWorkerSet(template: PodTemplate): boolean {
  return template.workload.manifest.group === 'leaderworkerset.x-k8s.io';
}

/**
 * The copies that should not share a node: the groups of a LeaderWorkerSet (the pods of one group
 * fail together anyway), the pods of anything else.
 */
function copies(template: PodTemplate): number {
  const w = template.workload;
  return isLeaderWorkerSet(template) ? (w.replicas ?? 1) : (podCount(template) ?? 0);
}

/** A LeaderWorkerSet's groups are spread through their first template (the leader's). */
function judged(template: PodTemplate): boolean {
  return (
    isReplicated(template) &&
    (!isLeaderWorkerSet(template) || template.workload.templates[0] === template)
  );
}

export default defineRule({
  meta: {
    id: 'reliability/anti-affinity-missing',
    category: 'reliability',
    severity: 'info',
    tags: ['availability', 'scheduling'],
    description: 'A multi-replica workload without pod anti-affinity or topology spread.',
    rationale:
      'Replicas exist to survive the loss of one of them, which does not help when the scheduler puts them ' +
      'on the same node or in the same zone: a GPU node failure, an XID error that takes the node out, or a ' +
      "zone outage then takes the whole service down. The scheduler's default spreading is only a soft " +
      'preference that resource fit easily overrides on GPU nodes. A topologySpreadConstraint or ' +
      "podAntiAffinity term counts only when its labelSelector selects the workload's own pods. For a " +
      "LeaderWorkerSet the replicas are its groups: its first template (the leader's) must spread them, or " +
      'the exclusive-topology annotation place each group in its own domain. A workload counts as ' +
      "multi-replica with 2 or more replicas or an autoscaler (an HPA or ScaledObject, KServe's or the Ray " +
      'autoscaler). DaemonSets (one pod per node), bare Pods, Jobs and training runs, and RayClusters (a ' +
      'compute pool, not replicas) are left out; RayService worker groups are checked.',
    remediation:
      'Add spec.topologySpreadConstraints with topologyKey kubernetes.io/hostname (or ' +
      'topology.kubernetes.io/zone) and a labelSelector matching the pod labels, or a preferred ' +
      'podAntiAffinity term on those labels.',
    anchors: ['Polaris topologySpreadConstraint', 'kube-linter no-anti-affinity'],
    messages: {
      missing:
        '{{workload}} runs {{copies}} replicas with no topology spread or pod anti-affinity on its own pods: they may all land on one node.',
      missingScaled:
        '{{workload}} is scaled by {{scaler}} and has no topology spread or pod anti-affinity on its own pods: its replicas may all land on one node.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!judged(template)) continue;
      const n = copies(template);
      const scaling = autoscalingOf(ctx.bundle, template);
      if (n < 2 && !scaling) continue;
      const reporter = ctx.on(template);
      if (spreads(template) || exclusiveGroups(template)) continue;
      const path = [...template.specPath, 'topologySpreadConstraints'];
      const workload = describeTemplate(template);
      if (scaling) reporter.report('missingScaled', path, { workload, scaler: scaling.by });
      else reporter.report('missing', path, { workload, copies: n });
    }
  },
});
