import { defineRule } from '../../engine/rule';
import { asArray, asObject, asString } from '../../util/json';
import { kueueManaged } from './gpu-resources';

/** Whether a toleration tolerates a taint with this key, whatever its value and effect. */
function tolerates(toleration: unknown, taints: readonly string[]): boolean {
  const t = asObject(toleration);
  if (!t) return false;
  const key = asString(t.key) ?? '';
  const operator = asString(t.operator) ?? 'Equal';
  // An empty key with Exists tolerates every taint.
  if (key === '') return operator === 'Exists';
  return taints.includes(key) && (operator === 'Exists' || operator === 'Equal');
}

export default defineRule({
  meta: {
    id: 'gpu/toleration-missing',
    category: 'gpu',
    severity: 'info',
    tags: ['gpu', 'scheduling'],
    description:
      'GPU workload that does not tolerate the configured GPU taint (default `nvidia.com/gpu`).',
    rationale:
      'GPU nodes are usually tainted (nvidia.com/gpu:NoSchedule, or the taint your node pools set) so that ' +
      'ordinary pods stay off them. A GPU pod without a matching toleration cannot be scheduled there unless ' +
      'the cluster adds the toleration for it (the ExtendedResourceToleration admission plugin, which GKE and ' +
      'some distributions enable, does that for pods that ask for the extended resource): on other clusters ' +
      'it stays Pending. Stating the toleration makes the workload portable. A toleration of any key in the ' +
      'gpuTaints setting (Exists, or Equal with any value) passes, as does one with an empty key and Exists; ' +
      'workloads queued through Kueue get their tolerations from the ResourceFlavor, and TrainJob pods from ' +
      'their runtime.',
    remediation:
      'Add a toleration for the GPU taint of your nodes, for example tolerations: [{key: nvidia.com/gpu, ' +
      'operator: Exists, effect: NoSchedule}]; list your own taint keys in settings.gpuTaints.',
    messages: {
      missing:
        'The GPU pod does not tolerate the GPU node taint ({{taints}}), so it cannot run on tainted GPU nodes.',
    },
  },
  check(ctx) {
    const taints = ctx.settings.gpuTaints;
    if (taints.length === 0) return;
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec || !ctx.facts.isGpuTemplate(template)) continue;
      const reporter = ctx.on(template);
      if (kueueManaged(template)) continue;
      if (asArray(template.spec.tolerations).some((t) => tolerates(t, taints))) continue;
      reporter.report('missing', [...template.specPath, 'tolerations'], {
        taints: taints.join(', '),
      });
    }
  },
});
