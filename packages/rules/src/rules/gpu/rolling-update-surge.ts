import { defineRule } from '../../engine/rule';
import { getIn, stringMap } from '../../util/json';

interface Surge {
  surges: boolean;
  /** The value as written, for the message. */
  shown: string;
}

const NO_SURGE: Surge = { surges: false, shown: '0' };

/** What a maxSurge value amounts to; undefined when the API would not accept it. */
function surgeOf(value: unknown): Surge | undefined {
  if (value == null) return { surges: true, shown: '25% (the default)' };
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0
      ? { surges: value > 0, shown: String(value) }
      : undefined;
  // A percentage is rounded up, so anything above 0% adds at least one pod.
  if (typeof value === 'string' && /^\d+%$/.test(value))
    return { surges: parseInt(value, 10) > 0, shown: value };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'gpu/rolling-update-surge',
    category: 'gpu',
    severity: 'info',
    tags: ['gpu', 'rollout'],
    description:
      'A GPU Deployment whose rolling update surges (maxSurge > 0) without a spare-capacity opt-in.',
    rationale:
      'A RollingUpdate first creates maxSurge extra pods, and Kubernetes defaults maxSurge to 25%, ' +
      'rounded up: at least one extra pod for any Deployment. Each surge pod asks for the same ' +
      'GPUs as the others. GPU nodes rarely have an idle device, so the new pod stays Pending and ' +
      'the rollout stalls until its progress deadline, or it pulls in a new GPU node just for the ' +
      'duration of the rollout. Declaring spare capacity with the opt-in annotation (the ' +
      '`gpuSurgeAnnotation` setting, default aigov.dev/gpu-spare-capacity: "true") accepts the ' +
      'surge.',
    remediation:
      'Set spec.strategy.rollingUpdate.maxSurge: 0 with maxUnavailable: 1 (or a percentage) so ' +
      'the rollout frees a GPU before it starts a replacement pod, or use strategy.type: ' +
      'Recreate for a single replica. If the cluster keeps spare GPUs for rollouts, annotate the ' +
      'Deployment with aigov.dev/gpu-spare-capacity: "true".',
    messages: {
      surge:
        'Deployment "{{name}}" requests GPUs and surges by maxSurge {{surge}} during rollouts: the extra pods need GPUs no one reserved.',
    },
  },
  check(ctx) {
    const optIn = ctx.settings.gpuSurgeAnnotation;
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      if (m.kind !== 'Deployment' || !ctx.facts.isGpuWorkload(workload)) continue;
      const type = getIn(m.object, ['spec', 'strategy', 'type']) ?? 'RollingUpdate';
      const path = ['spec', 'strategy', 'rollingUpdate', 'maxSurge'];
      const surge =
        type === 'Recreate'
          ? NO_SURGE
          : type === 'RollingUpdate'
            ? surgeOf(getIn(m.object, path))
            : undefined;
      if (!surge) continue;
      const r = ctx.on(m);
      const annotations = stringMap(getIn(m.object, ['metadata', 'annotations']));
      if (!surge.surges || annotations[optIn]?.trim().toLowerCase() === 'true') continue;
      r.report('surge', path, { name: m.name, surge: surge.shown });
    }
  },
});
