import { defineRule } from '../../engine/rule';
import { HPA, scalerBounds } from '../../util/autoscaling';

export default defineRule({
  meta: {
    id: 'scaling/hpa-min-replicas-low',
    category: 'scaling',
    severity: 'warning',
    tags: ['availability', 'autoscaling'],
    description:
      'A HorizontalPodAutoscaler whose minReplicas is below the configured minimum (default 2).',
    rationale:
      'At quiet times an HPA scales down to minReplicas, which defaults to 1. A single remaining ' +
      'pod turns any node drain, eviction or crash into an outage until a replacement is ' +
      'scheduled and, for a model server, has loaded its model. The minimum comes from the ' +
      '`minReplicas` setting. KEDA ScaledObjects are not checked: scaling to zero is a deliberate ' +
      'KEDA feature.',
    remediation:
      'Set spec.minReplicas of the HorizontalPodAutoscaler to at least the configured minimum ' +
      '(2 by default), or lower the `minReplicas` setting in .aigov.yaml for workloads that may ' +
      'run a single pod.',
    anchors: ['Polaris hpaMinAvailability', 'kube-linter hpa-minimum-three-replicas'],
    messages: {
      low: 'HorizontalPodAutoscaler "{{name}}" has minReplicas {{min}}, below the minimum of {{required}}.',
      defaulted:
        'HorizontalPodAutoscaler "{{name}}" does not set minReplicas (default 1), below the minimum of {{required}}.',
    },
  },
  check(ctx) {
    const required = ctx.settings.minReplicas;
    for (const hpa of ctx.bundle.ofKind(HPA)) {
      const { min } = scalerBounds(hpa);
      if (min.value === undefined) continue;
      const r = ctx.on(hpa);
      if (min.value >= required) continue;
      r.report(min.set ? 'low' : 'defaulted', min.path, {
        name: hpa.name,
        min: min.value,
        required,
      });
    }
  },
});
