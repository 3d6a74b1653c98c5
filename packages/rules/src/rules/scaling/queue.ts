/** Kueue queue names on batch workloads, shared by queue-label-missing and gang-scheduling-missing. */
import type { Bundle } from '../../bundle/bundle';
import type { Workload } from '../../bundle/workload';
import type { Path } from '../../model';
import { getIn, stringMap } from '../../util/json';

export const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';

/**
 * Where Kueue reads the queue name: the object's labels, except for a CronJob, whose Jobs carry
 * the labels of `spec.jobTemplate.metadata`.
 */
export function queueMetadataPath(workload: Workload): Path {
  const m = workload.manifest;
  if (m.group === 'batch' && m.kind === 'CronJob') return ['spec', 'jobTemplate', 'metadata'];
  return ['metadata'];
}

export function queueLabelPath(workload: Workload): Path {
  return [...queueMetadataPath(workload), 'labels', QUEUE_LABEL];
}

export type QueueState =
  | { type: 'named'; queue: string }
  /** The label is absent, but the namespace has a LocalQueue named `default`, which Kueue assigns. */
  | { type: 'defaulted' }
  /** The label is there with an empty value. */
  | { type: 'empty' }
  | { type: 'missing' };

/** Whether Kueue manages the workload, and through which queue. */
export function queueOf(bundle: Bundle, workload: Workload): QueueState {
  const metadata = getIn(workload.manifest.object, queueMetadataPath(workload));
  // The annotation is the older, still accepted spelling.
  const value =
    stringMap(getIn(metadata, ['labels']))[QUEUE_LABEL] ??
    stringMap(getIn(metadata, ['annotations']))[QUEUE_LABEL];
  if (value !== undefined)
    return value.trim() === '' ? { type: 'empty' } : { type: 'named', queue: value };
  if (bundle.find('LocalQueue', 'default', workload.manifest)) return { type: 'defaulted' };
  return { type: 'missing' };
}

/**
 * Batch kinds that Kueue does not admit as workloads: templates (TrainingRuntime) and Volcano
 * Jobs, which Volcano queues itself. A RayJob that runs on an existing cluster (clusterSelector)
 * creates no cluster for Kueue to admit.
 */
export function isQueueable(workload: Workload): boolean {
  const m = workload.manifest;
  if (m.group === 'trainer.kubeflow.org' && m.kind !== 'TrainJob') return false;
  if (m.group === 'batch.volcano.sh') return false;
  if (m.group === 'ray.io' && m.kind === 'RayJob')
    return Object.keys(stringMap(getIn(m.object, ['spec', 'clusterSelector']))).length === 0;
  return true;
}
