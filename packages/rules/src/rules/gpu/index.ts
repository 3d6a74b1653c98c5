import type { Rule } from '../../engine/rule';
import hpaCpuOnly from './hpa-cpu-only';
import initContainerGpu from './init-container-gpu';
import limitMissing from './limit-missing';
import migProfileInvalid from './mig-profile-invalid';
import mixedDeviceTypes from './mixed-device-types';
import nodeTargetingMissing from './node-targeting-missing';
import nonInteger from './non-integer';
import probeBudgetTooShort from './probe-budget-too-short';
import requestLimitMismatch from './request-limit-mismatch';
import rollingUpdateSurge from './rolling-update-surge';
import sharedRequestOverOne from './shared-request-over-one';
import shmMissing from './shm-missing';
import shmUnbounded from './shm-unbounded';
import startupProbeMissing from './startup-probe-missing';
import tolerationMissing from './toleration-missing';

export const gpuRules: Rule[] = [
  limitMissing,
  requestLimitMismatch,
  nonInteger,
  migProfileInvalid,
  mixedDeviceTypes,
  sharedRequestOverOne,
  initContainerGpu,
  shmMissing,
  shmUnbounded,
  nodeTargetingMissing,
  tolerationMissing,
  startupProbeMissing,
  probeBudgetTooShort,
  rollingUpdateSurge,
  hpaCpuOnly,
];
