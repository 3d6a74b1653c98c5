/** Rules of prometheus-operator PrometheusRules, as the monitoring rules read them. */
import type { JsonObject, Manifest, Path } from '../../model';
import { asArray, asObject, getIn, isObject } from '../../util/json';

export interface PromRule {
  value: JsonObject;
  /** Path of the rule inside the PrometheusRule. */
  path: Path;
}

/** Every rule (`spec.groups[].rules[]`) of a PrometheusRule. */
export function promRules(rule: Manifest): PromRule[] {
  return asArray(getIn(rule.object, ['spec', 'groups'])).flatMap((group, g) =>
    asArray(asObject(group)?.rules).flatMap((r, i) =>
      isObject(r) ? [{ value: r, path: ['spec', 'groups', g, 'rules', i] }] : [],
    ),
  );
}

/** Metric and recording-rule names a PromQL expression mentions (identifiers, without keywords). */
export function seriesNames(expr: string): Set<string> {
  const out = new Set<string>();
  for (const m of expr.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) out.add(m[0]);
  return out;
}
