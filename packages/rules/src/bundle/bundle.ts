import { clusterOf } from '../model';
import type { Manifest } from '../model';
import type { LoadedManifest } from '../load/loader';
import { asObject, asString, asStrings, getIn, isObject } from '../util/json';
import { extractWorkload } from './extract';
import { LabelIndex, append as push } from './label-index';
import { isEmptySelector, parseLabelSelector, parseMapSelector } from './selector';
import type { Selector } from './selector';
import type { PodTemplate, Workload } from './workload';

/**
 * Whether the set holds every object of its namespaces: `true` (a scan of whole directories),
 * `false`, or only for some kinds (the live objects of one service, where the fetched kinds are
 * known to be complete).
 */
export type Completeness = boolean | { kinds: readonly string[] };

export interface BundleOptions {
  /**
   * Whether the set holds every object of its namespaces, so that rules may conclude that
   * something (a NetworkPolicy, a PDB, an HPA's target) does not exist. Default false.
   */
  complete?: Completeness;
  /** Namespace of objects that do not name one. */
  defaultNamespace?: string;
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'CustomResourceDefinition',
  'ClusterQueue',
  'ResourceFlavor',
  'Cohort',
  'ClusterServingRuntime',
  'ClusterTrainingRuntime',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'RuntimeClass',
  'IngressClass',
  'APIService',
  'WorkloadPriorityClass',
  'Topology',
  'AdmissionCheck',
  'MultiKueueCluster',
  'MultiKueueConfig',
  'ProvisioningRequestConfig',
]);

const SEP = '\u0000';

/** The objects of one evaluation with the indexes cross-object rules read. Built once, O(n). */
export class Bundle {
  readonly manifests: readonly Manifest[];
  readonly workloads: readonly Workload[];
  readonly templates: readonly PodTemplate[];
  /** Complete for every kind. */
  readonly complete: boolean;
  private readonly completeKinds: ReadonlySet<string>;
  readonly defaultNamespace: string;

  private readonly byKind = new Map<string, Manifest[]>();
  private readonly byRef = new Map<string, Manifest[]>();
  private readonly workloadByManifest = new Map<Manifest, Workload>();
  private readonly templateIndex = new LabelIndex<PodTemplate>();
  private readonly serviceIndex = new LabelIndex<Manifest>();
  private readonly memo = new Map<string, unknown>();

  constructor(loaded: readonly LoadedManifest[], options: BundleOptions = {}) {
    const complete = options.complete ?? false;
    this.complete = complete === true;
    this.completeKinds = new Set(typeof complete === 'object' ? complete.kinds : []);
    this.defaultNamespace = options.defaultNamespace ?? 'default';
    const manifests: Manifest[] = [];
    const workloads: Workload[] = [];
    const templates: PodTemplate[] = [];
    loaded.forEach((m, index) => {
      const manifest: Manifest = { ...m, index };
      manifests.push(manifest);
      push(this.byKind, manifest.kind, manifest);
      push(this.byRef, this.refKey(manifest.kind, this.scopeOf(manifest), manifest.name), manifest);
      if (manifest.kind === 'Service')
        this.serviceIndex.add(this.scopeOf(manifest), labelsOf(manifest), manifest);
      const workload = extractWorkload(manifest);
      if (!workload) return;
      workloads.push(workload);
      this.workloadByManifest.set(manifest, workload);
      for (const t of workload.templates) {
        templates.push(t);
        this.templateIndex.add(this.scopeOf(manifest), t.labels, t);
      }
    });
    this.manifests = manifests;
    this.workloads = workloads;
    this.templates = templates;
  }

  /** Whether the set holds every object of each of these kinds. */
  isCompleteFor(kinds: readonly string[]): boolean {
    return this.complete || (kinds.length > 0 && kinds.every((k) => this.completeKinds.has(k)));
  }

  /** The namespace an object lives in (`defaultNamespace` when unset); `''` for cluster-scoped kinds. */
  namespaceOf(m: Manifest): string {
    if (CLUSTER_SCOPED.has(m.kind)) return '';
    return m.namespace ?? this.defaultNamespace;
  }

  /** Cluster and namespace as one key: objects of two clusters never see each other. */
  scopeOf(m: Manifest): string {
    return `${clusterOf(m)}${SEP}${this.namespaceOf(m)}`;
  }

  private refKey(kind: string, scope: string, name: string): string {
    return `${kind}${SEP}${scope}${SEP}${name}`;
  }

  ofKind(...kinds: string[]): readonly Manifest[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0] as string) ?? [];
    return kinds.flatMap((k) => this.byKind.get(k) ?? []);
  }

  /**
   * An object of `kind` named `name` in the namespace (and cluster) of `near`. When the set holds
   * several versions of it (environments, overlays, examples side by side), the one closest to
   * `near` wins: the same file, else the deepest shared directory.
   */
  find(kind: string, name: string, near: Manifest): Manifest | undefined {
    const scope = CLUSTER_SCOPED.has(kind) ? `${clusterOf(near)}${SEP}` : this.scopeOf(near);
    const candidates = this.byRef.get(this.refKey(kind, scope, name));
    if (!candidates || candidates.length < 2) return candidates?.[0];
    let best = candidates[0] as Manifest;
    let bestScore = -1;
    for (const c of candidates) {
      const score = proximity(c, near);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  workloadOf(m: Manifest): Workload | undefined {
    return this.workloadByManifest.get(m);
  }

  /** Pod templates in the scope of `near` whose labels match the selector. */
  templatesMatching(near: Manifest, selector: Selector): PodTemplate[] {
    return this.templateIndex.match(this.scopeOf(near), selector);
  }

  /** Scopes a monitor looks into: its own namespace, named ones, or all. */
  private monitorScopes(m: Manifest, index: LabelIndex<unknown>): string[] {
    const namespaces = monitorNamespaces(m);
    if (namespaces === 'same') return [this.scopeOf(m)];
    const cluster = clusterOf(m);
    if (namespaces === 'any')
      return [...index.scopes()].filter((s) => s.startsWith(`${cluster}${SEP}`));
    return namespaces.map((ns) => `${cluster}${SEP}${ns}`);
  }

  private memoize<T>(key: string, build: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, build());
    return this.memo.get(key) as T;
  }

  /** The pod templates an object with a selector picks (PDB, NetworkPolicy, Service, PodMonitor). */
  selectedTemplates(m: Manifest): PodTemplate[] {
    return this.relation('selected').forward.get(m) ?? [];
  }

  /** Reverse index from pod templates to the objects of `kind` that select them. */
  selectorsOf(
    template: PodTemplate,
    kind: 'PodDisruptionBudget' | 'NetworkPolicy' | 'Service' | 'PodMonitor',
  ): Manifest[] {
    return (this.relation('selected').reverse.get(template) ?? []).filter((m) => m.kind === kind);
  }

  /** Services and the pod templates they select, and who selects what. */
  private relation(name: 'selected'): {
    forward: Map<Manifest, PodTemplate[]>;
    reverse: Map<PodTemplate, Manifest[]>;
  } {
    return this.memoize(`relation:${name}`, () => {
      const forward = new Map<Manifest, PodTemplate[]>();
      const reverse = new Map<PodTemplate, Manifest[]>();
      for (const m of this.ofKind(
        'PodDisruptionBudget',
        'NetworkPolicy',
        'Service',
        'PodMonitor',
      )) {
        const selector = selectorOf(m);
        if (!selector) continue;
        const templates =
          m.kind === 'PodMonitor'
            ? this.monitorScopes(m, this.templateIndex).flatMap((scope) =>
                this.templateIndex.match(scope, selector),
              )
            : this.templatesMatching(m, selector);
        forward.set(m, templates);
        for (const t of templates) push(reverse, t, m);
      }
      return { forward, reverse };
    });
  }

  /** Services a ServiceMonitor selects. */
  servicesOfMonitor(monitor: Manifest): Manifest[] {
    return (
      this.memoize('serviceMonitors', () => {
        const out = new Map<Manifest, Manifest[]>();
        for (const sm of this.ofKind('ServiceMonitor')) {
          const selector = parseLabelSelector(getIn(sm.object, ['spec', 'selector']));
          out.set(
            sm,
            selector
              ? this.monitorScopes(sm, this.serviceIndex).flatMap((scope) =>
                  this.serviceIndex.match(scope, selector),
                )
              : [],
          );
        }
        return out;
      }).get(monitor) ?? []
    );
  }

  /** ServiceMonitors and PodMonitors that scrape pods of the template. */
  monitorsOf(template: PodTemplate): Manifest[] {
    return (
      this.memoize('monitorsByTemplate', () => {
        const out = new Map<PodTemplate, Manifest[]>();
        for (const sm of this.ofKind('ServiceMonitor')) {
          for (const svc of this.servicesOfMonitor(sm))
            for (const t of this.selectedTemplates(svc)) push(out, t, sm);
        }
        for (const pm of this.ofKind('PodMonitor'))
          for (const t of this.selectedTemplates(pm)) push(out, t, pm);
        return out;
      }).get(template) ?? []
    );
  }

  /** HorizontalPodAutoscalers and KEDA ScaledObjects whose scale target is the workload. */
  autoscalersOf(workload: Workload): Manifest[] {
    return (
      this.memoize('autoscalers', () => {
        const out = new Map<Workload, Manifest[]>();
        for (const scaler of this.ofKind('HorizontalPodAutoscaler', 'ScaledObject')) {
          const target = this.scaleTargetOf(scaler);
          if (target) {
            const w = this.workloadOf(target);
            if (w) push(out, w, scaler);
          }
        }
        return out;
      }).get(workload) ?? []
    );
  }

  /** The object an HPA or ScaledObject scales, when it is in the set. */
  scaleTargetOf(scaler: Manifest): Manifest | undefined {
    const ref = asObject(getIn(scaler.object, ['spec', 'scaleTargetRef']));
    const name = asString(ref?.name);
    if (!name) return undefined;
    const kind = asString(ref?.kind) ?? (scaler.kind === 'ScaledObject' ? 'Deployment' : undefined);
    return kind ? this.find(kind, name, scaler) : undefined;
  }
}

/** How close two objects' files are: shared leading path segments, the same file above all. */
function proximity(a: Manifest, b: Manifest): number {
  if (a.origin.type !== 'file' || b.origin.type !== 'file') return 0;
  if (a.origin.file === b.origin.file) return Number.MAX_SAFE_INTEGER;
  const x = a.origin.file.split('/');
  const y = b.origin.file.split('/');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}

export function labelsOf(m: Manifest): Record<string, string> {
  const labels = asObject(getIn(m.object, ['metadata', 'labels']));
  const out: Record<string, string> = {};
  if (labels) for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The selector of a PDB, NetworkPolicy, Service or PodMonitor, as the API reads it. */
export function selectorOf(m: Manifest): Selector | undefined {
  switch (m.kind) {
    case 'Service':
      return parseMapSelector(getIn(m.object, ['spec', 'selector']));
    case 'NetworkPolicy':
      // An absent podSelector is invalid; `{}` selects every pod of the namespace.
      return parseLabelSelector(getIn(m.object, ['spec', 'podSelector']));
    case 'PodDisruptionBudget':
    case 'PodMonitor':
      return parseLabelSelector(getIn(m.object, ['spec', 'selector']));
    default:
      return undefined;
  }
}

function monitorNamespaces(m: Manifest): 'same' | 'any' | string[] {
  const ns = asObject(getIn(m.object, ['spec', 'namespaceSelector']));
  if (!ns) return 'same';
  if (ns.any === true) return 'any';
  const names = asStrings(ns.matchNames);
  return names.length > 0 ? names : 'same';
}

export { isEmptySelector, isObject };
