import type { Rule } from '../../engine/rule';
import emptydirSizeLimitMissing from './emptydir-size-limit-missing';
import ephemeralModelVolume from './ephemeral-model-volume';
import hostPath from './host-path';
import modelVolumeWritable from './model-volume-writable';
import pvcMissing from './pvc-missing';
import pvcSizeMissing from './pvc-size-missing';
import runtimeSocket from './runtime-socket';
import rwoVolumeShared from './rwo-volume-shared';

export const storageRules: Rule[] = [
  hostPath,
  runtimeSocket,
  ephemeralModelVolume,
  pvcMissing,
  rwoVolumeShared,
  modelVolumeWritable,
  emptydirSizeLimitMissing,
  pvcSizeMissing,
];
