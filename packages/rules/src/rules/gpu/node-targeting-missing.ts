import { defineRule } from '../../engine/rule';
import { asArray, asObject, asString, getIn, globToRegExp, matchesAny } from '../../util/json';
import { kueueManaged } from './gpu-resources';

/** Keys of the node selector terms of a node affinity, required and preferred. */
function affinityKeys(spec: unknown): string[] {
  const nodeAffinity = asObject(getIn(spec, ['affinity', 'nodeAffinity']));
  const terms = [
    ...asArray(
      getIn(nodeAffinity, ['requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms']),
    ),
    ...asArray(nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution).map((p) =>
      getIn(p, ['preference']),
    ),
  ];
  return terms.flatMap((term) =>
    asArray(getIn(term, ['matchExpressions'])).flatMap((e) => {
      const key = asString(getIn(e, ['key']));
      return key === undefined ? [] : [key];
    }),
  );
}

export default defineRule({
  meta: {
    id: 'gpu/node-targeting-missing',
    category: 'gpu',
    severity: 'info',
    tags: ['gpu', 'scheduling'],
    description: 'GPU workload without nodeSelector/nodeAffinity on a GPU node label.',
    rationale:
      'Asking for nvidia.com/gpu only says "some GPU". Clusters have several kinds — a T4 and an H100 differ ' +
      'tenfold in memory and price — and a model that fits one does not fit the other, so an untargeted pod ' +
      'lands on whatever GPU is free: it fails with out-of-memory on a small one or wastes a large one. A ' +
      'nodeSelector or node affinity on a GPU node label (nvidia.com/gpu.product, ' +
      'cloud.google.com/gke-accelerator, karpenter.k8s.aws/instance-gpu-name, … — the gpuNodeLabels setting) ' +
      'states which GPU the workload was sized for, and lets autoscalers create the right nodes. nodeName ' +
      'counts as targeting, and workloads queued through Kueue (kueue.x-k8s.io/queue-name) get their node ' +
      'labels from the ResourceFlavor, so they pass. TrainJob pods are built from their runtime and are not ' +
      'checked.',
    remediation:
      'Add a nodeSelector (or a required or preferred nodeAffinity term) on a GPU node label, for example ' +
      'nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB}; list your own labels in settings.gpuNodeLabels.',
    messages: {
      missing:
        'The GPU pod has no nodeSelector or node affinity on a GPU node label ({{labels}}), so it runs on ' +
        'whatever GPU is free.',
    },
  },
  check(ctx) {
    const patterns = ctx.settings.gpuNodeLabels.map(globToRegExp);
    const shown = ctx.settings.gpuNodeLabels.slice(0, 3).join(', ');
    const labels = ctx.settings.gpuNodeLabels.length > 3 ? `${shown}, …` : shown;
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec || !ctx.facts.isGpuTemplate(template)) continue;
      const reporter = ctx.on(template);
      const spec = template.spec;
      if (asString(spec.nodeName) || kueueManaged(template)) continue;
      const keys = [...Object.keys(asObject(spec.nodeSelector) ?? {}), ...affinityKeys(spec)];
      if (keys.some((k) => matchesAny(k, patterns))) continue;
      reporter.report('missing', [...template.specPath, 'nodeSelector'], { labels });
    }
  },
});
