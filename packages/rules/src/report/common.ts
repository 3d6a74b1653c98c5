import type { Category, Finding, ObjectRef, Severity } from '../model';
import { RULE_CATEGORIES } from '../model';

/** Where a finding is: its file, or the cluster a live object came from. */
export function placeOf(f: Finding): string {
  return f.file ?? (f.cluster !== undefined ? `cluster ${f.cluster}` : '(live)');
}

/** `Deployment ml/api`, `ClusterRole reader`; empty for findings about a whole file. */
export function objectLabel(ref: ObjectRef | undefined): string {
  if (!ref) return '';
  const ns = ref.namespace ? `${ref.namespace}/` : '';
  return `${ref.kind} ${ns}${ref.name}`;
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: Iterable<Finding>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `1 error`, `2 warnings`, `3 info` (info has no plural). */
export function severityCount(n: number, severity: Severity): string {
  return severity === 'info' ? `${n} info` : plural(n, severity);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Groups in first-appearance order. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Reading order: by place, then line and column, then rule. Stable for equal keys. */
export function byPosition(a: Finding, b: Finding): number {
  const pa = placeOf(a);
  const pb = placeOf(b);
  return (
    (pa < pb ? -1 : pa > pb ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** `parse` first, then the catalog order of categories; unknown ones last. */
export function categoryOrder(a: Category, b: Category): number {
  const rank = (c: Category): number =>
    c === 'parse' ? -1 : (RULE_CATEGORIES as readonly string[]).indexOf(c) + 1 || 99;
  return rank(a) - rank(b);
}
