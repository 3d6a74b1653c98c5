import { defineRule } from '../../engine/rule';
import { resolveProbe } from '../../util/probes';

export default defineRule({
  meta: {
    id: 'reliability/liveness-probe-missing',
    category: 'reliability',
    severity: 'warning',
    tags: ['probes'],
    description:
      'A long-running container (Deployment, StatefulSet, DaemonSet, ReplicaSet, a Pod that restarts, serving and cluster CRDs — not Jobs or training runs) without a liveness probe.',
    rationale:
      'Without a liveness probe the kubelet restarts a container only when its process exits. A model server ' +
      'that deadlocks, a CUDA context that hangs after an XID error or a worker stuck on a collective keeps its ' +
      'pod Running and its GPUs allocated while serving nothing. Batch workloads are left out: they end on their ' +
      'own and are bounded by their deadlines. The Ray container of a KubeRay head or worker pod is not ' +
      'reported, because KubeRay (1.1 and later) injects liveness and readiness probes that check the raylet and ' +
      'the GCS; other containers of those pods are. A KServe model whose container comes from a ServingRuntime ' +
      'outside the scanned set is not judged, since the runtime may define the probe.',
    remediation:
      'Add a livenessProbe that fails only when the process is stuck (an httpGet on a cheap health endpoint such ' +
      'as /health, or a tcpSocket), with a failureThreshold that tolerates load spikes; add a startupProbe so it ' +
      'does not run during the model load.',
    anchors: ['Polaris livenessProbeMissing', 'kube-linter no-liveness-probe'],
    messages: {
      missing: 'Container "{{container}}" has no livenessProbe: a hung process is never restarted.',
    },
  },
  check(ctx) {
    for (const s of ctx.containers({ init: false })) {
      if (s.workload.class !== 'service') continue;
      const source = resolveProbe(ctx.bundle, s, 'livenessProbe');
      if (source.kind === 'unknown') continue;
      const reporter = ctx.on(s.template, s.container);
      if (source.kind === 'none')
        reporter.report('missing', [...s.container.path, 'livenessProbe'], {
          container: s.container.name,
        });
    }
  },
});
