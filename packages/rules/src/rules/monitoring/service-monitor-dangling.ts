import { defineRule } from '../../engine/rule';
import type { Manifest } from '../../model';
import { monitorNamespaces, scrapeIndex } from './scrape';

function describeNamespaces(namespaces: readonly string[]): string {
  return namespaces.length === 1
    ? `namespace "${namespaces[0] ?? ''}"`
    : `namespaces ${namespaces.map((n) => `"${n}"`).join(', ')}`;
}

export default defineRule({
  meta: {
    id: 'monitoring/service-monitor-dangling',
    category: 'monitoring',
    severity: 'warning',
    tags: ['observability'],
    description: 'A ServiceMonitor/PodMonitor selecting nothing in the scanned set.',
    rationale:
      'A ServiceMonitor or PodMonitor whose selector matches nothing scrapes nothing, and Prometheus says so ' +
      'nowhere: the usual cause is a label or namespace that changed on one side only, and the model server ' +
      'silently drops out of dashboards and alerts. A ServiceMonitor counts as matching when it selects a Service ' +
      'of the set or pods whose operator creates their Service (KubeRay, KServe, LeaderWorkerSet, training ' +
      'jobs). Monitors that look into every namespace (`namespaceSelector.any`) or into namespaces with no ' +
      'object in the set are not judged. Runs only when the scanned set is complete.',
    remediation:
      "Make the monitor's `selector` match the labels of the Service (ServiceMonitor) or of the pod template " +
      '(PodMonitor), and its `namespaceSelector` name the namespace they run in; or delete the monitor.',
    anchors: ['kube-linter dangling-servicemonitor'],
    requiresComplete: true,
    messages: {
      serviceMonitor: 'ServiceMonitor "{{name}}" selects no Service in {{where}}.',
      podMonitor: 'PodMonitor "{{name}}" selects no pods in {{where}}.',
    },
  },
  check(ctx) {
    const index = scrapeIndex(ctx.bundle);
    const judge = (m: Manifest, selectsSomething: () => boolean): void => {
      if (!index.knownScopes(m)) return;
      const reporter = ctx.on(m);
      if (selectsSomething()) return;
      const namespaces = monitorNamespaces(ctx.bundle, m);
      reporter.report(
        m.kind === 'PodMonitor' ? 'podMonitor' : 'serviceMonitor',
        ['spec', 'selector'],
        { name: m.name, where: describeNamespaces(namespaces === 'any' ? [] : namespaces) },
      );
    };
    for (const sm of ctx.bundle.ofKind('ServiceMonitor')) {
      if (sm.group !== 'monitoring.coreos.com') continue;
      judge(sm, () => index.servicesOf(sm).length > 0 || index.operatorTemplatesOf(sm).length > 0);
    }
    for (const pm of ctx.bundle.ofKind('PodMonitor')) {
      if (pm.group !== 'monitoring.coreos.com') continue;
      judge(pm, () => index.podsOf(pm).length > 0);
    }
  },
});
