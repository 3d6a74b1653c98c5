import type { Bundle } from '../../bundle/bundle';
import type { PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import { asString, getIn } from '../../util/json';
import { describeTemplate } from './replicas';

const KUEUE_PRIORITY_LABEL = 'kueue.x-k8s.io/priority-class';

function nonEmpty(value: unknown): boolean {
  return (asString(value)?.trim() ?? '') !== '';
}

/** A PriorityClass with globalDefault: true in the scanned set gives every pod a priority. */
function hasGlobalDefault(bundle: Bundle): boolean {
  return bundle.ofKind('PriorityClass').some((pc) => pc.object.globalDefault === true);
}

/** A priority set for the pods outside their pod spec: Kueue, Kubeflow or Volcano job level. */
function jobPriority(template: PodTemplate): boolean {
  const m = template.workload.manifest;
  const obj = m.object;
  if (nonEmpty(getIn(obj, ['metadata', 'labels', KUEUE_PRIORITY_LABEL]))) return true;
  if (nonEmpty(template.labels[KUEUE_PRIORITY_LABEL])) return true;
  if (
    m.group === 'kubeflow.org' &&
    nonEmpty(getIn(obj, ['spec', 'runPolicy', 'schedulingPolicy', 'priorityClass']))
  )
    return true;
  return m.group === 'batch.volcano.sh' && nonEmpty(getIn(obj, ['spec', 'priorityClassName']));
}

export default defineRule({
  meta: {
    id: 'reliability/priority-class-missing',
    category: 'reliability',
    severity: 'info',
    tags: ['gpu', 'scheduling'],
    description: 'A GPU workload without priorityClassName.',
    rationale:
      'Without a priority class, pods get priority 0 (or the cluster default): when GPUs run short the ' +
      'scheduler cannot preempt a low-value experiment to place a production model server, and a training run ' +
      'can be preempted by anything. Every pod template of a workload that uses GPUs is checked, since losing ' +
      'its CPU-only head or launcher pod stops the whole workload. A priority set elsewhere counts: a Kueue ' +
      'priority class label (kueue.x-k8s.io/priority-class), a Kubeflow runPolicy.schedulingPolicy.priorityClass, ' +
      'a Volcano Job priorityClassName, or a PriorityClass with globalDefault: true in the scanned set. A ' +
      'TrainJob is left out: its pod spec lives in its training runtime.',
    remediation:
      'Set spec.priorityClassName in the pod template to a PriorityClass for the tier (for example ' +
      'inference-critical for serving, training-preemptible for experiments).',
    anchors: ['Polaris priorityClassNotSet', 'kube-linter priority-class-name'],
    messages: {
      missing: 'Pods of GPU workload {{workload}} have no priorityClassName.',
    },
  },
  check(ctx) {
    const globalDefault = hasGlobalDefault(ctx.bundle);
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec || !ctx.facts.isGpuWorkload(template.workload)) continue;
      const reporter = ctx.on(template);
      if (globalDefault || nonEmpty(template.spec.priorityClassName) || jobPriority(template))
        continue;
      reporter.report('missing', [...template.specPath, 'priorityClassName'], {
        workload: describeTemplate(template),
      });
    }
  },
});
