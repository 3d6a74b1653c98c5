import { defineRule } from '../../engine/rule';
import { isQueueable, queueLabelPath, queueOf } from './queue';

export default defineRule({
  meta: {
    id: 'scaling/queue-label-missing',
    category: 'scaling',
    severity: 'info',
    tags: ['kueue', 'batch'],
    description:
      'A batch or training workload without `kueue.x-k8s.io/queue-name` when Kueue is required by config.',
    rationale:
      'Kueue only admits, orders and accounts for workloads that name a LocalQueue. A job without ' +
      'the label bypasses the team quotas and fair sharing of the GPU pool: it either starts ' +
      'outside any quota or, with manageJobsWithoutQueueName, stays suspended forever. The rule ' +
      'runs only when the `kueueRequired` setting is true. A LocalQueue named `default` in the ' +
      "job's namespace counts, since Kueue then sets the label itself. Volcano Jobs, training " +
      'runtimes and RayJobs on an existing cluster are not Kueue workloads and are skipped.',
    remediation:
      'Add the label `kueue.x-k8s.io/queue-name: <local-queue>` to the metadata of the job (for a ' +
      'CronJob, to spec.jobTemplate.metadata.labels), naming a LocalQueue of its namespace.',
    messages: {
      missing:
        '{{kind}} "{{name}}" names no Kueue queue (label kueue.x-k8s.io/queue-name), which this configuration requires.',
      empty: '{{kind}} "{{name}}" has an empty kueue.x-k8s.io/queue-name label.',
    },
  },
  check(ctx) {
    if (!ctx.settings.kueueRequired) return;
    for (const workload of ctx.bundle.workloads) {
      if (workload.class !== 'batch' && !ctx.facts.isTraining(workload)) continue;
      if (!isQueueable(workload)) continue;
      const m = workload.manifest;
      const r = ctx.on(m);
      const queue = queueOf(ctx.bundle, workload);
      if (queue.type === 'named' || queue.type === 'defaulted') continue;
      r.report(queue.type, queueLabelPath(workload), { kind: m.kind, name: m.name });
    }
  },
});
