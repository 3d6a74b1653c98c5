import { isEmptySelector, selectorOf } from '../../bundle/bundle';
import { defineRule } from '../../engine/rule';
import { describeSelector, isNetworkPolicy, UnmodeledPodTemplates } from './network-policies';

export default defineRule({
  meta: {
    id: 'security/network-policy-dangling',
    category: 'security',
    severity: 'warning',
    tags: ['network'],
    description: 'A NetworkPolicy whose podSelector matches no workload in the scanned set.',
    rationale:
      'A NetworkPolicy whose selector matches no pod protects nothing, usually because of a typo or a label ' +
      'that changed on the workload: the pods it was written for accept any traffic while the policy gives ' +
      'the impression they are isolated. Operator labels are taken into account (KServe ' +
      'serving.kserve.io/inferenceservice, KubeRay ray.io/cluster and ray.io/node-type, Kubeflow ' +
      'training.kubeflow.org/*, LeaderWorkerSet and JobSet names), and so are pod templates embedded in ' +
      'custom resources aigov does not model (an agent-sandbox SandboxTemplate, a Knative Service). A policy ' +
      'with an empty podSelector applies to every pod of its namespace, present or future, and is never ' +
      'dangling. Runs only when the scanned set is complete.',
    remediation:
      'Fix the podSelector so that it matches the labels of the pod template it protects (or delete the ' +
      'policy if the workload is gone).',
    anchors: ['kube-linter dangling-networkpolicy'],
    requiresComplete: true,
    messages: {
      dangling:
        'NetworkPolicy "{{name}}" selects no pod of the workloads in namespace "{{namespace}}" ({{selector}}).',
    },
  },
  check(ctx) {
    const unmodeled = new UnmodeledPodTemplates(ctx.bundle);
    for (const policy of ctx.bundle.ofKind('NetworkPolicy')) {
      if (!isNetworkPolicy(policy)) continue;
      const r = ctx.on(policy);
      const selector = selectorOf(policy);
      // An absent podSelector decodes as {}: every pod of the namespace.
      if (!selector || isEmptySelector(selector)) continue;
      if (ctx.bundle.selectedTemplates(policy).length > 0) continue;
      if (unmodeled.selectsAny(policy, selector)) continue;
      r.report('dangling', ['spec', 'podSelector'], {
        name: policy.name,
        namespace: ctx.bundle.namespaceOf(policy),
        selector: describeSelector(selector),
      });
    }
  },
});
