import type { Rule } from '../../engine/rule';

export const storageRules: Rule[] = [];
