import { defineRule } from '../../engine/rule';
import { resolveProbe } from '../../util/probes';

export default defineRule({
  meta: {
    id: 'reliability/readiness-probe-missing',
    category: 'reliability',
    severity: 'warning',
    tags: ['probes'],
    description:
      'A long-running container (Deployment, StatefulSet, DaemonSet, ReplicaSet, a Pod that restarts, serving and cluster CRDs — not Jobs or training runs) without a readiness probe.',
    rationale:
      'Without a readiness probe a pod receives traffic as soon as its containers start: requests reach a ' +
      'model server that is still downloading or loading weights and fail, and a rolling update replaces ready ' +
      'pods with pods that cannot answer yet. Jobs and training runs are left out. Operators that supply a ' +
      'readiness probe are taken into account: KServe gives the serving container of an InferenceService ' +
      'component a TCP readiness probe (Knative in Serverless mode, the raw-deployment reconciler otherwise), ' +
      'and KubeRay (1.1 and later) injects one into the Ray container of head and worker pods.',
    remediation:
      'Add a readinessProbe on the endpoint that answers only once the model is loaded (for example httpGet ' +
      '/health on vLLM, /v2/health/ready on Triton), with a short periodSeconds.',
    anchors: ['Polaris readinessProbeMissing', 'kube-linter no-readiness-probe'],
    messages: {
      missing:
        'Container "{{container}}" has no readinessProbe: it counts as ready, for its Services and for rollouts, as soon as it starts.',
    },
  },
  check(ctx) {
    for (const s of ctx.containers({ init: false })) {
      if (s.workload.class !== 'service') continue;
      const source = resolveProbe(ctx.bundle, s, 'readinessProbe');
      if (source.kind === 'unknown') continue;
      const reporter = ctx.on(s.template, s.container);
      if (source.kind === 'none')
        reporter.report('missing', [...s.container.path, 'readinessProbe'], {
          container: s.container.name,
        });
    }
  },
});
