import { defineRule } from '../../engine/rule';
import { loadsModel, probeBudget, probeOf, resolveProbe } from '../../util/probes';

export default defineRule({
  meta: {
    id: 'gpu/startup-probe-missing',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'inference', 'probes'],
    description:
      'An inference server with liveness/readiness probes but no startupProbe (model load).',
    rationale:
      'A model server spends its first minutes downloading and loading weights into GPU memory and answers ' +
      'no health check meanwhile. A liveness probe runs from the start unless a startupProbe holds it back, ' +
      'so the kubelet kills the container mid-load, it starts loading again, and the pod never becomes ready ' +
      '(CrashLoopBackOff on a node whose GPUs stay allocated). A startupProbe gives the load its own budget ' +
      'and lets the liveness probe stay strict afterwards. The rule applies to the container that loads the ' +
      'model (it uses a GPU, its image names a model server, it is the only container, or it is the serving ' +
      'container of an InferenceService or RayService) when it has a liveness probe; a readiness probe alone ' +
      'restarts nothing, so it is not reported. The probes KubeRay injects into Ray containers check the ' +
      'raylet, which does not wait for models to load, and are not judged.',
    remediation:
      'Add a startupProbe on the same health endpoint with periodSeconds 10 and a failureThreshold that covers ' +
      'the model load (for example 60 for ten minutes); keep the liveness probe for hangs after startup.',
    messages: {
      missing:
        'Container "{{container}}" has a livenessProbe but no startupProbe: the liveness probe runs during the model load and restarts the container after {{budget}} s.',
    },
  },
  check(ctx) {
    for (const s of ctx.containers({ init: false })) {
      if (!ctx.facts.isInferenceServer(s.workload) || !loadsModel(ctx.facts, s)) continue;
      const liveness = probeOf(resolveProbe(ctx.bundle, s, 'livenessProbe'));
      if (!liveness) continue;
      const startup = resolveProbe(ctx.bundle, s, 'startupProbe');
      if (startup.kind === 'unknown') continue;
      const reporter = ctx.on(s.template, s.container);
      if (startup.kind === 'none')
        reporter.report('missing', [...s.container.path, 'startupProbe'], {
          container: s.container.name,
          budget: probeBudget(liveness),
        });
    }
  },
});
