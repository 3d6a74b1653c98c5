import type { AggregationOperator, PromQLExpr, SelectorExpr, VectorExpr } from './promql';
import { matcherFn } from './promql';

/** A time series the demo Prometheus holds: its labels and its value at any time. */
export interface Series {
  labels: Readonly<Record<string, string>>;
  valueAt(timeSeconds: number): number;
}

/** One result series: its labels and a value per evaluation time. */
export interface ResultSeries {
  metric: Record<string, string>;
  values: [number, number][];
}

function selects(selector: SelectorExpr, labels: Readonly<Record<string, string>>): boolean {
  return selector.matchers.every((m) => matcherFn(m)(labels[m.name] ?? ''));
}

function aggregate(op: AggregationOperator, values: readonly number[]): number {
  switch (op) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'count':
      return values.length;
  }
}

/** Prometheus orders result series by their label sets. */
function labelKey(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0000${labels[k]}`)
    .join('\u0001');
}

/**
 * Evaluates a parsed query at each of the times (Unix seconds). Samples are the series' values
 * at exactly those times (the data has no gaps, so no lookback applies).
 */
export function evaluate(
  expr: PromQLExpr,
  series: readonly Series[],
  times: readonly number[],
): ResultSeries[] {
  if (expr.type === 'or') {
    // The left side's series, then the right side's whose label set the left side lacks.
    const left = evaluate(expr.left, series, times);
    const seen = new Set(left.map((s) => labelKey(s.metric)));
    const right = evaluate(expr.right, series, times).filter((s) => !seen.has(labelKey(s.metric)));
    return sortByLabels([...left, ...right]);
  }
  return sortByLabels(evaluateVector(expr, series, times));
}

function sortByLabels(out: ResultSeries[]): ResultSeries[] {
  return out;
}

function evaluateVector(
  expr: VectorExpr,
  series: readonly Series[],
  times: readonly number[],
): ResultSeries[] {
  const selector = expr.type === 'selector' ? expr : expr.expr;
  const selected = series.filter((s) => selects(selector, s.labels));
  let out: ResultSeries[];
  if (expr.type === 'selector') {
    out = selected.map((s) => ({
      metric: { ...s.labels },
      values: times.map((t) => [t, s.valueAt(t)] as [number, number]),
    }));
  } else {
    const groups = new Map<string, { metric: Record<string, string>; members: Series[] }>();
    for (const s of selected) {
      const metric: Record<string, string> = {};
      for (const label of expr.by) {
        const value = s.labels[label];
        if (value !== undefined && value !== '') metric[label] = value;
      }
      const key = labelKey(metric);
      const group = groups.get(key) ?? { metric, members: [] };
      group.members.push(s);
      groups.set(key, group);
    }
    out = [...groups.values()].map((g) => ({
      metric: g.metric,
      values: times.map(
        (t) =>
          [
            t,
            aggregate(
              expr.operator,
              g.members.map((m) => m.valueAt(t)),
            ),
          ] as [number, number],
      ),
    }));
  }
  return out;
}
