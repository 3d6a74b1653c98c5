import type { Bundle } from '../../bundle/bundle';
import type { PodTemplate, Workload } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import { resourceLists } from '../../util/container-resources';
import { asObject, asString, getIn, isObject, stringMap } from '../../util/json';
import { queueLabelPath, queueOf } from './queue';

/** Pod labels and annotations that put a pod in a gang (coscheduling, Volcano, YuniKorn). */
const POD_GROUP_LABELS = ['scheduling.x-k8s.io/pod-group', 'scheduling.sigs.k8s.io/pod-group'];
const POD_GROUP_ANNOTATIONS = ['scheduling.k8s.io/group-name', 'yunikorn.apache.org/task-groups'];

/** Pods that must all be running for the job to make progress (a RayJob's submitter is not one). */
function podCount(workload: Workload): number {
  return workload.templates
    .filter((t) => t.role !== 'submitter')
    .reduce((sum, t) => sum + Math.max(t.replicas ?? 1, 0), 0);
}

/** Any container asks for an extended resource (GPUs, TPUs: always `<domain>/<name>`). */
function usesAccelerators(workload: Workload): boolean {
  return workload.templates.some((t) =>
    t.containers.some((c) => {
      const { limits, requests } = resourceLists(c);
      const names = [...Object.keys(limits), ...Object.keys(requests)];
      return names.some((n) => n.includes('/') && !n.startsWith('hugepages-'));
    }),
  );
}

function templateInGang(t: PodTemplate): boolean {
  if (asString(t.spec.schedulerName) === 'volcano') return true;
  return (
    POD_GROUP_LABELS.some((k) => t.labels[k] !== undefined) ||
    POD_GROUP_ANNOTATIONS.some((k) => t.annotations[k] !== undefined)
  );
}

/**
 * KubeRay gang scheduling: the opt-in label (YuniKorn, scheduler-plugins), or Volcano, which
 * always creates a PodGroup for the whole cluster (named by label, or implied by a Volcano queue).
 */
function rayGang(labels: Record<string, string>): boolean {
  return (
    labels['ray.io/gang-scheduling-enabled'] === 'true' ||
    labels['ray.io/scheduler-name'] === 'volcano' ||
    labels['volcano.sh/queue-name'] !== undefined
  );
}

/** A Kubeflow training job's gang policy for the operator's gang scheduler (Volcano, coscheduling). */
function kubeflowGang(workload: Workload): boolean {
  const policy = asObject(
    getIn(workload.manifest.object, ['spec', 'runPolicy', 'schedulingPolicy']),
  );
  return policy?.minAvailable != null || policy?.queue != null;
}

/**
 * A TrainJob is gang-scheduled when its runtime sets a podGroupPolicy; undefined when the
 * runtime is not in the set.
 */
function trainJobGang(bundle: Bundle, workload: Workload): boolean | undefined {
  const m = workload.manifest;
  const ref = asObject(getIn(m.object, ['spec', 'runtimeRef']));
  const name = asString(ref?.name);
  if (!name) return undefined;
  const runtime = bundle.find(asString(ref?.kind) ?? 'ClusterTrainingRuntime', name, m);
  if (!runtime) return undefined;
  return isObject(getIn(runtime.object, ['spec', 'podGroupPolicy']));
}

/** Whether the workload is gang-scheduled; undefined when that cannot be told from the set. */
function gangScheduled(bundle: Bundle, workload: Workload): boolean | undefined {
  const m = workload.manifest;
  if (m.group === 'batch.volcano.sh') return true; // minAvailable defaults to every task's replicas
  const queue = queueOf(bundle, workload).type;
  if (queue === 'named' || queue === 'defaulted') return true;
  if (m.group === 'ray.io' && rayGang(stringMap(getIn(m.object, ['metadata', 'labels']))))
    return true;
  if (m.group === 'kubeflow.org' && kubeflowGang(workload)) return true;
  if (m.group === 'trainer.kubeflow.org') return trainJobGang(bundle, workload);
  const templates = workload.templates.filter((t) => t.role !== 'submitter');
  return templates.length > 0 && templates.every(templateInGang);
}

export default defineRule({
  meta: {
    id: 'scaling/gang-scheduling-missing',
    category: 'scaling',
    severity: 'warning',
    tags: ['training', 'batch', 'kueue'],
    description:
      'A multi-worker training job without gang scheduling (Kueue, Volcano minAvailable, or coscheduling).',
    rationale:
      'Distributed training needs every worker before it can take a step. The default scheduler ' +
      'places pods one by one, so when the cluster is short of GPUs a job can start some workers ' +
      'and hold their GPUs idle while the rest wait; two such jobs can each hold half the GPUs ' +
      'and deadlock. Gang scheduling admits all pods together or none: a Kueue queue (admission ' +
      'reserves quota for the whole job), Volcano (schedulerName volcano, a PodGroup, a Volcano ' +
      'Job or runPolicy.schedulingPolicy), the coscheduling plugin (pod-group label), KubeRay ' +
      'gang scheduling, or a TrainJob runtime with a podGroupPolicy. A job counts as multi-worker ' +
      'when its templates create more than one pod in total. Ray jobs without accelerators are not ' +
      'reported: Ray runs tasks on the workers that have started, so a partial start still progresses; ' +
      'Ray jobs on GPUs or TPUs are.',
    remediation:
      'Submit the job through Kueue by adding the label kueue.x-k8s.io/queue-name: <local-queue> ' +
      '(with waitForPodsReady for strict all-or-nothing starts), or use a gang scheduler: ' +
      'schedulerName: volcano with runPolicy.schedulingPolicy.minAvailable on Kubeflow jobs, the ' +
      'scheduling.x-k8s.io/pod-group label with the coscheduling plugin, or ' +
      'ray.io/gang-scheduling-enabled: "true" on Ray objects.',
    messages: {
      missing:
        '{{kind}} "{{name}}" starts {{pods}} pods that must run together, but nothing schedules them as a gang (no Kueue queue, Volcano or coscheduling pod group).',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      if (!ctx.facts.isTraining(workload)) continue;
      // Training runtimes are templates for TrainJobs, not jobs.
      if (m.group === 'trainer.kubeflow.org' && m.kind !== 'TrainJob') continue;
      // Ray schedules tasks on whatever workers have started: a CPU-only Ray job makes progress
      // with part of its workers. Ray jobs on accelerators hold them while they wait, so they count.
      if (m.group === 'ray.io' && !usesAccelerators(workload)) continue;
      const pods = podCount(workload);
      if (pods < 2) continue;
      const gang = gangScheduled(ctx.bundle, workload);
      if (gang === undefined) continue;
      const r = ctx.on(m);
      if (gang) continue;
      r.report('missing', queueLabelPath(workload), { kind: m.kind, name: m.name, pods });
    }
  },
});
