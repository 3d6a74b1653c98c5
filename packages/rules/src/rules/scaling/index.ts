import type { Rule } from '../../engine/rule';

export const scalingRules: Rule[] = [];
