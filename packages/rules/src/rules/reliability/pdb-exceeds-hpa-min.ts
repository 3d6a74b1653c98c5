import type { Bundle } from '../../bundle/bundle';
import { defineRule } from '../../engine/rule';
import type { Manifest } from '../../model';
import { asObject } from '../../util/json';
import type { Autoscaling } from './replicas';
import { autoscalingOf, parseIntOrPercent, podCount, requiredAvailable } from './replicas';

interface AtMinimum {
  /** Pods the PDB selects when every autoscaled workload is at its minimum. */
  pods: number;
  /** The first autoscaler among them, for the message. */
  scaling: Autoscaling;
}

function atMinimum(bundle: Bundle, pdb: Manifest): AtMinimum | undefined {
  let pods = 0;
  let scaling: Autoscaling | undefined;
  for (const t of bundle.selectedTemplates(pdb)) {
    if (t.workload.class !== 'service') return undefined;
    const s = autoscalingOf(bundle, t);
    const fixed = podCount(t);
    if (s) {
      scaling ??= s;
      pods += s.minPods;
    } else if (fixed !== undefined) pods += fixed;
    else return undefined;
  }
  return scaling ? { pods, scaling } : undefined;
}

export default defineRule({
  meta: {
    id: 'reliability/pdb-exceeds-hpa-min',
    category: 'reliability',
    severity: 'warning',
    tags: ['availability', 'scaling'],
    description:
      "A PodDisruptionBudget whose minAvailable is at or above its autoscaler's minReplicas.",
    rationale:
      'An autoscaler spends quiet hours at its minimum. If the budget then requires as many available pods ' +
      'as are running, no pod can be evicted and every drain of the nodes under them blocks until traffic ' +
      'grows. The minimum is the HorizontalPodAutoscaler minReplicas (1 by default; an HPA on the Deployment ' +
      'KServe generates counts for the InferenceService), a KEDA ScaledObject minReplicaCount (at least one ' +
      'pod while it runs), or the minReplicas of an autoscaled KServe predictor or Ray worker group; ' +
      'percentages round up as the disruption controller does. The rule needs the whole picture ' +
      '(other pods the budget selects would change the count).',
    remediation:
      'Use maxUnavailable: 1 instead of minAvailable, or set minAvailable below the autoscaler minimum (or raise ' +
      'the minimum).',
    anchors: ['Polaris pdbMinAvailableGreaterThanHPAMinReplicas'],
    requiresComplete: true,
    completeKinds: ['PodDisruptionBudget', 'HorizontalPodAutoscaler', 'ScaledObject'],
    messages: {
      exceeds:
        'PodDisruptionBudget "{{pdb}}" needs {{required}} available, but {{scaler}} may scale the pods it selects down to {{pods}}: then none can be evicted.',
    },
  },
  check(ctx) {
    for (const pdb of ctx.bundle.ofKind('PodDisruptionBudget')) {
      const minAvailable = parseIntOrPercent(asObject(pdb.object.spec)?.minAvailable);
      if (!minAvailable) continue;
      const min = atMinimum(ctx.bundle, pdb);
      if (!min) continue;
      const reporter = ctx.on(pdb);
      const required = requiredAvailable(minAvailable, min.pods);
      if (required >= min.pods)
        reporter.report('exceeds', ['spec', 'minAvailable'], {
          pdb: pdb.name,
          required,
          scaler: min.scaling.by,
          pods: min.pods,
        });
    }
  },
});
