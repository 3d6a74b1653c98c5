import { defineRule } from '../../engine/rule';
import type { Bundle } from '../../bundle/bundle';
import type { Manifest, Path } from '../../model';
import { asArray, asObject, asString, asStrings, getIn, isObject } from '../../util/json';
import { promRules } from './alerts';
import {
  DCGM_DEFAULT_METRICS,
  DCGM_OPTIONAL_METRICS,
  closestDcgmMetric,
  countersCsvMetrics,
  dcgmNames,
} from '../../util/dcgm';

/** A text that names metrics, and where it is. */
interface MetricText {
  text: string;
  path: Path;
}

/** Metric names of an HPA (autoscaling/v2 `metric.name`, v2beta1 `metricName`). */
function hpaTexts(hpa: Manifest): MetricText[] {
  const out: MetricText[] = [];
  asArray(getIn(hpa.object, ['spec', 'metrics'])).forEach((metric, i) => {
    if (!isObject(metric)) return;
    for (const source of ['pods', 'object', 'external'] as const) {
      const spec = asObject(metric[source]);
      if (!spec) continue;
      for (const path of [['metric', 'name'], ['metricName']]) {
        const text = asString(getIn(spec, path));
        if (text) out.push({ text, path: ['spec', 'metrics', i, source, ...path] });
      }
    }
  });
  return out;
}

/** Queries of KEDA triggers (the `prometheus` scaler and its relatives). */
function scaledObjectTexts(so: Manifest): MetricText[] {
  return asArray(getIn(so.object, ['spec', 'triggers'])).flatMap((trigger, i) => {
    const text = asString(getIn(trigger, ['metadata', 'query']));
    return text ? [{ text, path: ['spec', 'triggers', i, 'metadata', 'query'] }] : [];
  });
}

function ruleTexts(rule: Manifest): MetricText[] {
  return promRules(rule).flatMap(({ value, path }) => {
    const expr = value.expr;
    const text = typeof expr === 'string' ? expr : undefined;
    return text ? [{ text, path: [...path, 'expr'] }] : [];
  });
}

/**
 * Names that are fine besides the defaults: the option, metrics a dcgm-exporter counters file
 * in a ConfigMap of the set enables, and recording rules named `DCGM_…`.
 */
function knownExtras(bundle: Bundle, extra: readonly string[]): Set<string> {
  const out = new Set(extra);
  for (const cm of bundle.ofKind('ConfigMap')) {
    const data = asObject(getIn(cm.object, ['data'])) ?? {};
    for (const value of Object.values(data))
      if (typeof value === 'string' && value.includes('DCGM_'))
        for (const name of countersCsvMetrics(value)) out.add(name);
  }
  for (const pr of bundle.ofKind('PrometheusRule'))
    for (const { value } of promRules(pr)) {
      const record = asString(value.record);
      if (record) for (const name of dcgmNames(record)) out.add(name);
    }
  return out;
}

export default defineRule({
  meta: {
    id: 'monitoring/dcgm-metric-unknown',
    category: 'monitoring',
    severity: 'info',
    tags: ['gpu', 'observability'],
    description:
      'An HPA or PrometheusRule using a `DCGM_*` metric name that dcgm-exporter does not export by default.',
    rationale:
      'A query on a metric that does not exist returns nothing, and nothing looks wrong: the alert never fires, ' +
      'and an HPA on it cannot compute a desired replica count, so the GPU workload never scales. dcgm-exporter ' +
      'exports a fixed set of fields by default (default-counters.csv, and dcp-metrics-included.csv that its Helm ' +
      'chart and the GPU Operator use); others such as DCGM_FI_PROF_SM_ACTIVE or the ECC counters need a custom ' +
      'counters file, and many names in circulation are simply misspelt. Metrics enabled by a counters CSV in a ' +
      'ConfigMap of the scanned set, and recording rules named DCGM_*, are accepted.',
    remediation:
      'Use a metric dcgm-exporter exports by default (DCGM_FI_DEV_GPU_UTIL, DCGM_FI_DEV_FB_USED, ' +
      "DCGM_FI_DEV_XID_ERRORS, DCGM_FI_PROF_GR_ENGINE_ACTIVE, …), or enable the field in the exporter's " +
      "counters file and list it in this rule's `extraMetrics` option.",
    messages: {
      notDefault:
        'Metric "{{metric}}" is not exported by dcgm-exporter by default: enable it in the exporter\'s counters file, then list it in extraMetrics.',
      typo: 'Metric "{{metric}}" is not a metric dcgm-exporter exports; did you mean "{{suggestion}}"?',
      unknown: 'Metric "{{metric}}" is not a metric dcgm-exporter exports.',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          extraMetrics: {
            type: 'array',
            items: { type: 'string' },
            description:
              'More DCGM metric names your exporter exports (fields enabled in a custom counters file).',
          },
        },
      },
      defaults: { extraMetrics: [] },
    },
  },
  check(ctx) {
    const extras = knownExtras(ctx.bundle, asStrings(ctx.options.extraMetrics));
    const sources: [Manifest, MetricText[]][] = [
      ...ctx.bundle
        .ofKind('HorizontalPodAutoscaler')
        .map((m) => [m, hpaTexts(m)] as [Manifest, MetricText[]]),
      ...ctx.bundle
        .ofKind('ScaledObject')
        .map((m) => [m, scaledObjectTexts(m)] as [Manifest, MetricText[]]),
      ...ctx.bundle
        .ofKind('PrometheusRule')
        .map((m) => [m, ruleTexts(m)] as [Manifest, MetricText[]]),
    ];
    for (const [manifest, texts] of sources) {
      const uses = texts.flatMap(({ text, path }) =>
        dcgmNames(text).map((metric) => ({ metric, path })),
      );
      if (uses.length === 0) continue;
      const reporter = ctx.on(manifest);
      for (const { metric, path } of uses) {
        if (DCGM_DEFAULT_METRICS.has(metric) || extras.has(metric)) continue;
        if (DCGM_OPTIONAL_METRICS.has(metric)) {
          reporter.report('notDefault', path, { metric });
          continue;
        }
        const near = closestDcgmMetric(metric, [...DCGM_DEFAULT_METRICS, ...DCGM_OPTIONAL_METRICS]);
        if (near) reporter.report('typo', path, { metric, suggestion: near });
        else reporter.report('unknown', path, { metric });
      }
    }
  },
});
