import { isObject } from '@aigov/rules';
import type { PrometheusLabelNames } from './promql';

/** One time series of a range query: seconds since the epoch and values. */
export interface Series {
  labels: Record<string, string>;
  points: { t: number; v: number }[];
}

export class PrometheusResponseError extends Error {
  override name = 'PrometheusResponseError';
}

/**
 * The series of a `query_range` answer (`resultType: matrix`). An answer Prometheus marks as an
 * error, or that is not shaped like one, throws {@link PrometheusResponseError}; odd samples
 * (`NaN`, `+Inf`, non-numbers) are dropped.
 */
export function parseRangeResponse(body: unknown): Series[] {
  if (!isObject(body)) throw new PrometheusResponseError('The answer is not a JSON object');
  if (body.status === 'error') {
    const type = typeof body.errorType === 'string' ? `${body.errorType}: ` : '';
    throw new PrometheusResponseError(
      `Prometheus answered with an error: ${type}${String(body.error ?? 'unknown')}`,
    );
  }
  const data = body.data;
  if (body.status !== 'success' || !isObject(data) || !Array.isArray(data.result))
    throw new PrometheusResponseError('The answer is not a Prometheus query result');
  if (data.resultType !== 'matrix')
    throw new PrometheusResponseError(`Expected a matrix, got ${String(data.resultType)}`);
  const out: Series[] = [];
  for (const raw of data.result) {
    if (!isObject(raw) || !isObject(raw.metric) || !Array.isArray(raw.values)) continue;
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.metric)) if (typeof v === 'string') labels[k] = v;
    const points: Series['points'] = [];
    for (const p of raw.values) {
      if (!Array.isArray(p) || p.length < 2) continue;
      const t = Number(p[0]);
      const v = Number(p[1]);
      if (Number.isFinite(t) && Number.isFinite(v)) points.push({ t, v });
    }
    out.push({ labels, points });
  }
  return out;
}

/** `cluster|namespace|pod`, as the card keys pods and series. */
export function podKey(cluster: string | undefined, namespace: string, pod: string): string {
  return `${cluster ?? ''}|${namespace}|${pod}`;
}

/**
 * The pod a series measures, from whichever labels carry it; the cluster only when a cluster
 * label is configured.
 */
export function podKeyOfSeries(series: Series, labels: PrometheusLabelNames): string | undefined {
  const l = series.labels;
  const pod = l[labels.pod] ?? (labels.exportedPod ? l[labels.exportedPod] : undefined);
  const namespace =
    l[labels.namespace] ?? (labels.exportedNamespace ? l[labels.exportedNamespace] : undefined);
  if (pod === undefined || namespace === undefined) return undefined;
  return podKey(labels.cluster ? (l[labels.cluster] ?? '') : undefined, namespace, pod);
}

export interface SeriesSummary {
  current: number;
  max: number;
  mean: number;
}

export function summarize(series: Series): SeriesSummary | undefined {
  const last = series.points[series.points.length - 1];
  if (!last) return undefined;
  let max = -Infinity;
  let sum = 0;
  for (const p of series.points) {
    max = Math.max(max, p.v);
    sum += p.v;
  }
  return {
    current: last.v,
    max,
    mean: sum / series.points.length,
  };
}

/**
 * Idle: the pod holds GPUs and its utilisation stayed under the threshold (percent) for the
 * whole window.
 */
export function isIdle(utilisation: Series | undefined, thresholdPercent: number): boolean {
  const s = utilisation && summarize(utilisation);
  return s !== undefined && s.max < thresholdPercent;
}
