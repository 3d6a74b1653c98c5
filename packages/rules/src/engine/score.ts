import type { Category, Manifest, Severity } from '../model';
import type { Check } from './evaluate';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface CategoryScore {
  score: number;
  grade: Grade;
}

export interface Score {
  /** 0–100: passed weight over applicable weight (error 3, warning 2, info 1). */
  overall: number;
  grade: Grade;
  categories: Partial<Record<Category, CategoryScore>>;
  /** Subjects checked, and how many failed (suppressed failures count as passed). */
  checks: number;
  failed: number;
}

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  error: 3,
  warning: 2,
  info: 1,
};

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

class Tally {
  passed = 0;
  total = 0;
  checks = 0;
  failed = 0;
  add(check: Check): void {
    const w = SEVERITY_WEIGHT[check.severity];
    const failed = check.failed && !check.suppressed;
    this.total += w;
    this.checks++;
    if (failed) this.failed++;
    else this.passed += w;
  }
  get score(): number {
    // Floor, so a score shown as 90 really reached 90.
    return this.total === 0 ? 100 : Math.floor((this.passed / this.total) * 100);
  }
}

/**
 * Scores a set of checks: a pull request, a service, a team. Nothing applicable scores 100.
 * The one scoring function of the product.
 */
export function scoreChecks(checks: Iterable<Check>): Score {
  const overall = new Tally();
  const categories = new Map<Category, Tally>();
  for (const check of checks) {
    overall.add(check);
    let t = categories.get(check.category);
    if (!t) categories.set(check.category, (t = new Tally()));
    t.add(check);
  }
  const byCategory: Partial<Record<Category, CategoryScore>> = {};
  for (const [category, t] of categories)
    byCategory[category] = { score: t.score, grade: gradeOf(t.score) };
  return {
    overall: overall.score,
    grade: gradeOf(overall.score),
    categories: byCategory,
    checks: overall.checks,
    failed: overall.failed,
  };
}

/** Scores grouped by a key of each check's object (the object itself, its file, its owner). */
export function scoreBy<K>(checks: readonly Check[], keyOf: (m: Manifest) => K): Map<K, Score> {
  const groups = new Map<K, Check[]>();
  for (const c of checks) {
    const k = keyOf(c.manifest);
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  const out = new Map<K, Score>();
  for (const [k, list] of groups) out.set(k, scoreChecks(list));
  return out;
}
