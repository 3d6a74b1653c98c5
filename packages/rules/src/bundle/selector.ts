import { asArray, asObject, asString, isObject, stringMap } from '../util/json';

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: readonly string[];
}

/** A parsed label selector. `matchLabels` are kept apart: they drive the index lookups. */
export interface Selector {
  matchLabels: Readonly<Record<string, string>>;
  requirements: readonly Requirement[];
}

/** `metav1.LabelSelector` (`matchLabels` + `matchExpressions`); undefined when absent or unreadable. */
export function parseLabelSelector(value: unknown): Selector | undefined {
  const obj = asObject(value);
  if (!obj) return undefined;
  const requirements: Requirement[] = [];
  for (const expr of asArray(obj.matchExpressions)) {
    if (!isObject(expr)) continue;
    const key = asString(expr.key);
    const operator = asString(expr.operator);
    if (
      !key ||
      (operator !== 'In' &&
        operator !== 'NotIn' &&
        operator !== 'Exists' &&
        operator !== 'DoesNotExist')
    )
      continue;
    requirements.push({ key, operator, values: asArray(expr.values).map(String) });
  }
  return { matchLabels: stringMap(obj.matchLabels), requirements };
}

/** A Service's `spec.selector`: a plain map. */
export function parseMapSelector(value: unknown): Selector | undefined {
  if (!isObject(value)) return undefined;
  return { matchLabels: stringMap(value), requirements: [] };
}

export function isEmptySelector(s: Selector): boolean {
  return Object.keys(s.matchLabels).length === 0 && s.requirements.length === 0;
}

export function selectorMatches(s: Selector, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(s.matchLabels)) if (labels[k] !== v) return false;
  for (const r of s.requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    switch (r.operator) {
      case 'In':
        if (!has || !r.values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}
