import type { KubeObject } from '../util/json';
import { groupOf, versionOf } from '../util/json';
import {
  BUILT_IN_RESOURCES,
  KNOWN_CUSTOM_RESOURCES,
  METRICS_RESOURCES,
  customResourceFor,
} from './resources';
import type { ResourceType } from './resources';

export interface RegistryOptions {
  /**
   * API groups of custom resources whose CRDs are installed. Default: every group of
   * `KNOWN_CUSTOM_RESOURCES` and of the custom objects in the set. Resources of other groups
   * answer 404, as on a cluster without the CRD, and their objects are not served.
   */
  crdGroups?: readonly string[];
  /** Serve the metrics API (`metrics.k8s.io/v1beta1` pods and nodes). Default true. */
  metricsServer?: boolean;
  /** More resource types (custom resources with an irregular plural, say). */
  resources?: readonly ResourceType[];
}

function typeKey(group: string, version: string, plural: string): string {
  return `${group}/${version}/${plural}`;
}

function kindKey(group: string, version: string, kind: string): string {
  return `${group}/${version}#${kind}`;
}

/** The resource types one server serves, for routing and discovery. */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();
  private readonly byKind = new Map<string, ResourceType>();
  readonly metricsServer: boolean;
  readonly crdGroups: ReadonlySet<string>;

  constructor(objects: readonly KubeObject[], options: RegistryOptions = {}) {
    this.metricsServer = options.metricsServer ?? true;
    const builtInGroups = new Set(BUILT_IN_RESOURCES.map((r) => r.group));
    const custom: ResourceType[] = [...KNOWN_CUSTOM_RESOURCES, ...(options.resources ?? [])];
    const known = new Set(custom.map((r) => kindKey(r.group, r.version, r.kind)));
    for (const obj of objects) {
      const group = groupOf(obj.apiVersion);
      const builtInKind = BUILT_IN_RESOURCES.some(
        (r) => r.group === group && r.version === versionOf(obj.apiVersion) && r.kind === obj.kind,
      );
      if (builtInKind || known.has(kindKey(group, versionOf(obj.apiVersion), obj.kind))) continue;
      // An unlisted kind of a built-in group (another version, say) lists like the built-ins.
      const type = { ...customResourceFor(obj), builtIn: builtInGroups.has(group) };
      known.add(kindKey(type.group, type.version, type.kind));
      custom.push(type);
    }
    this.crdGroups = new Set(
      options.crdGroups ?? custom.filter((r) => !builtInGroups.has(r.group)).map((r) => r.group),
    );
    const served = [
      ...BUILT_IN_RESOURCES,
      ...custom.filter((r) => builtInGroups.has(r.group) || this.crdGroups.has(r.group)),
      ...(this.metricsServer ? METRICS_RESOURCES : []),
    ];
    for (const r of served) {
      this.byPath.set(typeKey(r.group, r.version, r.plural), r);
      if (!METRICS_RESOURCES.includes(r)) this.byKind.set(kindKey(r.group, r.version, r.kind), r);
    }
  }

  /** Every served resource type, in discovery order. */
  all(): ResourceType[] {
    return [...this.byPath.values()];
  }

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byPath.get(typeKey(group, version, plural));
  }

  /** The served type of a stored object, or undefined when its group is not installed. */
  typeOf(obj: KubeObject): ResourceType | undefined {
    return this.byKind.get(kindKey(groupOf(obj.apiVersion), versionOf(obj.apiVersion), obj.kind));
  }

  /** Custom resource types (installed CRDs), for the CustomResourceDefinition objects. */
  customTypes(): ResourceType[] {
    return this.all().filter((r) => !r.builtIn);
  }

  isMetrics(type: ResourceType): boolean {
    return METRICS_RESOURCES.includes(type);
  }

  /** Served API groups with their versions (the core group `` excluded), in first-seen order. */
  groups(): { name: string; versions: string[] }[] {
    const out = new Map<string, string[]>();
    for (const r of this.byPath.values()) {
      if (r.group === '') continue;
      const versions = out.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      out.set(r.group, versions);
    }
    return [...out.entries()].map(([name, versions]) => ({ name, versions }));
  }
}
