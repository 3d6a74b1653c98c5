import type { Rule } from '../../engine/rule';

export const reliabilityRules: Rule[] = [];
