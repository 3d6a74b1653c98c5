/**
 * New, existing and fixed, by fingerprint (rule, object identity, container, path: stable across
 * edits that move lines or rename files). Counted as multisets: two identical findings on the
 * head and one on the base are one existing and one new.
 */
import type { Finding } from '@aigov/rules';

export interface Comparison {
  new: Finding[];
  existing: Finding[];
  fixed: Finding[];
}

function counts(findings: Iterable<Finding>): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.fingerprint, (m.get(f.fingerprint) ?? 0) + 1);
  return m;
}

/**
 * @param head the reported head findings (in scope, not suppressed)
 * @param headAll every head finding not suppressed (a finding moved to an unchanged file is not fixed)
 * @param base the base findings in scope (files the change touches), not suppressed
 * @param baseAll every base finding not suppressed (a finding moved from an unchanged file is not new)
 */
export function compareFindings(
  head: readonly Finding[],
  headAll: readonly Finding[],
  base: readonly Finding[],
  baseAll: readonly Finding[],
): Comparison {
  const onBase = counts(baseAll);
  const out: Comparison = { new: [], existing: [], fixed: [] };
  for (const f of head) {
    const n = onBase.get(f.fingerprint) ?? 0;
    if (n > 0) {
      onBase.set(f.fingerprint, n - 1);
      out.existing.push(f);
    } else out.new.push(f);
  }
  const onHead = counts(headAll);
  for (const f of base) {
    const n = onHead.get(f.fingerprint) ?? 0;
    if (n > 0) onHead.set(f.fingerprint, n - 1);
    else out.fixed.push(f);
  }
  return out;
}
