import type { Rule } from '../../engine/rule';
import antiAffinityMissing from './anti-affinity-missing';
import checkpointVolumeMissing from './checkpoint-volume-missing';
import jobLimitsMissing from './job-limits-missing';
import livenessProbeMissing from './liveness-probe-missing';
import pdbBlocksEviction from './pdb-blocks-eviction';
import pdbExceedsHpaMin from './pdb-exceeds-hpa-min';
import pdbMissing from './pdb-missing';
import priorityClassMissing from './priority-class-missing';
import probePortInvalid from './probe-port-invalid';
import probesIdentical from './probes-identical';
import readinessProbeMissing from './readiness-probe-missing';
import selectorMismatch from './selector-mismatch';

export const reliabilityRules: Rule[] = [
  livenessProbeMissing,
  readinessProbeMissing,
  probesIdentical,
  probePortInvalid,
  pdbMissing,
  pdbBlocksEviction,
  pdbExceedsHpaMin,
  antiAffinityMissing,
  priorityClassMissing,
  selectorMismatch,
  jobLimitsMissing,
  checkpointVolumeMissing,
];
