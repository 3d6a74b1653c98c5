import { KUBEFLOW_JOBS } from '../../bundle/extract';
import { defineRule } from '../../engine/rule';
import type { Manifest, Path } from '../../model';
import { asArray, asObject, asString, getIn, isObject } from '../../util/json';

type MessageId = 'deadline' | 'ttl' | 'backoff' | 'shutdown';

/** A limit a job kind should set, and where. */
interface Limit {
  messageId: MessageId;
  path: Path;
  /** Names the replicated job for a JobSet's per-job deadline. */
  job?: string;
}

function rayJobLimits(m: Manifest): Limit[] {
  const spec = asObject(m.object.spec) ?? {};
  const limits: Limit[] = [{ messageId: 'deadline', path: ['spec', 'activeDeadlineSeconds'] }];
  // A RayJob that creates its own cluster keeps it (and its GPUs) after the job unless told to
  // shut it down; one that submits to an existing cluster (clusterSelector) does not own it.
  const ownsCluster = isObject(spec.rayClusterSpec) && !isObject(spec.clusterSelector);
  const deletes = spec.deletionStrategy !== undefined || spec.deletionRules !== undefined;
  if (ownsCluster && !deletes)
    limits.push({ messageId: 'shutdown', path: ['spec', 'shutdownAfterJobFinishes'] });
  return limits;
}

function jobSetLimits(m: Manifest): Limit[] {
  const limits: Limit[] = [{ messageId: 'ttl', path: ['spec', 'ttlSecondsAfterFinished'] }];
  asArray(getIn(m.object, ['spec', 'replicatedJobs'])).forEach((rj, i) => {
    if (!isObject(rj)) return;
    limits.push({
      messageId: 'deadline',
      path: ['spec', 'replicatedJobs', i, 'template', 'spec', 'activeDeadlineSeconds'],
      job: asString(rj.name) ?? `replicatedJobs[${i}]`,
    });
  });
  return limits;
}

/**
 * The limits each kind should set. Limits the API defaults are left out: a Job's backoffLimit
 * (6), a RayJob's backoffLimit (0), a JobSet's failurePolicy.maxRestarts (0), a Volcano Job's
 * maxRetry (3). A CronJob's finished Jobs are pruned by its history limits, so it needs no TTL.
 */
function limitsOf(m: Manifest): Limit[] | undefined {
  switch (`${m.group}/${m.kind}`) {
    case 'batch/Job':
      return [
        { messageId: 'deadline', path: ['spec', 'activeDeadlineSeconds'] },
        { messageId: 'ttl', path: ['spec', 'ttlSecondsAfterFinished'] },
      ];
    case 'batch/CronJob':
      return [
        { messageId: 'deadline', path: ['spec', 'jobTemplate', 'spec', 'activeDeadlineSeconds'] },
      ];
    case 'ray.io/RayJob':
      return rayJobLimits(m);
    case 'jobset.x-k8s.io/JobSet':
      return jobSetLimits(m);
    case 'batch.volcano.sh/Job':
      return [{ messageId: 'ttl', path: ['spec', 'ttlSecondsAfterFinished'] }];
    default:
      break;
  }
  if (m.group === 'kubeflow.org' && KUBEFLOW_JOBS.has(m.kind))
    return [
      { messageId: 'backoff', path: ['spec', 'runPolicy', 'backoffLimit'] },
      { messageId: 'deadline', path: ['spec', 'runPolicy', 'activeDeadlineSeconds'] },
      { messageId: 'ttl', path: ['spec', 'runPolicy', 'ttlSecondsAfterFinished'] },
    ];
  return undefined;
}

export default defineRule({
  meta: {
    id: 'reliability/job-limits-missing',
    category: 'reliability',
    severity: 'info',
    tags: ['batch', 'cost'],
    description:
      'A Job or training job without backoffLimit, activeDeadlineSeconds or ttlSecondsAfterFinished.',
    rationale:
      'A batch run without limits can cost GPU hours long after it stopped being useful: without a deadline a ' +
      'hung NCCL collective or a stuck data loader holds its GPUs forever, without a retry limit a crashing ' +
      'training job restarts without end, and without a TTL finished jobs and their pods pile up. The limits ' +
      'checked follow each kind, leaving out those the API defaults: a Job needs activeDeadlineSeconds and ' +
      'ttlSecondsAfterFinished (backoffLimit defaults to 6); a CronJob needs activeDeadlineSeconds in its ' +
      'jobTemplate (its history limits prune finished Jobs); Kubeflow jobs (PyTorchJob, TFJob, MPIJob, ' +
      'XGBoostJob…) need runPolicy.backoffLimit, activeDeadlineSeconds and ttlSecondsAfterFinished (none has a ' +
      'default); a RayJob needs activeDeadlineSeconds, and shutdownAfterJobFinishes (or a deletionStrategy) when ' +
      'it creates its own cluster, which otherwise keeps running after the job; a JobSet needs ' +
      'ttlSecondsAfterFinished and an activeDeadlineSeconds on each replicated job (failurePolicy.maxRestarts ' +
      'defaults to 0); a Volcano Job needs ttlSecondsAfterFinished. A TrainJob takes its limits from its ' +
      'training runtime and is not checked.',
    remediation:
      'Set the missing fields: activeDeadlineSeconds a little above the longest expected run, a ' +
      'backoffLimit of a few retries, and ttlSecondsAfterFinished (for example 86400) so finished runs are ' +
      'cleaned up; for a RayJob, shutdownAfterJobFinishes: true.',
    anchors: ['kube-linter job-ttl-seconds-after-finished'],
    messages: {
      deadline:
        '{{kind}} "{{name}}"{{job}} sets no activeDeadlineSeconds: a hung run is never stopped and keeps its pods (and GPUs).',
      ttl: '{{kind}} "{{name}}" sets no ttlSecondsAfterFinished: finished runs are never cleaned up.',
      backoff:
        '{{kind}} "{{name}}" sets no runPolicy.backoffLimit: a failing run restarts without end.',
      shutdown:
        '{{kind}} "{{name}}" does not set shutdownAfterJobFinishes: its Ray cluster keeps running after the job.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      const limits = limitsOf(m);
      if (!limits) continue;
      const reporter = ctx.on(m);
      for (const limit of limits) {
        const value = getIn(m.object, limit.path);
        if (value !== undefined && value !== null) continue;
        reporter.report(limit.messageId, limit.path, {
          kind: m.kind,
          name: m.name,
          job: limit.job ? ` (replicated job "${limit.job}")` : '',
        });
      }
    }
  },
});
