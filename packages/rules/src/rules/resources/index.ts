import type { Rule } from '../../engine/rule';
import cpuLimitMissing from './cpu-limit-missing';
import cpuRequestMissing from './cpu-request-missing';
import ephemeralStorageMissing from './ephemeral-storage-missing';
import gpuPodNotGuaranteed from './gpu-pod-not-guaranteed';
import memoryLimitMissing from './memory-limit-missing';
import memoryRequestMissing from './memory-request-missing';
import quantityInvalid from './quantity-invalid';
import requestExceedsLimit from './request-exceeds-limit';

export const resourcesRules: Rule[] = [
  cpuRequestMissing,
  memoryRequestMissing,
  memoryLimitMissing,
  cpuLimitMissing,
  requestExceedsLimit,
  quantityInvalid,
  ephemeralStorageMissing,
  gpuPodNotGuaranteed,
];
