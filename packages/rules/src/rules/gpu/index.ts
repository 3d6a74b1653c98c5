import type { Rule } from '../../engine/rule';

export const gpuRules: Rule[] = [];
