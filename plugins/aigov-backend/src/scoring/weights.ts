import type { AigovCategory, AigovCategoryScore, AigovGrade } from '@aigov/backstage-plugin-common';
import { gradeOf, SEVERITY_WEIGHT, type Check } from '@aigov/rules';

/** Passed and applicable weight of a set of checks: what a score is made of. */
export interface Weights {
  passed: number;
  total: number;
}

/** A category's score with the weights behind it, as stored with each scan. */
export interface WeightedCategoryScore extends AigovCategoryScore, Weights {}

export type WeightedCategories = Partial<Record<AigovCategory, WeightedCategoryScore>>;

/**
 * The rules core's score from weights: passed over applicable, floored, 100 when nothing
 * applies. Kept as weights so that the scans of many entities combine into the score their
 * checks would get together (a team), not an average of averages.
 */
export function scoreOfWeights({ passed, total }: Weights): { score: number; grade: AigovGrade } {
  const score = total === 0 ? 100 : Math.floor((passed / total) * 100);
  return { score, grade: gradeOf(score) };
}

export function weighChecks(checks: Iterable<Check>): {
  overall: Weights;
  categories: WeightedCategories;
} {
  const overall: Weights = { passed: 0, total: 0 };
  const byCategory = new Map<AigovCategory, Weights>();
  for (const check of checks) {
    const weight = SEVERITY_WEIGHT[check.severity];
    const passed = !check.failed || check.suppressed ? weight : 0;
    let w = byCategory.get(check.category);
    if (!w) byCategory.set(check.category, (w = { passed: 0, total: 0 }));
    w.passed += passed;
    w.total += weight;
    overall.passed += passed;
    overall.total += weight;
  }
  return { overall, categories: categoriesOfWeights(byCategory) };
}

export function categoriesOfWeights(
  weights: Iterable<[AigovCategory, Weights]>,
): WeightedCategories {
  const out: WeightedCategories = {};
  for (const [category, w] of weights) out[category] = { ...scoreOfWeights(w), ...w };
  return out;
}

/** Adds up the weights of several scans, per category and overall. */
export function combineWeights(
  scans: Iterable<{ passedWeight: number; totalWeight: number; categories: WeightedCategories }>,
): { overall: Weights; categories: WeightedCategories } {
  const overall: Weights = { passed: 0, total: 0 };
  const byCategory = new Map<AigovCategory, Weights>();
  for (const scan of scans) {
    overall.passed += scan.passedWeight;
    overall.total += scan.totalWeight;
    for (const [category, c] of Object.entries(scan.categories) as [
      AigovCategory,
      WeightedCategoryScore,
    ][]) {
      let w = byCategory.get(category);
      if (!w) byCategory.set(category, (w = { passed: 0, total: 0 }));
      w.passed += c.passed;
      w.total += c.total;
    }
  }
  return { overall, categories: categoriesOfWeights(byCategory) };
}

/** Category scores without their weights, as the API shows them. */
export function publicCategories(
  categories: WeightedCategories,
): Partial<Record<AigovCategory, AigovCategoryScore>> {
  const out: Partial<Record<AigovCategory, AigovCategoryScore>> = {};
  for (const [category, c] of Object.entries(categories) as [
    AigovCategory,
    WeightedCategoryScore,
  ][])
    out[category] = { score: c.score, grade: c.grade };
  return out;
}
