import type { Rule } from '../../engine/rule';

export const securityRules: Rule[] = [];
