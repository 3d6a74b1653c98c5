import { defineRule } from '../../engine/rule';
import {
  HPA,
  SCALED_OBJECT,
  generatedTargetOwner,
  kserveSignals,
  scaleTargetRef,
  scalingSignals,
} from '../../util/autoscaling';

export default defineRule({
  meta: {
    id: 'gpu/hpa-cpu-only',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'autoscaling'],
    description:
      'An HPA (or KEDA ScaledObject) of a GPU workload that scales on CPU or memory only.',
    rationale:
      'A GPU model server does its work on the GPU: its CPU stays low while requests queue up, ' +
      'and its memory is mostly the model, flat whatever the load. An autoscaler that watches ' +
      'only CPU or memory therefore does not add replicas when the server is saturated, or ' +
      'scales on tokenizer noise. An HPA without metrics defaults to 80% CPU, and an ' +
      'autoscaling/v1 HPA can only use CPU, so both count as CPU-only. The HPA that KServe ' +
      'creates for a raw (Standard) mode InferenceService is checked too: its scaleMetric ' +
      'defaults to cpu.',
    remediation:
      'Scale on a signal that follows GPU load: the server queue or requests in flight ' +
      '(vllm:num_requests_waiting, tgi_queue_size, nv_inference_pending_request_count) as a Pods ' +
      'or External metric through Prometheus Adapter, a KEDA prometheus trigger, or DCGM GPU ' +
      'utilisation (DCGM_FI_DEV_GPU_UTIL). Keep CPU as an extra metric if you like.',
    messages: {
      cpuOnly:
        '{{kind}} "{{name}}" scales GPU workload {{targetKind}} "{{target}}" on {{metrics}} only, which does not follow GPU load.',
      kserveCpuOnly:
        'InferenceService "{{name}}" has KServe scale its GPU predictor on {{metrics}} only, which does not follow GPU load.',
    },
  },
  check(ctx) {
    const { bundle, facts } = ctx;
    const describe = (signals: { names: string[]; defaulted: boolean }): string =>
      signals.names.join(' and ') + (signals.defaulted ? ' (the default)' : '');
    for (const scaler of bundle.ofKind(HPA, SCALED_OBJECT)) {
      // The target itself, or the InferenceService whose predictor Deployment it scales.
      const owner = bundle.scaleTargetOf(scaler) ?? generatedTargetOwner(bundle, scaler);
      const workload = owner && bundle.workloadOf(owner);
      if (!workload || !facts.isGpuWorkload(workload)) continue;
      const signals = scalingSignals(scaler);
      if (signals.type === 'unknown') continue;
      const r = ctx.on(scaler);
      if (signals.type !== 'cpuMemoryOnly') continue;
      const ref = scaleTargetRef(scaler);
      r.report('cpuOnly', signals.path, {
        kind: scaler.kind,
        name: scaler.name,
        targetKind: ref.kind ?? '',
        target: ref.name ?? '',
        metrics: describe(signals),
      });
    }
    for (const isvc of bundle.ofKind('InferenceService')) {
      const predictor = bundle.workloadOf(isvc)?.templates.find((t) => t.role === 'predictor');
      if (!predictor || !facts.isGpuTemplate(predictor)) continue;
      const signals = kserveSignals(isvc);
      if (!signals || signals.type === 'unknown') continue;
      const r = ctx.on(isvc);
      if (signals.type !== 'cpuMemoryOnly') continue;
      r.report('kserveCpuOnly', signals.path, { name: isvc.name, metrics: describe(signals) });
    }
  },
});
