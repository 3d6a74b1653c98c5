import { defineRule } from '../../engine/rule';
import { SCALABLE_KINDS, autoscalersOf, operatorScaling } from '../../util/autoscaling';

export default defineRule({
  meta: {
    id: 'scaling/autoscaler-missing',
    category: 'scaling',
    severity: 'warning',
    tags: ['inference', 'autoscaling'],
    description: 'An inference server with no HPA, KEDA ScaledObject or KServe/Ray autoscaling.',
    rationale:
      'Inference traffic is bursty and GPU replicas are expensive. A model server with a fixed ' +
      'replica count either queues requests and times out at peak, or keeps idle GPUs paid for off ' +
      'peak. A HorizontalPodAutoscaler or KEDA ScaledObject on a serving signal (queue length, ' +
      'requests in flight, GPU load) follows the load. KServe autoscales an InferenceService ' +
      'between minReplicas and maxReplicas, and the Ray autoscaler grows worker groups when ' +
      'enableInTreeAutoscaling is on: both count. The rule needs the complete set, since the ' +
      'autoscaler may live in another file.',
    remediation:
      'Add a HorizontalPodAutoscaler (autoscaling/v2) or a KEDA ScaledObject whose scaleTargetRef ' +
      'names the workload, scaling on a serving metric such as vllm:num_requests_waiting. For an ' +
      'InferenceService set spec.predictor.maxReplicas above minReplicas; for a RayService or ' +
      'RayCluster set enableInTreeAutoscaling: true and a worker group with maxReplicas above ' +
      'minReplicas.',
    requiresComplete: true,
    completeKinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
    messages: {
      none: '{{kind}} "{{name}}" runs a model server or long-running GPU pods, but no HorizontalPodAutoscaler or KEDA ScaledObject scales it.',
      kserveFixed:
        'InferenceService "{{name}}" pins its predictor at {{replicas}} replica(s): minReplicas equals maxReplicas, so KServe never scales it.',
      kserveRawNoMax:
        'InferenceService "{{name}}" runs in raw (Standard) mode without maxReplicas, so KServe pins its predictor at {{replicas}} replica(s).',
      kserveDisabled:
        'InferenceService "{{name}}" turns KServe autoscaling off (autoscalerClass "{{class}}") and no HorizontalPodAutoscaler or ScaledObject scales its predictor.',
      rayDisabled:
        '{{kind}} "{{name}}" does not enable the Ray autoscaler (enableInTreeAutoscaling: true) and nothing else scales it.',
      rayFixed:
        '{{kind}} "{{name}}" enables the Ray autoscaler but no worker group can grow: maxReplicas equals minReplicas in every group.',
      rayNoWorkers:
        '{{kind}} "{{name}}" enables the Ray autoscaler but has no worker group for it to scale.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      if (!SCALABLE_KINDS.has(m.kind) || !ctx.facts.isInferenceServer(workload)) continue;
      const operator = operatorScaling(workload);
      if (operator.by === 'unknown') continue;
      const r = ctx.on(m);
      if (operator.by !== 'none' && operator.autoscaled) continue;
      if (autoscalersOf(ctx.bundle, workload).length > 0) continue;
      const data = { kind: m.kind, name: m.name };
      if (operator.by === 'none') r.report('none', workload.replicasPath ?? ['spec'], data);
      else r.report(operator.why, operator.path, { ...data, ...operator.data });
    }
  },
});
