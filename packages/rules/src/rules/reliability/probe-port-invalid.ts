import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { Reporter } from '../../engine/context';
import {
  containerPorts,
  findPort,
  isValidPortNumber,
  parsePortRef,
  podPorts,
  portsOf,
} from '../../util/ports';
import { isKServeServingContainer, ownProbe, PROBE_KINDS, probeHandler } from '../../util/probes';
import type { ProbeKind } from '../../util/probes';

type MessageId = 'undeclaredName' | 'undeclaredNumber' | 'outOfRange' | 'grpcName';

function checkProbe(
  reporter: Reporter<MessageId>,
  template: PodTemplate,
  container: ContainerRef,
  kind: ProbeKind,
): void {
  const probe = ownProbe(container, kind);
  const handler = probe && probeHandler(probe);
  if (!handler || handler.kind === 'exec') return;
  const path = [...container.path, kind, handler.kind, 'port'];
  const ref = parsePortRef(handler.value.port);
  if (!ref) return;
  const data = { container: container.name, probe: kind, port: ref.value };
  if (ref.type === 'number') {
    if (!isValidPortNumber(ref.value)) {
      reporter.report('outOfRange', path, data);
      return;
    }
    // Probes reach the pod's IP, so a port any container of the pod declares is fine. Many
    // images listen without declaring their port: only a container that declares ports, none of
    // them this one, is likely to probe the wrong port.
    if (containerPorts(container).length > 0 && !findPort(podPorts(template), ref))
      reporter.report('undeclaredNumber', path, data, { severity: 'warning' });
    return;
  }
  if (handler.kind === 'grpc') {
    reporter.report('grpcName', path, data);
    return;
  }
  // KServe and its ServingRuntime give a serving container without ports its port.
  if (
    containerPorts(container).length === 0 &&
    isKServeServingContainer({ container, template, workload: template.workload })
  )
    return;
  if (!findPort(portsOf(template, container), ref)) reporter.report('undeclaredName', path, data);
}

export default defineRule({
  meta: {
    id: 'reliability/probe-port-invalid',
    category: 'reliability',
    severity: 'error',
    tags: ['probes'],
    description: 'A probe on a named or numbered port the container does not declare.',
    rationale:
      'The kubelet resolves a named probe port among the ports of the probed container only: a name the ' +
      'container does not declare (a typo, a port renamed or moved to a sidecar) makes every probe fail, so a ' +
      'liveness probe restarts the container forever and a readiness probe keeps it out of its Service. A ' +
      'port number outside 1–65535, or a name on a gRPC probe, is rejected by the API server. A numbered port ' +
      'works whether or not it is declared, so it is reported (as a warning) only when the container declares ' +
      'its ports and no container of the pod declares that one, which is usually a probe left on an old port. ' +
      "Ports operators add are counted (KubeRay's metrics port 8080 on the Ray container), and a KServe " +
      'serving container without ports is not judged, since KServe or its ServingRuntime gives it one.',
    remediation:
      'Point the probe at a port the container declares in ports[] (by its name or number), or declare the ' +
      'port the server actually listens on.',
    anchors: [
      'kube-linter liveness-port',
      'kube-linter readiness-port',
      'kube-linter startup-port',
    ],
    messages: {
      undeclaredName:
        'The {{probe}} of container "{{container}}" uses port "{{port}}", which the container does not declare: the probe always fails.',
      undeclaredNumber:
        'The {{probe}} of container "{{container}}" uses port {{port}}, which no container of the pod declares.',
      outOfRange: 'The {{probe}} of container "{{container}}" uses port {{port}}, outside 1–65535.',
      grpcName:
        'The {{probe}} of container "{{container}}" names port "{{port}}": gRPC probes take a port number.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const kinds = PROBE_KINDS.filter((k) => {
        const probe = ownProbe(container, k);
        const handler = probe && probeHandler(probe);
        return handler !== undefined && handler.kind !== 'exec' && handler.value.port !== undefined;
      });
      if (kinds.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const kind of kinds) checkProbe(reporter, template, container, kind);
    }
  },
});
