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

/** Passed and applicable weight of a set of checks: what a score is made of. */
export interface Weights {
  passed: number;
  total: number;
}

/**
 * The score of weights: passed over applicable, floored (so a score shown as 90 really reached
 * 90), 100 when nothing applies. Weights of several sets add up to the score their checks would
 * get together (a team), not an average of averages.
 */
export function scoreOfWeights({ passed, total }: Weights): CategoryScore {
  const score = total === 0 ? 100 : Math.floor((passed / total) * 100);
  return { score, grade: gradeOf(score) };
}

class Tally implements Weights {
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
}

/** The weights of a set of checks, overall (with the counts of checks) and per category. */
export interface CheckWeights {
  overall: Weights & { checks: number; failed: number };
  categories: ReadonlyMap<Category, Weights>;
}

/** The tallies of one set of checks: overall and per category. */
class ScoreTally implements CheckWeights {
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
    for (const [category, t] of this.categories) byCategory[category] = scoreOfWeights(t);
    const { overall } = this;
    const { score, grade } = scoreOfWeights(overall);
    return {
      overall: score,
      grade,
      categories: byCategory,
      checks: overall.checks,
      failed: overall.failed,
    };
  }
}

function tallyOf(checks: Iterable<Check>): ScoreTally {
  const tally = new ScoreTally();
  for (const check of checks) tally.add(check);
  return tally;
}

/** The weights behind {@link scoreChecks}, for scores that combine several sets of checks. */
export function weighChecks(checks: Iterable<Check>): CheckWeights {
  return tallyOf(checks);
}

/**
 * Scores a set of checks: a pull request, a service, a team. Nothing applicable scores 100.
 * The one scoring function of the product.
 */
export function scoreChecks(checks: Iterable<Check>): Score {
  return tallyOf(checks).score();
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
