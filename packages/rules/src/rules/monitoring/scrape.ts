/**
 * Who scrapes what: Prometheus annotations on pods and Services, prometheus-operator
 * ServiceMonitors and PodMonitors, Google Managed Prometheus and VictoriaMetrics equivalents,
 * and the Services that operators (KubeRay, KServe, LeaderWorkerSet, the training operators)
 * create for their pods. Shared by the monitoring rules.
 */
import type { Bundle } from '../../bundle/bundle';
import { labelsOf } from '../../bundle/bundle';
import { parseLabelSelector, selectorMatches } from '../../bundle/selector';
import type { Selector } from '../../bundle/selector';
import type { PodTemplate } from '../../bundle/workload';
import { clusterOf } from '../../model';
import type { Manifest, Path } from '../../model';
import { asArray, asObject, asString, asStrings, getIn, stringMap } from '../../util/json';

export const SCRAPE_ANNOTATION = 'prometheus.io/scrape';
export const PORT_ANNOTATION = 'prometheus.io/port';
/** KServe adds the Prometheus annotations to the pods of an InferenceService that sets it. */
export const KSERVE_SCRAPE_ANNOTATION = 'serving.kserve.io/enable-prometheus-scraping';

/**
 * Kinds whose operator creates a Service for the pods, labelled like them (KubeRay head and serve
 * Services, KServe predictor Services, LeaderWorkerSet and training-job headless Services). A
 * ServiceMonitor may select such a Service although it is in no manifest.
 */
const OPERATOR_SERVICE_KINDS = new Set([
  'RayCluster',
  'RayService',
  'RayJob',
  'InferenceService',
  'LeaderWorkerSet',
  'JobSet',
  'PyTorchJob',
  'TFJob',
  'MPIJob',
  'XGBoostJob',
  'PaddleJob',
  'JAXJob',
  'TrainJob',
]);

/** Monitor kinds that select pods directly, and the ones that select Services. */
const POD_MONITOR_KINDS = ['PodMonitoring', 'ClusterPodMonitoring', 'VMPodScrape'] as const;
const SERVICE_MONITOR_KINDS = ['VMServiceScrape'] as const;

const SEP = '\u0000';

export function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/**
 * The annotations the template's pods get. KServe copies the InferenceService's annotations and
 * the component's `annotations` to its pods; other kinds use the template's metadata.
 */
export function podAnnotations(template: PodTemplate): Record<string, string> {
  const m = template.workload.manifest;
  if (m.kind === 'InferenceService' && template.role)
    return {
      ...stringMap(getIn(m.object, ['metadata', 'annotations'])),
      ...stringMap(getIn(m.object, ['spec', template.role, 'annotations'])),
    };
  return { ...template.annotations };
}

/** Where the template's pod annotation `key` is (or goes). */
export function annotationPath(template: PodTemplate, key: string): Path {
  const m = template.workload.manifest;
  if (m.kind === 'InferenceService' && template.role) {
    const own = asObject(getIn(m.object, ['spec', template.role, 'annotations']));
    if (own && key in own) return ['spec', template.role, 'annotations', key];
    return ['metadata', 'annotations', key];
  }
  return template.metadataPath
    ? [...template.metadataPath, 'annotations', key]
    : ['metadata', 'annotations', key];
}

/** Namespaces a monitor looks into: its own, the listed ones, or every one (`any`). */
export function monitorNamespaces(bundle: Bundle, m: Manifest): string[] | 'any' {
  if (m.kind === 'ClusterPodMonitoring') return 'any';
  const ns = asObject(getIn(m.object, ['spec', 'namespaceSelector']));
  if (ns?.any === true) return 'any';
  const names = asStrings(ns?.matchNames);
  return names.length > 0 ? names : [bundle.namespaceOf(m)];
}

/** The selector of a monitor; a missing one selects everything (the CRDs' Go structs are not pointers). */
export function monitorSelector(m: Manifest): Selector {
  return (
    parseLabelSelector(getIn(m.object, ['spec', 'selector'])) ?? {
      matchLabels: {},
      requirements: [],
    }
  );
}

function scopeKey(cluster: string, namespace: string): string {
  return `${cluster}${SEP}${namespace}`;
}

/** Indexes of the bundle the monitoring rules share; built once per bundle. */
export class ScrapeIndex {
  private readonly operatorTemplates = new Map<string, PodTemplate[]>();
  private readonly templatesByScope = new Map<string, PodTemplate[]>();
  private readonly servicesByScope = new Map<string, Manifest[]>();
  private readonly scopes = new Set<string>();
  private scraped: Set<PodTemplate> | undefined;

  constructor(readonly bundle: Bundle) {
    for (const m of bundle.manifests) {
      this.scopes.add(scopeKey(clusterOf(m), bundle.namespaceOf(m)));
      if (m.kind === 'Namespace') this.scopes.add(scopeKey(clusterOf(m), m.name));
      if (m.kind === 'Service') push(this.servicesByScope, this.scopeOf(m), m);
    }
    for (const t of bundle.templates) {
      const m = t.workload.manifest;
      push(this.templatesByScope, this.scopeOf(m), t);
      if (OPERATOR_SERVICE_KINDS.has(m.kind)) push(this.operatorTemplates, this.scopeOf(m), t);
    }
  }

  private scopeOf(m: Manifest): string {
    return scopeKey(clusterOf(m), this.bundle.namespaceOf(m));
  }

  /**
   * The scopes a monitor looks into, or undefined when some of them are not in the scanned set
   * (`any`, or a listed namespace with no object): what it selects there is unknown.
   */
  knownScopes(monitor: Manifest): string[] | undefined {
    const namespaces = monitorNamespaces(this.bundle, monitor);
    if (namespaces === 'any') return undefined;
    const scopes = namespaces.map((ns) => scopeKey(clusterOf(monitor), ns));
    return scopes.every((s) => this.scopes.has(s)) ? scopes : undefined;
  }

  private inScopes<T>(index: Map<string, T[]>, monitor: Manifest): T[] {
    const namespaces = monitorNamespaces(this.bundle, monitor);
    if (namespaces === 'any') {
      const prefix = `${clusterOf(monitor)}${SEP}`;
      return [...index].filter(([k]) => k.startsWith(prefix)).flatMap(([, v]) => v);
    }
    return namespaces.flatMap((ns) => index.get(scopeKey(clusterOf(monitor), ns)) ?? []);
  }

  /** Templates whose operator-made Services a ServiceMonitor (or VMServiceScrape) may select. */
  operatorTemplatesOf(monitor: Manifest): PodTemplate[] {
    const selector = monitorSelector(monitor);
    return this.inScopes(this.operatorTemplates, monitor).filter((t) =>
      selectorMatches(selector, t.labels),
    );
  }

  /** Services in the set that a service-selecting monitor picks. */
  servicesOf(monitor: Manifest): Manifest[] {
    if (monitor.kind === 'ServiceMonitor') {
      if (getIn(monitor.object, ['spec', 'selector']) !== undefined)
        return this.bundle.servicesOfMonitor(monitor);
    }
    const selector = monitorSelector(monitor);
    return this.inScopes(this.servicesByScope, monitor).filter((s) =>
      selectorMatches(selector, labelsOf(s)),
    );
  }

  /** Pod templates a pod-selecting monitor picks. */
  podsOf(monitor: Manifest): PodTemplate[] {
    if (monitor.kind === 'PodMonitor' && getIn(monitor.object, ['spec', 'selector']) !== undefined)
      return this.bundle.selectedTemplates(monitor);
    const selector = monitorSelector(monitor);
    return this.inScopes(this.templatesByScope, monitor).filter((t) =>
      selectorMatches(selector, t.labels),
    );
  }

  /** Pod templates something scrapes: annotations, a scraping Service, a monitor. */
  scrapedTemplates(): Set<PodTemplate> {
    if (this.scraped) return this.scraped;
    const out = new Set<PodTemplate>();
    const b = this.bundle;
    for (const t of b.templates) {
      const annotations = podAnnotations(t);
      if (isTrue(annotations[SCRAPE_ANNOTATION]) || isTrue(annotations[KSERVE_SCRAPE_ANNOTATION]))
        out.add(t);
    }
    for (const svc of b.ofKind('Service')) {
      if (!isTrue(stringMap(getIn(svc.object, ['metadata', 'annotations']))[SCRAPE_ANNOTATION]))
        continue;
      for (const t of b.selectedTemplates(svc)) out.add(t);
    }
    for (const m of b.ofKind('PodMonitor', ...POD_MONITOR_KINDS))
      for (const t of this.podsOf(m)) out.add(t);
    for (const m of b.ofKind('ServiceMonitor', ...SERVICE_MONITOR_KINDS)) {
      for (const svc of this.servicesOf(m)) for (const t of b.selectedTemplates(svc)) out.add(t);
      for (const t of this.operatorTemplatesOf(m)) out.add(t);
    }
    this.scraped = out;
    return out;
  }
}

const indexes = new WeakMap<Bundle, ScrapeIndex>();

export function scrapeIndex(bundle: Bundle): ScrapeIndex {
  let index = indexes.get(bundle);
  if (!index) {
    index = new ScrapeIndex(bundle);
    indexes.set(bundle, index);
  }
  return index;
}

/** Names of a Service's ports. */
export function servicePortNames(svc: Manifest): string[] {
  return asArray(getIn(svc.object, ['spec', 'ports'])).flatMap((p) => {
    const name = asString(asObject(p)?.name);
    return name ? [name] : [];
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
