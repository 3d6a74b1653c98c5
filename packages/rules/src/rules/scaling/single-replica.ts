import { defineRule } from '../../engine/rule';
import { autoscalersOf } from '../../util/autoscaling';
import { asNumber, getIn } from '../../util/json';

const KINDS = new Set(['Deployment', 'StatefulSet']);

export default defineRule({
  meta: {
    id: 'scaling/single-replica',
    category: 'scaling',
    severity: 'info',
    tags: ['availability'],
    description: 'A Deployment or StatefulSet with one replica and no autoscaler.',
    rationale:
      'With a single pod, every rollout, node drain, eviction or crash is an outage: nothing else ' +
      'serves while the pod is replaced, and for a model server the replacement first has to load ' +
      'its model. Kubernetes defaults spec.replicas to 1, so leaving it out has the same effect. ' +
      'An autoscaler that owns the replica count is accepted (its minReplicas is checked by ' +
      'scaling/hpa-min-replicas-low); replicas: 0 is taken as a deliberate pause. The rule needs ' +
      'the complete set, since the autoscaler may live in another file.',
    remediation:
      'Set spec.replicas to 2 or more (spread across nodes with anti-affinity or topology spread ' +
      'constraints), or let a HorizontalPodAutoscaler or KEDA ScaledObject with minReplicas of 2 ' +
      'or more manage the count.',
    anchors: ['Polaris deploymentMissingReplicas', 'kube-score deployment-replicas'],
    requiresComplete: true,
    completeKinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
    messages: {
      single: '{{kind}} "{{name}}" runs a single replica and no autoscaler scales it.',
      defaulted:
        '{{kind}} "{{name}}" does not set replicas, so it runs the default single replica, and no autoscaler scales it.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      const path = workload.replicasPath;
      if (!KINDS.has(m.kind) || !path) continue;
      const raw = getIn(m.object, path);
      const replicas = raw == null ? 1 : asNumber(raw);
      // Unreadable replicas (the API rejects them) say nothing about availability.
      if (replicas === undefined) continue;
      const r = ctx.on(m);
      if (replicas !== 1 || autoscalersOf(ctx.bundle, workload).length > 0) continue;
      r.report(raw == null ? 'defaulted' : 'single', path, { kind: m.kind, name: m.name });
    }
  },
});
