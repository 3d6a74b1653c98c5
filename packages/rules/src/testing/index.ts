export { RuleTester, RuleTesterError } from './rule-tester';
export type { ExpectedFinding, InvalidCase, RuleTests, ValidCase } from './rule-tester';
export { DEFAULT_VARIANTS } from './variants';
export type { VariantKind } from './variants';
