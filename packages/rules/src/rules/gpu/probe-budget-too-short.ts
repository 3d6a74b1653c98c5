import { defineRule } from '../../engine/rule';
import type { ProbeSource } from '../../util/probes';
import { budgetFormula, loadsModel, probeBudget, probeOf, resolveProbe } from '../../util/probes';

export default defineRule({
  meta: {
    id: 'gpu/probe-budget-too-short',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'inference', 'probes'],
    description:
      'An inference server whose startup budget (initialDelay + failureThreshold × period) is below the configured model-load time (default 600 s).',
    rationale:
      'The kubelet restarts a container whose startup probe has failed failureThreshold times, so the ' +
      'time a model server gets to come up is initialDelaySeconds + failureThreshold × periodSeconds ' +
      '(Kubernetes defaults: 0, 3 and 10, so 30 s). Pulling a multi-gigabyte model and loading it into GPU ' +
      'memory takes minutes; a shorter budget kills the server mid-load, over and over. Without a startupProbe ' +
      'the liveness probe is what runs during the load, so its budget is the one checked. The expected load ' +
      'time is the modelLoadSeconds setting (600 s by default). The rule applies to the container that loads ' +
      'the model (see gpu/startup-probe-missing); the probes KubeRay injects into Ray containers are not ' +
      'judged, since they do not wait for models to load.',
    remediation:
      'Raise the startupProbe failureThreshold (or periodSeconds) so that initialDelaySeconds + ' +
      'failureThreshold × periodSeconds covers the model load, or set settings.modelLoadSeconds to the load ' +
      'time you measured; without a startupProbe, add one rather than delaying the liveness probe.',
    messages: {
      startup:
        'Container "{{container}}" gets {{budget}} s to start ({{formula}} s), less than the {{expected}} s a model may take to load.',
      liveness:
        'Container "{{container}}" has no startupProbe and its livenessProbe restarts it after {{budget}} s ({{formula}} s), less than the {{expected}} s a model may take to load.',
    },
  },
  check(ctx) {
    const expected = ctx.settings.modelLoadSeconds;
    for (const s of ctx.containers({ init: false })) {
      if (!ctx.facts.isInferenceServer(s.workload) || !loadsModel(ctx.facts, s)) continue;
      const startup = resolveProbe(ctx.bundle, s, 'startupProbe');
      if (startup.kind === 'unknown') continue;
      let source: ProbeSource = startup;
      let messageId: 'startup' | 'liveness' = 'startup';
      if (startup.kind === 'none') {
        source = resolveProbe(ctx.bundle, s, 'livenessProbe');
        messageId = 'liveness';
      }
      const probe = probeOf(source);
      if (!probe) continue;
      const reporter = ctx.on(s.template, s.container);
      const budget = probeBudget(probe);
      if (budget >= expected) continue;
      let path = s.container.path;
      if (source.kind === 'own')
        path = messageId === 'startup' ? [...source.path, 'failureThreshold'] : source.path;
      reporter.report(messageId, path, {
        container: s.container.name,
        budget,
        formula: budgetFormula(probe),
        expected,
      });
    }
  },
});
