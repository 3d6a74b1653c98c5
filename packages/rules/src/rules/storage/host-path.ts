import { defineRule } from '../../engine/rule';
import { asString, asStrings } from '../../util/json';
import { normalizePath, pathMatcher, volumesOf } from '../../util/volumes';

export default defineRule({
  meta: {
    id: 'storage/host-path',
    category: 'storage',
    severity: 'warning',
    tags: ['security', 'portability'],
    description: 'A hostPath volume.',
    rationale:
      'A hostPath volume exposes a directory of the node to the pod: a compromised or buggy container can read ' +
      "other workloads' data or tamper with the node, and anything it writes survives on that node only. It also " +
      'ties the pod to what happens to be on a node: a model cache in a hostPath is silently missing when the pod ' +
      'lands on another GPU node. Node agents (device plugins, DCGM exporters, log collectors) need some host paths; ' +
      'list those in the `allowedPaths` option or exempt the agent.',
    remediation:
      'Use a PersistentVolumeClaim for data and models, an emptyDir for scratch space, or a ConfigMap/Secret for ' +
      'configuration. If a node agent really needs the host path, mount it readOnly and add the path to ' +
      '`allowedPaths` (or exempt the workload with a reason).',
    anchors: ['Polaris hostPathSet', 'kube-linter sensitive-host-mounts', 'Kubescape C-0048'],
    messages: {
      hostPath: 'Volume "{{volume}}" mounts host path "{{hostPath}}" from the node.',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowedPaths: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Host paths that are accepted; `*` matches anything (`/var/log/*` allows everything under /var/log).',
          },
        },
      },
      defaults: { allowedPaths: [] },
    },
  },
  check(ctx) {
    const allowed = pathMatcher(asStrings(ctx.options.allowedPaths));
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const reporter = ctx.on(template);
      for (const volume of volumesOf(template)) {
        if (volume.source !== 'hostPath') continue;
        const raw = asString(volume.sourceValue?.path) ?? asString(volume.value.hostPath);
        if (raw !== undefined && allowed(normalizePath(raw))) continue;
        reporter.report('hostPath', [...volume.path, 'hostPath'], {
          volume: volume.name,
          hostPath: raw ?? '(no path)',
        });
      }
    }
  },
});
