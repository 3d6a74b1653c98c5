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

/** Decides whether a finding is suppressed, by annotation or by config exemption. */
export class Suppressor {
  private readonly exemptions: { match: (q: SuppressionQuery) => boolean; reason: string }[];

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

  suppression(q: SuppressionQuery): Suppression | undefined {
    const sources = [
      stringMap(getIn(q.manifest.object, ['metadata', 'annotations'])),
      q.template?.annotations ?? {},
    ];
    for (const annotations of sources) {
      const patterns = [...listOf(annotations[IGNORE_ANNOTATION])];
      if (q.container !== undefined)
        patterns.push(...listOf(annotations[`${IGNORE_ANNOTATION}.${q.container}`]));
      if (!patterns.some((p) => ruleMatches(p, q.ruleId))) continue;
      const reason = annotations[IGNORE_REASON_ANNOTATION]?.trim();
      if (!reason && this.requireReason) continue;
      return reason ? { kind: 'annotation', reason } : { kind: 'annotation' };
    }
    const exemption = this.exemptions.find((e) => e.match(q));
    return exemption ? { kind: 'exemption', reason: exemption.reason } : undefined;
  }
}
