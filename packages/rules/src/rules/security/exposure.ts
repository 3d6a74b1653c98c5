/**
 * What the inference-endpoint-exposed rule needs to know: which pods are model servers or Ray
 * heads, which Services reach them (including those KubeRay and KServe create), and whether a
 * Service or Ingress is internal or authenticated.
 */
import type { Bundle } from '../../bundle/bundle';
import type { PodTemplate, Workload } from '../../bundle/workload';
import type { Facts } from '../../engine/facts';
import type { JsonObject, Manifest } from '../../model';
import { asArray, asObject, asString, asStrings, getIn, globToRegExp } from '../../util/json';
import { isRayHead, RAY_GROUP, rayClusterSpecPath } from './ray';

/** KubeRay token authentication (`authOptions.mode: token`) protects the dashboard and job API. */
function rayAuthEnabled(head: PodTemplate): boolean {
  const spec = getIn(head.workload.manifest.object, rayClusterSpecPath(head));
  return asString(getIn(spec, ['authOptions', 'mode'])) === 'token';
}

/** Ray's gRPC ports: the client server (10001) and the GCS (6379). */
const RAY_GRPC_PORTS = new Set<string | number>([10001, 6379, 'client', 'gcs', 'gcs-server']);

/** Ray TLS (`RAY_USE_TLS`) makes the gRPC ports require a client certificate signed by its CA. */
function rayTlsEnabled(head: PodTemplate): boolean {
  return head.containers.some((c) =>
    asArray(c.value.env).some((e) => {
      const env = asObject(e);
      const value = asString(env?.value)?.toLowerCase();
      return asString(env?.name) === 'RAY_USE_TLS' && (value === '1' || value === 'true');
    }),
  );
}

/** The port a route goes to: a number or a port name. */
export type RoutePort = string | number | undefined;

/**
 * What an exposure would reach in the pods of a template, or undefined when nothing sensitive:
 * a Ray head without token authentication (unless the route only goes to a gRPC port that Ray
 * TLS protects), or a model server.
 */
export function targetOf(
  facts: Facts,
  template: PodTemplate,
  port?: RoutePort,
): string | undefined {
  const w = template.workload;
  const ref = `${w.manifest.kind} "${w.manifest.name}"`;
  if (isRayHead(template) && !rayAuthEnabled(template)) {
    const tlsOnly = port !== undefined && RAY_GRPC_PORTS.has(port) && rayTlsEnabled(template);
    if (!tlsOnly) return `the Ray head of ${ref} (dashboard and job submission)`;
  }
  if (facts.isInferenceServer(w)) return `the model server ${ref}`;
  return undefined;
}

export function firstTarget(
  facts: Facts,
  templates: readonly PodTemplate[],
  port?: RoutePort,
): string | undefined {
  for (const t of templates) {
    const target = targetOf(facts, t, port);
    if (target) return target;
  }
  return undefined;
}

function scopeKey(bundle: Bundle, near: Manifest, name: string): string {
  return `${bundle.scopeOf(near)}\u0000${name}`;
}

const KSERVE_SUFFIXES = ['predictor', 'transformer', 'explainer'] as const;

/**
 * Services that operators create for the workloads of the set and that an Ingress may name:
 * KubeRay's `<name>-head-svc`, `<name>-serve-svc` and custom head/serve Service names, KServe's
 * `<name>-predictor` (and `-transformer`, `-explainer`, with or without `-default`).
 */
export class GeneratedServices {
  private readonly byName = new Map<string, PodTemplate[]>();

  constructor(private readonly bundle: Bundle) {
    for (const w of bundle.workloads) {
      if (w.manifest.group === RAY_GROUP) this.addRay(w);
      else if (w.manifest.kind === 'InferenceService') this.addKServe(w);
    }
  }

  private add(near: Manifest, name: string | undefined, templates: PodTemplate[]): void {
    if (name && templates.length > 0) this.byName.set(scopeKey(this.bundle, near, name), templates);
  }

  private addRay(w: Workload): void {
    const m = w.manifest;
    const heads = w.templates.filter(isRayHead);
    const head = heads[0];
    if (!head) return;
    const clusterSpec = rayClusterSpecPath(head);
    this.add(m, `${m.name}-head-svc`, heads);
    this.add(
      m,
      asString(
        getIn(m.object, [...clusterSpec, 'headGroupSpec', 'headService', 'metadata', 'name']),
      ),
      heads,
    );
    if (m.kind === 'RayService') {
      const all = [...w.templates];
      this.add(m, `${m.name}-serve-svc`, all);
      this.add(m, asString(getIn(m.object, ['spec', 'serveService', 'metadata', 'name'])), all);
    }
  }

  private addKServe(w: Workload): void {
    for (const t of w.templates) {
      if (!t.role || !(KSERVE_SUFFIXES as readonly string[]).includes(t.role)) continue;
      this.add(w.manifest, `${w.manifest.name}-${t.role}`, [t]);
      this.add(w.manifest, `${w.manifest.name}-${t.role}-default`, [t]);
    }
  }

  templatesOf(near: Manifest, name: string): PodTemplate[] {
    return this.byName.get(scopeKey(this.bundle, near, name)) ?? [];
  }
}

/** Annotation keys (glob patterns) and the values that make a load balancer or Ingress internal. */
export type InternalAnnotations = ReadonlyMap<RegExp, readonly string[]>;

export function internalAnnotations(option: unknown): InternalAnnotations {
  const out = new Map<RegExp, readonly string[]>();
  for (const [key, values] of Object.entries(asObject(option) ?? {})) {
    const list = asStrings(values).map((v) => v.toLowerCase());
    out.set(globToRegExp(key), list);
  }
  return out;
}

/** Whether the annotations mark the load balancer (or Ingress) internal. */
export function isInternal(
  annotations: Readonly<Record<string, string>>,
  rules: InternalAnnotations,
): boolean {
  for (const [key, value] of Object.entries(annotations))
    for (const [pattern, values] of rules)
      if (pattern.test(key) && values.includes(value.trim().toLowerCase())) return true;
  return false;
}

export function hasAnnotation(
  annotations: Readonly<Record<string, string>>,
  patterns: readonly RegExp[],
): boolean {
  return Object.entries(annotations).some(
    ([k, v]) => v.trim() !== '' && patterns.some((p) => p.test(k)),
  );
}

/** loadBalancerSourceRanges that do not include the whole internet restrict who can connect. */
export function restrictsSources(service: JsonObject): boolean {
  const ranges = asStrings(getIn(service, ['spec', 'loadBalancerSourceRanges'])).map((r) =>
    r.trim(),
  );
  const annotation = asString(
    getIn(service, [
      'metadata',
      'annotations',
      'service.beta.kubernetes.io/load-balancer-source-ranges',
    ]),
  );
  if (annotation) ranges.push(...annotation.split(',').map((r) => r.trim()));
  return ranges.length > 0 && !ranges.some((r) => r === '0.0.0.0/0' || r === '::/0');
}
