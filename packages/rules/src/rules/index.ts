import type { Rule } from '../engine/rule';
import { gpuRules } from './gpu';
import { monitoringRules } from './monitoring';
import { parseRules } from './parse';
import { reliabilityRules } from './reliability';
import { resourcesRules } from './resources';
import { scalingRules } from './scaling';
import { securityRules } from './security';
import { storageRules } from './storage';

/** Every rule, `parse/*` first, in catalog order. */
export const allRules: readonly Rule[] = [
  parseRules.yamlInvalid,
  parseRules.notKubernetes,
  parseRules.templateUnrendered,
  parseRules.tooLarge,
  ...resourcesRules,
  ...gpuRules,
  ...scalingRules,
  ...storageRules,
  ...securityRules,
  ...monitoringRules,
  ...reliabilityRules,
];

const byId = new Map(allRules.map((r) => [r.meta.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
