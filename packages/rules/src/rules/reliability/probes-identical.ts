import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { JsonObject } from '../../model';
import { parsePortRef, portNumber, portsOf } from '../../util/ports';
import { canonical, ownProbe, probeHandler, probeTiming } from '../../util/probes';

/**
 * A probe in a comparable form: timing with defaults filled in, and the handler with the
 * defaults the API server applies (httpGet path `/`, scheme HTTP) and its port resolved to a number.
 */
function normalized(probe: JsonObject, template: PodTemplate, container: ContainerRef): string {
  const handler = probeHandler(probe);
  let action: JsonObject | undefined = handler?.value;
  if (handler && handler.kind !== 'exec') {
    const ref = parsePortRef(handler.value.port);
    const port = ref ? (portNumber(portsOf(template, container), ref) ?? ref.value) : null;
    action = { ...handler.value, port };
    if (handler.kind === 'httpGet')
      action = {
        ...action,
        path: handler.value.path ?? '/',
        scheme: handler.value.scheme ?? 'HTTP',
      };
  }
  const timing = probeTiming(probe);
  // terminationGracePeriodSeconds (liveness only) does not change when the probe fails: left out.
  return canonical({ ...timing, handler: handler?.kind ?? null, action: action ?? null });
}

export default defineRule({
  meta: {
    id: 'reliability/probes-identical',
    category: 'reliability',
    severity: 'warning',
    tags: ['probes'],
    description: 'A container whose liveness probe is identical to its readiness probe.',
    rationale:
      'Readiness and liveness answer different questions: "can this pod take traffic now?" and "is this ' +
      'process beyond recovery?". When both probes are the same check with the same thresholds, a model ' +
      'server that is merely busy (a long batch, a full queue) fails both at the same moment and is restarted ' +
      'instead of being taken out of rotation for a while, which reloads the model and moves its load onto the ' +
      'remaining replicas. The probes are compared as the kubelet runs them: defaults filled in and named ports ' +
      'resolved, so `port: http` and `port: 8080` are the same check.',
    remediation:
      'Keep the readinessProbe strict and make the livenessProbe more tolerant: a higher failureThreshold or ' +
      'periodSeconds, or a cheaper endpoint that only checks that the process responds.',
    anchors: ['kube-score pod-probes-identical'],
    messages: {
      identical:
        'Container "{{container}}" has identical liveness and readiness probes: a busy pod is restarted instead of taken out of rotation.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const liveness = ownProbe(container, 'livenessProbe');
      const readiness = ownProbe(container, 'readinessProbe');
      if (!liveness || !readiness) continue;
      const reporter = ctx.on(template, container);
      if (normalized(liveness, template, container) === normalized(readiness, template, container))
        reporter.report('identical', [...container.path, 'livenessProbe'], {
          container: container.name,
        });
    }
  },
});
