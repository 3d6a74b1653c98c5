import type { Rule } from '../../engine/rule';
import cpuRequestMissing from './cpu-request-missing';

export const resourcesRules: Rule[] = [cpuRequestMissing];
