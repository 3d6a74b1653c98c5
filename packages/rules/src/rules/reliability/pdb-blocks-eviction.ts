import type { Bundle } from '../../bundle/bundle';
import { defineRule } from '../../engine/rule';
import type { Manifest } from '../../model';
import { asObject } from '../../util/json';
import { autoscalingOf, parseIntOrPercent, podCount, requiredAvailable } from './replicas';

/**
 * Pods the PDB selects when that number is fixed and known: undefined when it selects nothing in
 * the set, or pods whose number varies (autoscaled, one per node, batch pods that complete).
 */
function fixedPods(bundle: Bundle, pdb: Manifest): number | undefined {
  const templates = bundle.selectedTemplates(pdb);
  if (templates.length === 0) return undefined;
  let total = 0;
  for (const t of templates) {
    const pods = podCount(t);
    if (t.workload.class !== 'service' || pods === undefined || autoscalingOf(bundle, t))
      return undefined;
    total += pods;
  }
  return total;
}

export default defineRule({
  meta: {
    id: 'reliability/pdb-blocks-eviction',
    category: 'reliability',
    severity: 'warning',
    tags: ['availability'],
    description:
      'A PodDisruptionBudget with maxUnavailable 0 or minAvailable equal to the replicas.',
    rationale:
      'A budget that allows no disruption makes every eviction fail: kubectl drain, cluster-autoscaler ' +
      'scale-down and node upgrades wait forever on the node that runs these pods, so GPU nodes cannot be ' +
      'drained for driver or kernel updates without someone deleting the budget by hand. maxUnavailable 0 (or ' +
      '"0%") and minAvailable "100%" always block. A number (or percentage, rounded up as the disruption ' +
      'controller does) of minAvailable at or above the pods the budget selects blocks too; that comparison is ' +
      'made only when the scanned set is complete and the pods are a fixed number (autoscaled workloads are ' +
      'the concern of reliability/pdb-exceeds-hpa-min).',
    remediation:
      'Allow at least one disruption: maxUnavailable: 1, or minAvailable below the number of replicas (and ' +
      'run enough replicas to spare one).',
    anchors: [
      'Polaris pdbDisruptionsIsZero',
      'kube-linter pdb-max-unavailable',
      'kube-linter pdb-min-available',
    ],
    messages: {
      maxUnavailableZero:
        'PodDisruptionBudget "{{pdb}}" sets maxUnavailable {{value}}: no pod it selects can ever be evicted.',
      minAvailableAll:
        'PodDisruptionBudget "{{pdb}}" sets minAvailable {{value}}: no pod it selects can ever be evicted.',
      minAvailableReplicas:
        'PodDisruptionBudget "{{pdb}}" needs {{required}} available of the {{pods}} pods it selects: none can be evicted.',
    },
  },
  check(ctx) {
    for (const pdb of ctx.bundle.ofKind('PodDisruptionBudget')) {
      const spec = asObject(pdb.object.spec);
      if (!spec) continue;
      const reporter = ctx.on(pdb);
      const maxUnavailable = parseIntOrPercent(spec.maxUnavailable);
      if (maxUnavailable) {
        if (maxUnavailable.value === 0)
          reporter.report('maxUnavailableZero', ['spec', 'maxUnavailable'], {
            pdb: pdb.name,
            value: maxUnavailable.text,
          });
        continue;
      }
      const minAvailable = parseIntOrPercent(spec.minAvailable);
      if (!minAvailable) continue;
      if (minAvailable.percent && minAvailable.value >= 100) {
        reporter.report('minAvailableAll', ['spec', 'minAvailable'], {
          pdb: pdb.name,
          value: minAvailable.text,
        });
        continue;
      }
      if (!ctx.bundle.complete) continue;
      const pods = fixedPods(ctx.bundle, pdb);
      if (!pods) continue;
      const required = requiredAvailable(minAvailable, pods);
      if (required >= pods)
        reporter.report('minAvailableReplicas', ['spec', 'minAvailable'], {
          pdb: pdb.name,
          required,
          pods,
        });
    }
  },
});
