/**
 * A container's resource requests and limits as Kubernetes sees them after admission: the
 * request defaulted from the limit, and the defaults of the namespace's LimitRanges.
 */
import type { Bundle } from '../bundle/bundle';
import type { ContainerRef, PodTemplate } from '../bundle/workload';
import type { ContainerSubject, Reporter, RuleContext } from '../engine/context';
import type { JsonObject, JsonValue, Manifest, Path } from '../model';
import { asArray, asObject, asString, getIn } from './json';
import { parseQuantity } from './quantity';

export interface ResourceLists {
  /** `resources` as written (undefined when absent). */
  resources: JsonValue | undefined;
  /** `resources.requests` when it is a map, else empty. */
  requests: JsonObject;
  /** `resources.limits` when it is a map, else empty. */
  limits: JsonObject;
}

export function resourceLists(container: ContainerRef): ResourceLists {
  const resources = getIn(container.value, container.resourcesPath.slice(container.path.length));
  const map = asObject(resources);
  return {
    resources: resources as JsonValue | undefined,
    requests: asObject(map?.requests) ?? {},
    limits: asObject(map?.limits) ?? {},
  };
}

/** A value a LimitRange gives containers that do not set it, and which LimitRange. */
export interface DefaultValue {
  value: JsonValue;
  limitRange: string;
}

export interface ContainerDefaults {
  requests: ReadonlyMap<string, DefaultValue>;
  limits: ReadonlyMap<string, DefaultValue>;
}

const NO_DEFAULTS: ContainerDefaults = { requests: new Map(), limits: new Map() };
const defaultsByBundle = new WeakMap<Bundle, Map<string, ContainerDefaults>>();

/** Fills `into` with the entries of `from` it does not have yet (the first LimitRange wins). */
function fill(into: Map<string, DefaultValue>, from: unknown, limitRange: string): void {
  const map = asObject(from);
  if (!map) return;
  for (const [name, value] of Object.entries(map))
    if (value !== undefined && !into.has(name)) into.set(name, { value, limitRange });
}

/**
 * Adds the container defaults of one LimitRange, defaulted the way the API server does:
 * `default` falls back to `max`, `defaultRequest` to `default`, then to `min`.
 */
function addLimitRange(defaults: ContainerDefaults, m: Manifest): void {
  const limits = defaults.limits as Map<string, DefaultValue>;
  const requests = defaults.requests as Map<string, DefaultValue>;
  for (const item of asArray(getIn(m.object, ['spec', 'limits']))) {
    const entry = asObject(item);
    if (asString(entry?.type) !== 'Container') continue;
    const itemLimits = new Map<string, DefaultValue>();
    fill(itemLimits, entry?.default, m.name);
    fill(itemLimits, entry?.max, m.name);
    const itemRequests = new Map<string, DefaultValue>();
    fill(itemRequests, entry?.defaultRequest, m.name);
    for (const [name, v] of itemLimits) if (!itemRequests.has(name)) itemRequests.set(name, v);
    fill(itemRequests, entry?.min, m.name);
    for (const [name, v] of itemLimits) if (!limits.has(name)) limits.set(name, v);
    for (const [name, v] of itemRequests) if (!requests.has(name)) requests.set(name, v);
  }
}

/** The container defaults the LimitRanges of an object's namespace (in the scanned set) apply. */
export function limitRangeDefaults(bundle: Bundle, m: Manifest): ContainerDefaults {
  let byScope = defaultsByBundle.get(bundle);
  if (!byScope) {
    byScope = new Map();
    for (const lr of bundle.ofKind('LimitRange')) {
      const key = bundle.scopeOf(lr);
      let defaults = byScope.get(key);
      if (!defaults) {
        defaults = { requests: new Map(), limits: new Map() };
        byScope.set(key, defaults);
      }
      addLimitRange(defaults, lr);
    }
    defaultsByBundle.set(bundle, byScope);
  }
  return byScope.get(bundle.scopeOf(m)) ?? NO_DEFAULTS;
}

export interface EffectiveResource {
  request: JsonValue | undefined;
  limit: JsonValue | undefined;
}

/**
 * One resource of a container after admission: a limit without a request becomes the request;
 * what the container leaves unset comes from the namespace's LimitRange.
 */
export function effectiveResource(
  lists: ResourceLists,
  name: string,
  defaults: ContainerDefaults,
): EffectiveResource {
  const ownLimit = lists.limits[name];
  const ownRequest = lists.requests[name];
  return {
    limit: ownLimit ?? defaults.limits.get(name)?.value,
    request: ownRequest ?? ownLimit ?? defaults.requests.get(name)?.value,
  };
}

/**
 * Whether KServe's webhook fills this container's missing CPU and memory requests and limits
 * (1 CPU and 2Gi unless its inferenceservice-config says otherwise): the main container of an
 * InferenceService component, a framework/model field or the first custom container.
 */
export function kserveDefaultsResources(template: PodTemplate, container: ContainerRef): boolean {
  const m = template.workload.manifest;
  if (m.group !== 'serving.kserve.io' || m.kind !== 'InferenceService' || container.init)
    return false;
  const hasModelField = template.containers.some((c) => c.index === -1);
  return hasModelField ? container.index === -1 : container.index === 0;
}

/** Two parsed quantities are equal (to rounding: `0.5` and `500m`). */
export function sameQuantity(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** `a` is larger than `b`, beyond rounding. */
export function exceedsQuantity(a: number, b: number): boolean {
  return a > b && !sameQuantity(a, b);
}

/** A value as it appears in a message: strings quoted, long values shortened. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A quantity as the user wrote it, without quotes (`2Gi`, `500m`, `1`); anything else quoted. */
export function showQuantity(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && parseQuantity(value) !== undefined) return value;
  return showValue(value);
}

/** A container that does not set a resource, after the API server's defaulting. */
export interface UnsetResource<MessageId extends string> {
  subject: ContainerSubject;
  reporter: Reporter<MessageId>;
  /** The missing field: `<resources>.<list>.<resource>`. */
  path: Path;
  data: { container: string };
  /** KServe fills in its configured default for this container. */
  kserveDefault: boolean;
}

/**
 * Every container that sets neither `list.resource` nor something that defaults it (a limit
 * defaults the request; a LimitRange of the namespace defaults both). Declares each container
 * as a subject of the rule on the way.
 */
export function* unsetResources<MessageId extends string>(
  ctx: RuleContext<MessageId>,
  list: 'requests' | 'limits',
  resource: string,
): Generator<UnsetResource<MessageId>> {
  for (const subject of ctx.containers()) {
    const { container, template, manifest } = subject;
    const reporter = ctx.on(template, container);
    const lists = resourceLists(container);
    if (lists[list][resource] !== undefined) continue;
    if (list === 'requests' && lists.limits[resource] !== undefined) continue;
    if (limitRangeDefaults(ctx.bundle, manifest)[list].has(resource)) continue;
    yield {
      subject,
      reporter,
      path: [...container.resourcesPath, list, resource],
      data: { container: container.name },
      kserveDefault: kserveDefaultsResources(template, container),
    };
  }
}
