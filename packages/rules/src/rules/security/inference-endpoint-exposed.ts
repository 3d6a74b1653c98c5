import type { PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { RuleContext } from '../../engine/context';
import type { Manifest, Path } from '../../model';
import { formatPath } from '../../model';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  asStrings,
  getIn,
  globToRegExp,
  stringMap,
} from '../../util/json';
import {
  firstTarget,
  GeneratedServices,
  hasAnnotation,
  internalAnnotations,
  isInternal,
  restrictsSources,
  targetOf,
} from './exposure';
import type { InternalAnnotations, RoutePort } from './exposure';
import { isRayHead, RAY_GROUP, rayClusterSpecPath } from './ray';

const DEFAULT_AUTH_ANNOTATIONS = [
  'nginx.ingress.kubernetes.io/auth-url',
  'nginx.ingress.kubernetes.io/auth-type',
  'nginx.ingress.kubernetes.io/auth-tls-verify-client',
  'nginx.ingress.kubernetes.io/whitelist-source-range',
  'nginx.ingress.kubernetes.io/allowlist-source-range',
  'nginx.org/basic-auth-secret',
  'nginx.com/jwt-key',
  'ingress.kubernetes.io/auth-url',
  'ingress.kubernetes.io/auth-type',
  'haproxy.org/auth-type',
  'haproxy-ingress.github.io/auth-url',
  'haproxy-ingress.github.io/auth-type',
  'traefik.ingress.kubernetes.io/router.middlewares',
  'alb.ingress.kubernetes.io/auth-type',
  'konghq.com/plugins',
];

const DEFAULT_INTERNAL_ANNOTATIONS: Record<string, string[]> = {
  'networking.gke.io/load-balancer-type': ['Internal'],
  'cloud.google.com/load-balancer-type': ['Internal'],
  'service.beta.kubernetes.io/aws-load-balancer-internal': ['true', '0.0.0.0/0'],
  'service.beta.kubernetes.io/aws-load-balancer-scheme': ['internal'],
  'service.beta.kubernetes.io/azure-load-balancer-internal': ['true'],
  'service.beta.kubernetes.io/oci-load-balancer-internal': ['true'],
  'service.beta.kubernetes.io/openstack-internal-load-balancer': ['true'],
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': ['private'],
  'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': ['intranet'],
  'alb.ingress.kubernetes.io/scheme': ['internal'],
  'kubernetes.io/ingress.class': ['gce-internal'],
  'appgw.ingress.kubernetes.io/use-private-ip': ['true'],
};

const EXPOSING_TYPES = new Set(['LoadBalancer', 'NodePort']);

interface Settings {
  auth: RegExp[];
  internal: InternalAnnotations;
  internalClasses: Set<string>;
}

function settingsOf(options: Readonly<Record<string, unknown>>): Settings {
  const strings = (v: unknown): string[] => asStrings(v);
  return {
    auth: strings(options.authAnnotations).map(globToRegExp),
    internal: internalAnnotations(options.internalAnnotations),
    internalClasses: new Set(strings(options.internalIngressClasses)),
  };
}

interface Backend {
  service: string;
  port: RoutePort;
  path: Path;
}

/** Services an Ingress routes to (networking.k8s.io/v1 and the older extensions/v1beta1 shape). */
function ingressBackends(ingress: Manifest): Backend[] {
  const out: Backend[] = [];
  const add = (backend: unknown, path: Path): void => {
    const v1 = asString(getIn(backend, ['service', 'name']));
    if (v1)
      out.push({
        service: v1,
        port:
          portOf(getIn(backend, ['service', 'port', 'number'])) ??
          portOf(getIn(backend, ['service', 'port', 'name'])),
        path: [...path, 'service', 'name'],
      });
    const beta = asString(getIn(backend, ['serviceName']));
    if (beta)
      out.push({
        service: beta,
        port: portOf(getIn(backend, ['servicePort'])),
        path: [...path, 'serviceName'],
      });
  };
  const spec = asObject(ingress.object.spec);
  add(spec?.defaultBackend, ['spec', 'defaultBackend']);
  add(spec?.backend, ['spec', 'backend']);
  asArray(spec?.rules).forEach((rule, i) => {
    asArray(getIn(rule, ['http', 'paths'])).forEach((p, j) => {
      add(getIn(p, ['backend']), ['spec', 'rules', i, 'http', 'paths', j, 'backend']);
    });
  });
  return out;
}

/** Internal by annotation, by class, or an AWS ALB without a scheme (the controller defaults to internal). */
function isInternalIngress(
  ingress: Manifest,
  annotations: Record<string, string>,
  s: Settings,
): boolean {
  if (isInternal(annotations, s.internal)) return true;
  const cls =
    asString(getIn(ingress.object, ['spec', 'ingressClassName'])) ??
    annotations['kubernetes.io/ingress.class'];
  if (cls !== undefined && s.internalClasses.has(cls)) return true;
  return cls === 'alb' && annotations['alb.ingress.kubernetes.io/scheme'] === undefined;
}

function portOf(value: unknown): RoutePort {
  return asNumber(value) ?? asString(value);
}

/** The pod port a Service port leads to (its targetPort, else the same number). */
function targetPort(service: Manifest, port: RoutePort): RoutePort {
  if (port === undefined) return undefined;
  for (const p of asArray(getIn(service.object, ['spec', 'ports']))) {
    const entry = asObject(p);
    if (portOf(entry?.port) !== port && asString(entry?.name) !== port) continue;
    return portOf(entry?.targetPort) ?? portOf(entry?.port);
  }
  return port;
}

type Messages = 'service' | 'externalIPs' | 'ingress' | 'rayService' | 'rayIngress';

function checkServices(ctx: RuleContext<Messages>, s: Settings): void {
  for (const svc of ctx.bundle.ofKind('Service')) {
    if (svc.group !== '') continue;
    const target = firstTarget(ctx.facts, ctx.bundle.selectedTemplates(svc));
    if (!target) continue;
    const r = ctx.on(svc);
    const type = asString(getIn(svc.object, ['spec', 'type'])) ?? 'ClusterIP';
    const annotations = stringMap(getIn(svc.object, ['metadata', 'annotations']));
    const data = { name: svc.name, type, target };
    if (
      type === 'NodePort' ||
      (type === 'LoadBalancer' &&
        !isInternal(annotations, s.internal) &&
        !restrictsSources(svc.object))
    )
      r.report('service', ['spec', 'type'], data);
    else if (asArray(getIn(svc.object, ['spec', 'externalIPs'])).length > 0)
      r.report('externalIPs', ['spec', 'externalIPs'], data);
  }
}

function checkIngresses(
  ctx: RuleContext<Messages>,
  s: Settings,
  generated: GeneratedServices,
): void {
  for (const ingress of ctx.bundle.ofKind('Ingress')) {
    if (ingress.group !== 'networking.k8s.io' && ingress.group !== 'extensions') continue;
    const seen = new Set<string>();
    const hits: { path: Path; target: string }[] = [];
    for (const backend of ingressBackends(ingress)) {
      const key = `${backend.service}:${backend.port ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const svc = ctx.bundle.find('Service', backend.service, ingress);
      let templates: PodTemplate[] = svc ? ctx.bundle.selectedTemplates(svc) : [];
      let port = svc ? targetPort(svc, backend.port) : backend.port;
      if (templates.length === 0) {
        templates = generated.templatesOf(ingress, backend.service);
        port = backend.port; // KubeRay and KServe services map each port to the same container port
      }
      const target = firstTarget(ctx.facts, templates, port);
      if (target) hits.push({ path: backend.path, target });
    }
    if (hits.length === 0) continue;
    const r = ctx.on(ingress);
    const annotations = stringMap(getIn(ingress.object, ['metadata', 'annotations']));
    if (hasAnnotation(annotations, s.auth) || isInternalIngress(ingress, annotations, s)) continue;
    for (const hit of hits)
      r.report('ingress', hit.path, { name: ingress.name, target: hit.target });
  }
}

interface RayExposure {
  type: string;
  path: Path;
  annotations: Record<string, string>;
  target: string;
}

/** The Services KubeRay creates for a Ray object: the head service, and RayService's serve service. */
function rayServices(
  m: Manifest,
  head: PodTemplate,
  headTarget: string | undefined,
): RayExposure[] {
  const obj = m.object;
  const cluster = rayClusterSpecPath(head);
  const group = [...cluster, 'headGroupSpec'];
  const defaultType = asString(getIn(obj, [...group, 'serviceType']));
  const out: RayExposure[] = [];
  const add = (
    custom: Path,
    annotations: Record<string, string>,
    target: string | undefined,
  ): void => {
    const own = asString(getIn(obj, [...custom, 'spec', 'type']));
    const type = own ?? defaultType;
    if (!target || type === undefined) return;
    const path = own !== undefined ? [...custom, 'spec', 'type'] : [...group, 'serviceType'];
    out.push({
      type,
      path,
      annotations: {
        ...stringMap(getIn(obj, [...custom, 'metadata', 'annotations'])),
        ...annotations,
      },
      target,
    });
  };
  add(
    [...group, 'headService'],
    stringMap(getIn(obj, [...cluster, 'headServiceAnnotations'])),
    headTarget,
  );
  if (m.kind === 'RayService')
    add(['spec', 'serveService'], {}, `the Ray Serve endpoint of RayService "${m.name}"`);
  return out;
}

function checkRay(ctx: RuleContext<Messages>, s: Settings): void {
  for (const w of ctx.bundle.workloads) {
    const m = w.manifest;
    const head = m.group === RAY_GROUP ? w.templates.find(isRayHead) : undefined;
    if (!head) continue;
    const headTarget = targetOf(ctx.facts, head);
    if (!headTarget && m.kind !== 'RayService') continue;
    const r = ctx.on(m);
    // One finding per field: RayService's serve service shares the head's serviceType by default.
    const byPath = new Map<string, { path: Path; type: string; targets: string[] }>();
    for (const e of rayServices(m, head, headTarget)) {
      if (
        !EXPOSING_TYPES.has(e.type) ||
        (e.type === 'LoadBalancer' && isInternal(e.annotations, s.internal))
      )
        continue;
      const key = formatPath(e.path);
      const entry = byPath.get(key) ?? { path: e.path, type: e.type, targets: [] };
      entry.targets.push(e.target);
      byPath.set(key, entry);
    }
    for (const e of byPath.values())
      r.report('rayService', e.path, {
        kind: m.kind,
        name: m.name,
        type: e.type,
        target: e.targets.join(' and '),
      });
    const ingressPath = [...rayClusterSpecPath(head), 'headGroupSpec', 'enableIngress'];
    const annotations = stringMap(getIn(m.object, ['metadata', 'annotations']));
    if (
      headTarget &&
      getIn(m.object, ingressPath) === true &&
      !hasAnnotation(annotations, s.auth) &&
      !isInternal(annotations, s.internal)
    )
      r.report('rayIngress', ingressPath, { kind: m.kind, name: m.name, target: headTarget });
  }
}

export default defineRule({
  meta: {
    id: 'security/inference-endpoint-exposed',
    category: 'security',
    severity: 'warning',
    tags: ['network', 'inference'],
    description:
      'A LoadBalancer or NodePort Service, or an Ingress without authentication annotations, in front of a model server or a Ray head.',
    rationale:
      'Model servers such as vLLM, TGI, Triton or Ollama have no authentication by default: anyone who can ' +
      'reach the port can spend your GPUs, read prompts through the metrics and debug endpoints, or load ' +
      'other models. The Ray dashboard and job API (port 8265) run arbitrary code on the cluster by design. ' +
      'A LoadBalancer, NodePort or externalIPs Service, or an Ingress without an authentication layer, puts ' +
      'them on a network you do not control. The rule follows Services, Ingress backends (including the ' +
      'Services KubeRay and KServe create: <name>-head-svc, <name>-serve-svc, <name>-predictor) and the ' +
      'head service types KubeRay creates from serviceType, headService and serveService. Internal load ' +
      'balancers (by annotation), LoadBalancers restricted by loadBalancerSourceRanges, Ingresses with an ' +
      'authentication or allow-list annotation, AWS ALB Ingresses without an internet-facing scheme, and Ray ' +
      'heads with token authentication (authOptions.mode: token) are not reported.',
    remediation:
      'Keep the Service ClusterIP and expose it through an Ingress or gateway that authenticates (for example ' +
      'nginx auth-url to oauth2-proxy, or an API gateway with API keys), or make the load balancer internal ' +
      'and restrict loadBalancerSourceRanges. Never expose the Ray dashboard; use kubectl port-forward or ' +
      'enable Ray token authentication.',
    anchors: ['Kubescape C-0021 (generic)'],
    messages: {
      service: 'Service "{{name}}" of type {{type}} exposes {{target}} outside the cluster.',
      externalIPs: 'Service "{{name}}" exposes {{target}} on external IPs.',
      ingress: 'Ingress "{{name}}" routes to {{target}} without authentication annotations.',
      rayService:
        '{{kind}} "{{name}}" asks KubeRay for a {{type}} Service, exposing {{target}} outside the cluster.',
      rayIngress:
        '{{kind}} "{{name}}" asks KubeRay for an Ingress to {{target}} without authentication annotations.',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          authAnnotations: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Ingress annotations (`*` wildcards) that put authentication or a client allow-list in front of the backend.',
          },
          internalAnnotations: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            description:
              'Annotations that make a load balancer or Ingress internal, with the values that do (any case).',
          },
          internalIngressClasses: {
            type: 'array',
            items: { type: 'string' },
            description: 'Ingress classes that only serve internal networks.',
          },
        },
      },
      defaults: {
        authAnnotations: DEFAULT_AUTH_ANNOTATIONS,
        internalAnnotations: DEFAULT_INTERNAL_ANNOTATIONS,
        internalIngressClasses: ['gce-internal'],
      },
    },
  },
  check(ctx) {
    const s = settingsOf(ctx.options);
    checkServices(ctx, s);
    checkIngresses(ctx, s, new GeneratedServices(ctx.bundle));
    checkRay(ctx, s);
  },
});
