import { defineRule } from '../../engine/rule';
import { getIn } from '../../util/json';

const KINDS = new Set(['Deployment', 'StatefulSet']);

export default defineRule({
  meta: {
    id: 'scaling/replicas-with-hpa',
    category: 'scaling',
    severity: 'warning',
    tags: ['autoscaling'],
    description:
      'A Deployment or StatefulSet that sets spec.replicas while an HPA or KEDA ScaledObject scales it.',
    rationale:
      'The autoscaler owns the replica count. A manifest that also sets spec.replicas resets the ' +
      'count on every `kubectl apply` or GitOps sync: a workload scaled out for peak load drops ' +
      'back to the written number until the autoscaler catches up, and a GPU server that was ' +
      'scaled down is scaled up again. KEDA drives an HPA too, so ScaledObjects count.',
    remediation:
      'Remove spec.replicas from the manifest and let the autoscaler set it (its minReplicas ' +
      'is the starting count). When migrating a live Deployment, follow the Kubernetes guide so ' +
      'the field is dropped from the last-applied configuration without a scale-down.',
    anchors: ['kube-score deployment-targeted-by-hpa'],
    messages: {
      replicas:
        '{{kind}} "{{name}}" sets replicas: {{replicas}} while {{scalerKind}} "{{scaler}}" scales it: every apply resets the count.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      const path = workload.replicasPath;
      // A live object always has spec.replicas (the API server defaults it): only a manifest
      // that writes it resets the autoscaler on every apply.
      if (!KINDS.has(m.kind) || !path || m.origin.type === 'live') continue;
      const scaler = ctx.bundle.autoscalersOf(workload)[0];
      if (!scaler) continue;
      const r = ctx.on(m);
      const replicas = getIn(m.object, path);
      if (replicas == null) continue;
      r.report('replicas', path, {
        kind: m.kind,
        name: m.name,
        replicas: typeof replicas === 'object' ? JSON.stringify(replicas) : String(replicas),
        scalerKind: scaler.kind,
        scaler: scaler.name,
      });
    }
  },
});
