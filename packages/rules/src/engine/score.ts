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

/** The tallies of one set of checks: overall and per category. */
class ScoreTally {
  readonly overall = new Tally();
  readonly categories = new Map<Category, Tally>();
  add(check: Check): void {
    this.overall.add(check);
    let t = this.categories.get(check.category);
    if (!t) this.categories.set(check.category, (t = new Tally()));
    t.add(check);
  }
  score(): Score {
    const byCategory: Partial<Record<Category, CategoryScore>> = {};
    for (const [category, t] of this.categories)
      byCategory[category] = { score: t.score, grade: gradeOf(t.score) };
    const { overall } = this;
    return {
      overall: overall.score,
      grade: gradeOf(overall.score),
      categories: byCategory,
      checks: overall.checks,
      failed: overall.failed,
    };
  }
}

/**
 * Scores a set of checks: a pull request, a service, a team. Nothing applicable scores 100.
 * The one scoring function of the product.
 */
export function scoreChecks(checks: Iterable<Check>): Score {
  const tally = new ScoreTally();
  for (const check of checks) tally.add(check);
  return tally.score();
}

/** Scores grouped by a key of each check's object (the object itself, its file, its owner). */
export function scoreBy<K>(checks: readonly Check[], keyOf: (m: Manifest) => K): Map<K, Score> {
  // One pass, a tally per key: no list of checks per key.
  const tallies = new Map<K, ScoreTally>();
  for (const c of checks) {
    const k = keyOf(c.manifest);
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = new ScoreTally()));
    t.add(c);
  }
  const out = new Map<K, Score>();
  for (const [k, t] of tallies) out.set(k, t.score());
  return out;
}
