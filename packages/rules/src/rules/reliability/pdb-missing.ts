import type { Bundle } from '../../bundle/bundle';
import type { PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { Autoscaling } from './replicas';
import { autoscalingOf, isReplicated, podCount } from './replicas';

interface Unprotected {
  template: PodTemplate;
  pods: number;
  scaling: Autoscaling | undefined;
}

/** Pod templates of a workload that need a budget (2+ pods, or autoscaled) and have none. */
function unprotected(bundle: Bundle, templates: readonly PodTemplate[]): Unprotected[] | undefined {
  const needing = templates.flatMap((template) => {
    if (!isReplicated(template)) return [];
    const pods = podCount(template) ?? 0;
    const scaling = autoscalingOf(bundle, template);
    return pods >= 2 || scaling ? [{ template, pods, scaling }] : [];
  });
  if (needing.length === 0) return undefined;
  return needing.filter((n) => bundle.selectorsOf(n.template, 'PodDisruptionBudget').length === 0);
}

export default defineRule({
  meta: {
    id: 'reliability/pdb-missing',
    category: 'reliability',
    severity: 'warning',
    tags: ['availability'],
    description:
      'A workload with 2 or more replicas (or an autoscaler) that no PodDisruptionBudget selects (only when the set is complete).',
    rationale:
      'Node drains (upgrades, autoscaler scale-down, GPU driver rollouts) evict pods through the eviction API, ' +
      'which only holds back when a PodDisruptionBudget says so. Without one, a drain can evict every replica ' +
      'of a model server at once, and each needs minutes to load its model again on another node. Each pod ' +
      'template with 2 or more pods, or scaled by a HorizontalPodAutoscaler or KEDA ScaledObject (on the ' +
      'workload or on the Deployment KServe generates for it), by KServe itself (a predictor in Knative mode, ' +
      'which autoscales by default, or with maxReplicas above minReplicas) or by the Ray autoscaler (a ' +
      'RayService worker group), ' +
      'must be selected by a budget; the workload is reported once, on the first template left uncovered. ' +
      'Single replicas are left out (a budget cannot keep one pod up without blocking drains), and so are ' +
      'DaemonSets (drains skip their pods), bare Pods, Jobs and training runs, and RayClusters (a compute pool ' +
      'whose work Ray reschedules). The rule needs the whole picture, since the budget may live in another file.',
    remediation:
      'Add a PodDisruptionBudget whose selector matches the pod template labels, with maxUnavailable: 1 (or ' +
      'minAvailable below the replica count).',
    anchors: [
      'Polaris missingPodDisruptionBudget',
      'kube-score deployment-has-poddisruptionbudget',
    ],
    requiresComplete: true,
    completeKinds: ['PodDisruptionBudget'],
    messages: {
      missing:
        '{{workload}} runs {{pods}} pods{{roles}} that no PodDisruptionBudget selects: a drain may evict them all at once.',
      missingScaled:
        '{{workload}} is scaled by {{scaler}} and no PodDisruptionBudget selects its pods{{roles}}: a drain may evict them all at once.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const missing = unprotected(ctx.bundle, workload.templates);
      if (!missing) continue;
      const reporter = ctx.on(workload.manifest);
      const first = missing[0];
      if (!first) continue;
      const m = workload.manifest;
      const roles =
        workload.templates.length > 1
          ? ` (${missing.map((u) => u.template.role ?? 'pods').join(', ')})`
          : '';
      const path = first.template.metadataPath
        ? [...first.template.metadataPath, 'labels']
        : first.template.specPath;
      const data = { workload: `${m.kind} "${m.name}"`, roles };
      const scaling = missing.find((u) => u.scaling)?.scaling;
      if (scaling) reporter.report('missingScaled', path, { ...data, scaler: scaling.by });
      else
        reporter.report('missing', path, {
          ...data,
          pods: missing.reduce((n, u) => n + u.pods, 0),
        });
    }
  },
});
