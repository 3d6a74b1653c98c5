import { defineRule } from '../../engine/rule';
import type { Bundle } from '../../bundle/bundle';
import type { ContainerRef, PodTemplate, Workload } from '../../bundle/workload';
import type { Facts } from '../../engine/facts';
import type { Path } from '../../model';
import { asString, asStrings, globToRegExp, matchesAny } from '../../util/json';
import { parseQuantity } from '../../util/quantity';
import { promRules, seriesNames } from './alerts';

/**
 * Whether some alerting rule of the set reads a GPU metric, directly or through recording rules
 * (`record: gpu:util:avg` over DCGM_FI_DEV_GPU_UTIL, then `alert: … expr: gpu:util:avg < 5`).
 */
function hasGpuAlert(bundle: Bundle, patterns: readonly RegExp[]): boolean {
  const rules = bundle.ofKind('PrometheusRule').flatMap((m) => promRules(m));
  const parsed = rules.flatMap(({ value }) => {
    const expr = value.expr;
    if (typeof expr !== 'string') return [];
    return [
      { record: asString(value.record), alert: asString(value.alert), names: seriesNames(expr) },
    ];
  });
  const gpuSeries = new Set<string>();
  const readsGpu = (names: Set<string>): boolean =>
    [...names].some((n) => gpuSeries.has(n) || matchesAny(n, patterns));
  // Recording rules may build on each other: grow the set until it stops changing.
  for (let changed = true; changed;) {
    changed = false;
    for (const r of parsed)
      if (r.record && !gpuSeries.has(r.record) && readsGpu(r.names)) {
        gpuSeries.add(r.record);
        changed = true;
      }
  }
  return parsed.some((r) => r.alert !== undefined && readsGpu(r.names));
}

interface GpuSite {
  workload: Workload;
  template: PodTemplate;
  path: Path;
}

/** The first GPU request of a workload: the reason it is a GPU workload. */
function gpuSite(workload: Workload, facts: Facts): GpuSite | undefined {
  for (const template of workload.templates) {
    const container = template.containers.find((c: ContainerRef) => facts.usesGpu(c));
    const resources = container ? facts.gpuResources(container) : [];
    const resource =
      resources.find((r) => parseQuantity(r.limit ?? r.request) !== 0) ?? resources[0];
    if (!container || !resource) continue;
    const field = resource.limit !== undefined ? 'limits' : 'requests';
    return { workload, template, path: [...container.resourcesPath, field, resource.name] };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'monitoring/gpu-alerts-missing',
    category: 'monitoring',
    severity: 'info',
    tags: ['gpu', 'observability'],
    description:
      'GPU workloads present but no PrometheusRule on GPU health (XID errors, memory, utilisation) (only when the set is complete).',
    rationale:
      'GPUs fail in ways Kubernetes does not see: an XID error, falling off the bus, uncorrectable memory errors ' +
      'or row-remap failures leave the pod Running while every request on it fails or hangs, and a model server ' +
      'at full GPU memory or a training job at zero utilisation burns money silently. Alerts on the DCGM metrics ' +
      'catch these. Any alerting rule whose expression reads a DCGM metric (or a recording rule built on one) ' +
      'counts. The finding is reported once per namespace, on its first GPU workload in the scanned set, at the ' +
      'GPU request. Runs only when the scanned set is complete.',
    remediation:
      'Deploy dcgm-exporter (the GPU Operator does) and a PrometheusRule with alerts such as ' +
      '`DCGM_FI_DEV_XID_ERRORS > 0`, `DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS > 0` or ' +
      '`DCGM_FI_DEV_ROW_REMAP_FAILURE > 0`, GPU memory near full ' +
      '(`DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) > 0.95`), and long idle allocations ' +
      '(`avg_over_time(DCGM_FI_DEV_GPU_UTIL[1h]) < 5`).',
    requiresComplete: true,
    // Not for live objects: alert rules live in a monitoring namespace, not labelled per service.
    messages: {
      missing:
        '{{kind}} "{{name}}" uses GPUs, but no PrometheusRule in the scanned set alerts on GPU health (XID errors, memory, utilisation); reported once for namespace "{{namespace}}".',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          metricPatterns: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Metric names (`*` matches anything) whose use in an alert counts as GPU health alerting; add the metrics of AMD or Intel GPU exporters here.',
          },
        },
      },
      defaults: { metricPatterns: ['DCGM_*'] },
    },
  },
  check(ctx) {
    const firstByNamespace = new Map<string, GpuSite>();
    for (const workload of ctx.bundle.workloads) {
      if (!ctx.facts.isGpuWorkload(workload)) continue;
      const m = workload.manifest;
      const key = ctx.bundle.scopeOf(m);
      if (firstByNamespace.has(key)) continue;
      const site = gpuSite(workload, ctx.facts);
      if (site) firstByNamespace.set(key, site);
    }
    if (firstByNamespace.size === 0) return;
    const patterns = asStrings(ctx.options.metricPatterns).map(globToRegExp);
    const alerted = hasGpuAlert(ctx.bundle, patterns);
    for (const { workload, template, path } of firstByNamespace.values()) {
      const reporter = ctx.on(template);
      if (alerted) continue;
      const m = workload.manifest;
      reporter.report('missing', path, {
        kind: m.kind,
        name: m.name,
        namespace: ctx.bundle.namespaceOf(m),
      });
    }
  },
});
