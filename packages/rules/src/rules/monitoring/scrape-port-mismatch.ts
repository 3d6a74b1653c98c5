import { defineRule } from '../../engine/rule';
import type { Reporter } from '../../engine/context';
import type { PodTemplate } from '../../bundle/workload';
import type { Path } from '../../model';
import { asArray, asNumber, getIn, isObject, stringMap } from '../../util/json';
import { containerPorts, findPort, parsePortRef, podPorts } from '../../util/ports';
import type { DeclaredPort, PortRef } from '../../util/ports';
import {
  PORT_ANNOTATION,
  annotationPath,
  podAnnotations,
  scrapeIndex,
  servicePortNames,
} from './scrape';

type MessageId = 'annotationNotNumber' | 'annotationPort' | 'servicePort' | 'podPort';

/** Ports of the templates, when at least one of them declares ports (undeclared ones are common). */
function declaredPorts(templates: readonly PodTemplate[]): DeclaredPort[] | undefined {
  if (!templates.some((t) => t.containers.some((c) => containerPorts(c).length > 0)))
    return undefined;
  return templates.flatMap((t) => podPorts(t));
}

function describePorts(ports: readonly DeclaredPort[]): string {
  const names = ports.map((p) =>
    p.name && p.number !== undefined ? `${p.name}/${p.number}` : String(p.name ?? p.number ?? '?'),
  );
  return [...new Set(names)].join(', ') || 'none';
}

/** Checks a `prometheus.io/port` annotation against the ports of the pods it scrapes. */
function checkAnnotation(
  reporter: () => Reporter<MessageId>,
  value: string,
  path: Path,
  templates: readonly PodTemplate[],
): void {
  const ref = parsePortRef(value);
  if (ref?.type !== 'number') {
    reporter().report('annotationNotNumber', path, { port: value });
    return;
  }
  const ports = declaredPorts(templates);
  if (!ports) return;
  const r = reporter();
  if (!findPort(ports, ref))
    r.report('annotationPort', path, { port: ref.value, declared: describePorts(ports) });
}

/** Checks the pod-side port reference of a monitor endpoint (`targetPort`, `portNumber`, `port`). */
function checkPodPort(
  reporter: Reporter<MessageId>,
  ref: PortRef | undefined,
  path: Path,
  index: number,
  ports: readonly DeclaredPort[] | undefined,
): void {
  if (!ref || !ports || findPort(ports, ref)) return;
  reporter.report('podPort', path, {
    index,
    port: ref.type === 'name' ? `"${ref.value}"` : ref.value,
    declared: describePorts(ports),
  });
}

export default defineRule({
  meta: {
    id: 'monitoring/scrape-port-mismatch',
    category: 'monitoring',
    severity: 'warning',
    tags: ['observability'],
    description: "A `prometheus.io/port` or a monitor's port that no container exposes.",
    rationale:
      'A scrape aimed at the wrong port fails quietly: the target shows as down or disappears, dashboards go ' +
      'flat and alerts on the model server never fire. `prometheus.io/port` names a container port (also on a ' +
      'Service, where Prometheus replaces the endpoint port with it, so a Service port there is a classic ' +
      "mistake); a ServiceMonitor endpoint's `port` names a port of the Service; a PodMonitor endpoint's `port` " +
      'names a container port. Pods whose containers declare no ports are not judged, since Kubernetes does not ' +
      'require ports to be declared.',
    remediation:
      'Point the annotation or the endpoint at the port the metrics are served on: the containerPort (number) ' +
      'for `prometheus.io/port`, the Service port name for a ServiceMonitor, the container port name for a ' +
      'PodMonitor. Name the metrics port in `ports[]` so monitors can refer to it.',
    messages: {
      annotationNotNumber:
        'prometheus.io/port is "{{port}}", not a port number: Prometheus cannot build a target address from it.',
      annotationPort:
        'prometheus.io/port is {{port}}, but no container of the scraped pods declares that port (ports: {{declared}}).',
      servicePort:
        'Endpoint {{index}} scrapes port "{{port}}", but no Service the ServiceMonitor selects has a port of that name (ports: {{declared}}).',
      podPort:
        'Endpoint {{index}} scrapes port {{port}}, but no container of the selected pods declares it (ports: {{declared}}).',
    },
  },
  check(ctx) {
    const index = scrapeIndex(ctx.bundle);
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const value = podAnnotations(template)[PORT_ANNOTATION];
      if (value === undefined) continue;
      checkAnnotation(() => ctx.on(template), value, annotationPath(template, PORT_ANNOTATION), [
        template,
      ]);
    }
    // Services and monitors are judged against the pods and Services they select: only a
    // complete set shows all of them.
    if (!ctx.bundle.complete) return;
    for (const svc of ctx.bundle.ofKind('Service')) {
      const value = stringMap(getIn(svc.object, ['metadata', 'annotations']))[PORT_ANNOTATION];
      if (value === undefined) continue;
      checkAnnotation(
        () => ctx.on(svc),
        value,
        ['metadata', 'annotations', PORT_ANNOTATION],
        ctx.bundle.selectedTemplates(svc),
      );
    }
    for (const sm of ctx.bundle.ofKind('ServiceMonitor')) {
      const services = index.servicesOf(sm);
      // Services an operator creates are not in the set: their ports are unknown.
      if (services.length === 0 || index.operatorTemplatesOf(sm).length > 0) continue;
      const reporter = ctx.on(sm);
      const names = services.flatMap(servicePortNames);
      const pods = declaredPorts(services.flatMap((s) => ctx.bundle.selectedTemplates(s)));
      asArray(getIn(sm.object, ['spec', 'endpoints'])).forEach((endpoint, i) => {
        if (!isObject(endpoint)) return;
        const base = ['spec', 'endpoints', i];
        const port = endpoint.port;
        if (typeof port === 'string' && port !== '' && !names.includes(port))
          reporter.report('servicePort', [...base, 'port'], {
            index: i,
            port,
            declared: [...new Set(names)].join(', ') || 'none named',
          });
        checkPodPort(reporter, parsePortRef(endpoint.targetPort), [...base, 'targetPort'], i, pods);
      });
    }
    for (const pm of ctx.bundle.ofKind('PodMonitor')) {
      const templates = index.podsOf(pm);
      const ports = declaredPorts(templates);
      if (!ports) continue;
      const reporter: Reporter<MessageId> = ctx.on(pm);
      asArray(getIn(pm.object, ['spec', 'podMetricsEndpoints'])).forEach((endpoint, i) => {
        if (!isObject(endpoint)) return;
        const base = ['spec', 'podMetricsEndpoints', i];
        const name = endpoint.port;
        if (typeof name === 'string' && name !== '')
          checkPodPort(reporter, { type: 'name', value: name }, [...base, 'port'], i, ports);
        const number = asNumber(endpoint.portNumber);
        if (number !== undefined)
          checkPodPort(
            reporter,
            { type: 'number', value: number },
            [...base, 'portNumber'],
            i,
            ports,
          );
        checkPodPort(
          reporter,
          parsePortRef(endpoint.targetPort),
          [...base, 'targetPort'],
          i,
          ports,
        );
      });
    }
  },
});
