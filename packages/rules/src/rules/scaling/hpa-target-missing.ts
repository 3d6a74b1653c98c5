import { defineRule } from '../../engine/rule';
import { HPA, SCALED_OBJECT, generatedTargetOwner, scaleTargetRef } from '../../util/autoscaling';

export default defineRule({
  meta: {
    id: 'scaling/hpa-target-missing',
    category: 'scaling',
    severity: 'error',
    tags: ['autoscaling'],
    description:
      'A HorizontalPodAutoscaler (or KEDA ScaledObject) whose scaleTargetRef is not in the scanned set.',
    rationale:
      'An autoscaler whose target does not exist scales nothing: the workload it was meant for ' +
      'runs at a fixed size, usually because the target was renamed or its kind misspelt ' +
      '(kind, name and namespace must all match). Deployments that KServe creates for an ' +
      'InferenceService of the set (`<name>-predictor`) count as present. The rule needs the ' +
      'complete set: in a partial scan the target may simply be in a file that was not scanned.',
    remediation:
      'Point spec.scaleTargetRef at the workload by its exact kind and name in the same ' +
      'namespace, or delete the autoscaler if the workload is gone.',
    anchors: ['kube-score hpa-has-target', 'kube-linter dangling-hpa'],
    requiresComplete: true,
    completeKinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
    messages: {
      missing:
        '{{kind}} "{{name}}" scales {{targetKind}} "{{target}}", which is not in the scanned set.',
      noTarget: '{{kind}} "{{name}}" does not name the kind and name of the object it scales.',
    },
  },
  check(ctx) {
    for (const scaler of ctx.bundle.ofKind(HPA, SCALED_OBJECT)) {
      const r = ctx.on(scaler);
      const { kind, name } = scaleTargetRef(scaler);
      const data = { kind: scaler.kind, name: scaler.name };
      if (!kind || !name) {
        const field = name ? 'kind' : 'name';
        r.report('noTarget', ['spec', 'scaleTargetRef', field], data);
        continue;
      }
      if (ctx.bundle.scaleTargetOf(scaler) || generatedTargetOwner(ctx.bundle, scaler)) continue;
      r.report('missing', ['spec', 'scaleTargetRef', 'name'], {
        ...data,
        targetKind: kind,
        target: name,
      });
    }
  },
});
