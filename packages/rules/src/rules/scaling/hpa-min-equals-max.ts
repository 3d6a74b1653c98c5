import { defineRule } from '../../engine/rule';
import { HPA, SCALED_OBJECT, scalerBounds } from '../../util/autoscaling';

export default defineRule({
  meta: {
    id: 'scaling/hpa-min-equals-max',
    category: 'scaling',
    severity: 'warning',
    tags: ['autoscaling'],
    description:
      'A HorizontalPodAutoscaler (or KEDA ScaledObject) whose minReplicas equals maxReplicas.',
    rationale:
      'With equal bounds the autoscaler can never change the replica count: the workload has a ' +
      'fixed size that only looks elastic, traffic peaks are not absorbed and idle replicas (and ' +
      'their GPUs) are never released. It is usually a leftover from pinning the count during an ' +
      'incident. The defaults count: an HPA without minReplicas has a minimum of 1, a ' +
      'ScaledObject has 0 and 100.',
    remediation:
      'Raise maxReplicas above minReplicas to the most replicas the workload may use, or remove ' +
      'the autoscaler and set spec.replicas on the workload if a fixed size is intended.',
    anchors: ['Polaris hpaMaxAvailability'],
    messages: {
      equal:
        '{{kind}} "{{name}}" has minimum and maximum replicas both {{replicas}}: it can never scale.',
    },
  },
  check(ctx) {
    for (const scaler of ctx.bundle.ofKind(HPA, SCALED_OBJECT)) {
      const { min, max } = scalerBounds(scaler);
      if (min.value === undefined || max.value === undefined) continue;
      const r = ctx.on(scaler);
      if (min.value !== max.value) continue;
      r.report('equal', max.path, { kind: scaler.kind, name: scaler.name, replicas: max.value });
    }
  },
});
