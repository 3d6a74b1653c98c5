import type { PodTemplate } from '../bundle/workload';
import type { Manifest, Suppression } from '../model';
import { getIn, globToRegExp, stringMap } from '../util/json';

export const IGNORE_ANNOTATION = 'aigov.dev/ignore';
export const IGNORE_REASON_ANNOTATION = 'aigov.dev/ignore-reason';

/** A config exemption: which objects and containers, which rules, and why. */
export interface Exemption {
  namespace?: string;
  kind?: string;
  name?: string;
  container?: string;
  rules: string[];
  reason: string;
}

/** `security/run-as-root`, `security/*` or `*` against a rule id. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern === '*' || pattern === ruleId) return true;
  return pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1));
}

function listOf(value: string | undefined): string[] {
  return value ? value.split(/[\s,]+/).filter(Boolean) : [];
}

export interface SuppressionQuery {
  ruleId: string;
  manifest: Manifest;
  namespace: string;
  template: PodTemplate | undefined;
  container: string | undefined;
}

/** The `aigov.dev/ignore` annotations of one object or pod template, read once. */
interface IgnoreAnnotations {
  annotations: Readonly<Record<string, string>>;
  /** `aigov.dev/ignore`. */
  patterns: string[];
  /** `aigov.dev/ignore.<container>`, by container, read when first asked. */
  byContainer: Map<string, string[]>;
  /** `aigov.dev/ignore-reason`, trimmed. */
  reason: string | undefined;
  /** Whether any `aigov.dev/ignore` or `aigov.dev/ignore.<container>` annotation is there. */
  any: boolean;
}

function readIgnoreAnnotations(annotations: Readonly<Record<string, string>>): IgnoreAnnotations {
  return {
    annotations,
    patterns: listOf(annotations[IGNORE_ANNOTATION]),
    byContainer: new Map(),
    reason: annotations[IGNORE_REASON_ANNOTATION]?.trim(),
    any: Object.keys(annotations).some((k) => k.startsWith(IGNORE_ANNOTATION)),
  };
}

function containerPatterns(source: IgnoreAnnotations, container: string): string[] {
  let patterns = source.byContainer.get(container);
  if (!patterns) {
    patterns = listOf(source.annotations[`${IGNORE_ANNOTATION}.${container}`]);
    source.byContainer.set(container, patterns);
  }
  return patterns;
}

/**
 * Decides whether a finding is suppressed, by annotation or by config exemption. The
 * annotations of each object and pod template are read once, the first time they are asked
 * about: one evaluation asks about the same objects for every rule that reports on them. One
 * instance serves one evaluation.
 */
export class Suppressor {
  private readonly exemptions: { match: (q: SuppressionQuery) => boolean; reason: string }[];
  private readonly byManifest = new Map<Manifest, IgnoreAnnotations>();
  private readonly byTemplate = new Map<PodTemplate, IgnoreAnnotations>();
  /** What a subject without a pod template has: nothing. */
  private readonly none = readIgnoreAnnotations({});

  constructor(
    exemptions: readonly Exemption[],
    /** Strict mode: an annotation without `aigov.dev/ignore-reason` suppresses nothing. */
    private readonly requireReason: boolean,
  ) {
    this.exemptions = exemptions.map((e) => {
      const ns = e.namespace ? globToRegExp(e.namespace) : undefined;
      const kind = e.kind ? globToRegExp(e.kind) : undefined;
      const name = e.name ? globToRegExp(e.name) : undefined;
      const container = e.container ? globToRegExp(e.container) : undefined;
      return {
        reason: e.reason,
        match: (q) =>
          e.rules.some((r) => ruleMatches(r, q.ruleId)) &&
          (!ns || ns.test(q.namespace)) &&
          (!kind || kind.test(q.manifest.kind)) &&
          (!name || name.test(q.manifest.name)) &&
          (!container || (q.container !== undefined && container.test(q.container))),
      };
    });
  }

  private ofManifest(manifest: Manifest): IgnoreAnnotations {
    let source = this.byManifest.get(manifest);
    if (!source) {
      source = readIgnoreAnnotations(
        stringMap(getIn(manifest.object, ['metadata', 'annotations'])),
      );
      this.byManifest.set(manifest, source);
    }
    return source;
  }

  private ofTemplate(template: PodTemplate | undefined): IgnoreAnnotations {
    if (!template) return this.none;
    let source = this.byTemplate.get(template);
    if (!source) {
      source = readIgnoreAnnotations(template.annotations);
      this.byTemplate.set(template, source);
    }
    return source;
  }

  suppression(q: SuppressionQuery): Suppression | undefined {
    for (const source of [this.ofManifest(q.manifest), this.ofTemplate(q.template)]) {
      if (!source.any) continue;
      const matches = (p: string) => ruleMatches(p, q.ruleId);
      if (
        !source.patterns.some(matches) &&
        (q.container === undefined || !containerPatterns(source, q.container).some(matches))
      )
        continue;
      const reason = source.reason;
      if (!reason && this.requireReason) continue;
      return reason ? { kind: 'annotation', reason } : { kind: 'annotation' };
    }
    if (this.exemptions.length === 0) return undefined;
    const exemption = this.exemptions.find((e) => e.match(q));
    return exemption ? { kind: 'exemption', reason: exemption.reason } : undefined;
  }
}
