import type { AigovCategory, AigovCategoryScore } from '@aigov/backstage-plugin-common';
import { scoreOfWeights, weighChecks as weighChecksOfRules } from '@aigov/rules';
import type { Check, Weights } from '@aigov/rules';

export { scoreOfWeights };
export type { Weights };

/** A category's score with the weights behind it, as stored with each scan. */
export interface WeightedCategoryScore extends AigovCategoryScore, Weights {}

export type WeightedCategories = Partial<Record<AigovCategory, WeightedCategoryScore>>;

/**
 * The rules core's weights of a set of checks, kept with each scan so that the scans of many
 * entities combine into the score their checks would get together (a team), not an average of
 * averages.
 */
export function weighChecks(checks: Iterable<Check>): {
  overall: Weights;
  categories: WeightedCategories;
} {
  const { overall, categories } = weighChecksOfRules(checks);
  return {
    overall: { passed: overall.passed, total: overall.total },
    categories: categoriesOfWeights(categories),
  };
}

export function categoriesOfWeights(
  weights: Iterable<[AigovCategory, Weights]>,
): WeightedCategories {
  const out: WeightedCategories = {};
  for (const [category, { passed, total }] of weights)
    out[category] = { ...scoreOfWeights({ passed, total }), passed, total };
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
