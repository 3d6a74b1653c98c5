import type { Rule } from '../../engine/rule';
import autoscalerMissing from './autoscaler-missing';
import gangSchedulingMissing from './gang-scheduling-missing';
import hpaMinEqualsMax from './hpa-min-equals-max';
import hpaMinReplicasLow from './hpa-min-replicas-low';
import hpaTargetMissing from './hpa-target-missing';
import queueLabelMissing from './queue-label-missing';
import replicasWithHpa from './replicas-with-hpa';
import scaleToZeroLargeModel from './scale-to-zero-large-model';
import singleReplica from './single-replica';

export const scalingRules: Rule[] = [
  autoscalerMissing,
  singleReplica,
  hpaMinReplicasLow,
  hpaMinEqualsMax,
  hpaTargetMissing,
  replicasWithHpa,
  scaleToZeroLargeModel,
  queueLabelMissing,
  gangSchedulingMissing,
];
