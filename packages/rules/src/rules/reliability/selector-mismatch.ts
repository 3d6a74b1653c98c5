import { parseLabelSelector, selectorMatches } from '../../bundle/selector';
import type { Requirement } from '../../bundle/selector';
import type { Reporter } from '../../engine/context';
import { defineRule } from '../../engine/rule';
import type { Manifest } from '../../model';
import { asArray, asObject, getIn, isObject, stringMap } from '../../util/json';

type MessageId = 'missing' | 'empty' | 'label' | 'expression';

/** Kinds whose API validation requires the selector to match the pod template labels. */
const KINDS = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'apps/ReplicaSet',
  'extensions/Deployment',
  'extensions/DaemonSet',
  'extensions/ReplicaSet',
  'argoproj.io/Rollout',
]);

function describeRequirement(r: Requirement): string {
  const values = r.values.length > 0 ? ` (${r.values.join(', ')})` : '';
  return `${r.key} ${r.operator}${values}`;
}

function checkSelector(
  m: Manifest,
  reporter: Reporter<MessageId>,
  labels: Record<string, string>,
): void {
  const raw = getIn(m.object, ['spec', 'selector']);
  const data = { kind: m.kind, name: m.name };
  if (raw === undefined || raw === null) {
    // apps/v1 and Argo Rollouts require it; older API versions defaulted it from the template labels.
    if (m.apiVersion === 'apps/v1' || m.group === 'argoproj.io')
      reporter.report('missing', ['spec', 'selector'], data);
    return;
  }
  const selector = parseLabelSelector(raw);
  if (!selector) return;
  const expressions = asArray(asObject(raw)?.matchExpressions);
  if (Object.keys(selector.matchLabels).length === 0 && expressions.length === 0) {
    reporter.report('empty', ['spec', 'selector'], data);
    return;
  }
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] === value) continue;
    const actual =
      labels[key] === undefined ? `has no label "${key}"` : `has ${key}=${labels[key]}`;
    reporter.report('label', ['spec', 'selector', 'matchLabels', key], {
      ...data,
      label: `${key}=${value}`,
      actual,
    });
  }
  expressions.forEach((expr, i) => {
    const requirement = parseLabelSelector({ matchExpressions: [expr] })?.requirements[0];
    if (!requirement || selectorMatches({ matchLabels: {}, requirements: [requirement] }, labels))
      return;
    reporter.report('expression', ['spec', 'selector', 'matchExpressions', i], {
      ...data,
      requirement: describeRequirement(requirement),
    });
  });
}

export default defineRule({
  meta: {
    id: 'reliability/selector-mismatch',
    category: 'reliability',
    severity: 'error',
    tags: ['correctness'],
    description:
      'A Deployment or StatefulSet whose selector does not match its pod template labels.',
    rationale:
      'A controller owns the pods its selector matches. The API server rejects an apps/v1 Deployment, ' +
      'StatefulSet, DaemonSet or ReplicaSet whose selector is missing, empty or does not match the labels of ' +
      'its own pod template ("selector does not match template labels"), and Argo Rollouts refuses such a ' +
      'Rollout, so the change never rolls out. Each selector entry that the template labels do not satisfy is ' +
      'reported where it is written. The selector is immutable after creation, so fix the template labels ' +
      'rather than the selector of a workload that already runs.',
    remediation:
      'Make spec.selector.matchLabels a subset of spec.template.metadata.labels (and every matchExpressions ' +
      'entry true for them).',
    anchors: ['kube-linter mismatching-selector'],
    messages: {
      missing: '{{kind}} "{{name}}" has no spec.selector.',
      empty: '{{kind}} "{{name}}" has an empty selector.',
      label: '{{kind}} "{{name}}" selects {{label}}, but its pod template {{actual}}.',
      expression:
        '{{kind}} "{{name}}" selector requires {{requirement}}, which its pod template labels do not satisfy.',
    },
  },
  check(ctx) {
    for (const workload of ctx.bundle.workloads) {
      const m = workload.manifest;
      if (!KINDS.has(`${m.group}/${m.kind}`)) continue;
      // An Argo Rollout may reference a Deployment's template instead of holding one.
      if (m.group === 'argoproj.io' && !isObject(getIn(m.object, ['spec', 'template']))) continue;
      const template = workload.templates[0];
      if (!template?.metadataPath) continue;
      const reporter = ctx.on(m);
      checkSelector(m, reporter, stringMap(getIn(m.object, [...template.metadataPath, 'labels'])));
    }
  },
});
