import type { Rule } from '../../engine/rule';

export const monitoringRules: Rule[] = [];
