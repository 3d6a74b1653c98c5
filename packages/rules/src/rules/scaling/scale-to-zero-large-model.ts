import { defineRule } from '../../engine/rule';
import { kserveMode } from '../../util/autoscaling';
import { asNumber, getIn, stringMap } from '../../util/json';

export default defineRule({
  meta: {
    id: 'scaling/scale-to-zero-large-model',
    category: 'scaling',
    severity: 'info',
    tags: ['inference', 'gpu', 'autoscaling'],
    description:
      'A KServe InferenceService whose GPU predictor has minReplicas 0 (a cold start loads the model).',
    rationale:
      'With minReplicas: 0 KServe removes the last predictor pod when traffic stops. The next ' +
      'request then waits for a GPU node (often a new one from the cluster autoscaler), the image ' +
      'pull and the model download and load: minutes for a large model, well beyond client ' +
      'timeouts. That can be a fine trade for a rarely used model, which is why this is ' +
      'informational. Raw (Standard) deployments only scale to zero with the KEDA autoscaler ' +
      'class; otherwise KServe keeps at least one pod and the rule passes.',
    remediation:
      'Set spec.predictor.minReplicas to 1 or more for models that must answer promptly, or ' +
      'accept the cold start explicitly (for example with an aigov.dev/ignore annotation and a ' +
      'reason) and make sure clients wait long enough.',
    messages: {
      zero: 'InferenceService "{{name}}" lets its GPU predictor scale to zero (minReplicas: 0): the first request after idle waits for a GPU and the model to load.',
    },
  },
  check(ctx) {
    for (const isvc of ctx.bundle.ofKind('InferenceService')) {
      if (isvc.group !== 'serving.kserve.io') continue;
      const predictor = ctx.bundle.workloadOf(isvc)?.templates.find((t) => t.role === 'predictor');
      if (!predictor || !ctx.facts.isGpuTemplate(predictor)) continue;
      const r = ctx.on(predictor);
      const path = [...predictor.specPath, 'minReplicas'];
      // An unset minReplicas defaults to 1.
      if (asNumber(getIn(isvc.object, path)) !== 0) continue;
      const annotations = stringMap(getIn(isvc.object, ['metadata', 'annotations']));
      // Raw deployments get an HPA, which never goes below one pod; only KEDA scales to zero.
      if (kserveMode(isvc) === 'raw' && annotations['serving.kserve.io/autoscalerClass'] !== 'keda')
        continue;
      r.report('zero', path, { name: isvc.name });
    }
  },
});
