import type { HttpResult } from '../util/http';
import type { JsonValue } from '../util/json';
import { formatSampleValue } from '../dcgm/exposition';
import { evaluate } from './evaluate';
import type { Series } from './evaluate';
import { PromQLError, parsePromQL } from './promql';
import type { PromQLExpr } from './promql';

/** Marks every answer of the demo Prometheus, so a UI can say the data is not real. */
export const DEMO_DATA_HEADER = 'X-Aigov-Demo-Data';

/** Prometheus refuses range queries with more points than this per series. */
const MAX_POINTS = 11000;

class BadData extends Error {}

function demoHeaders(): Record<string, string> {
  return { [DEMO_DATA_HEADER]: 'true' };
}

function success(data: JsonValue): HttpResult {
  return { status: 200, json: { status: 'success', data }, headers: demoHeaders() };
}

/** The paths the API answers (below its prefix, if it has one). */
export const PROMETHEUS_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/query',
  '/api/v1/query_range',
  '/-/healthy',
  '/-/ready',
]);

/** An error as Prometheus answers it: `internal` for 5xx, `bad_data` otherwise. */
export function prometheusError(status: number, message: string): HttpResult {
  return {
    status,
    json: { status: 'error', errorType: status >= 500 ? 'internal' : 'bad_data', error: message },
  };
}

function badData(message: string): HttpResult {
  return { ...prometheusError(400, message), headers: demoHeaders() };
}

/** A Prometheus timestamp parameter: Unix seconds (fractions allowed) or RFC 3339. */
function parseTime(name: string, raw: string | null): number {
  const value = raw ?? '';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  throw new BadData(`invalid parameter "${name}": cannot parse "${value}" to a valid timestamp`);
}

const DURATION_UNITS: readonly [string, number][] = [
  ['y', 365 * 24 * 3600],
  ['w', 7 * 24 * 3600],
  ['d', 24 * 3600],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
  ['ms', 0.001],
];

/** A Prometheus duration parameter: seconds (`15`, `0.5`) or a duration (`1m30s`). */
function parseStep(raw: string | null): number {
  const value = raw ?? '';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  const m = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(
    value,
  );
  if (value !== '' && m) {
    return DURATION_UNITS.reduce((sum, [, seconds], i) => sum + Number(m[i + 1] ?? 0) * seconds, 0);
  }
  throw new BadData(`invalid parameter "step": cannot parse "${value}" to a valid duration`);
}

function parseQuery(raw: string | null): PromQLExpr {
  try {
    return parsePromQL(raw ?? '');
  } catch (e) {
    if (e instanceof PromQLError) throw new BadData(`invalid parameter "query": ${e.message}`);
    throw e;
  }
}

/** Timestamps as Prometheus writes them: seconds with at most millisecond precision. */
function roundTime(t: number): number {
  return Math.round(t * 1000) / 1000;
}

export interface PrometheusApi {
  /**
   * Answers a request to the Prometheus HTTP API. `path` is relative to the API root
   * (`/api/v1/query_range`); `params` are the query string and, for POST, the form body.
   */
  handle(method: string, path: string, params: URLSearchParams): HttpResult;
}

/**
 * The demo Prometheus: `GET|POST /api/v1/query` and `/api/v1/query_range` over the series given,
 * for the PromQL subset of `parsePromQL`, in the Prometheus HTTP API's JSON.
 */
export function createPrometheusApi(
  series: () => readonly Series[],
  now: () => number,
): PrometheusApi {
  function queryRange(params: URLSearchParams): HttpResult {
    const start = parseTime('start', params.get('start'));
    const end = parseTime('end', params.get('end'));
    if (end < start)
      throw new BadData('invalid parameter "end": end timestamp must not be before start time');
    const step = parseStep(params.get('step'));
    if (!(step > 0))
      throw new BadData(
        'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
      );
    if ((end - start) / step > MAX_POINTS)
      throw new BadData(
        'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
      );
    const expr = parseQuery(params.get('query'));
    const times: number[] = [];
    for (let i = 0; start + i * step <= end + 1e-9; i++) times.push(roundTime(start + i * step));
    const result = evaluate(expr, series(), times).map((s) => ({
      metric: s.metric,
      values: s.values.map(([t, v]) => [t, formatSampleValue(v)]),
    }));
    return success({ resultType: 'matrix', result });
  }

  function query(params: URLSearchParams): HttpResult {
    const time = params.has('time')
      ? parseTime('time', params.get('time'))
      : roundTime(now() / 1000);
    const expr = parseQuery(params.get('query'));
    const result = evaluate(expr, series(), [time]).map((s) => {
      const [t, v] = s.values[0] as [number, number];
      return { metric: s.metric, value: [t, formatSampleValue(v)] };
    });
    return success({ resultType: 'vector', result });
  }

  return {
    handle(method, path, params) {
      if (path === '/-/healthy') return { status: 200, text: 'Prometheus Server is Healthy.\n' };
      if (path === '/-/ready') return { status: 200, text: 'Prometheus Server is Ready.\n' };
      if (path !== '/api/v1/query' && path !== '/api/v1/query_range')
        return { status: 404, text: '404 page not found\n', headers: demoHeaders() };
      if (method !== 'GET' && method !== 'POST')
        return { status: 405, text: 'Method Not Allowed\n', headers: demoHeaders() };
      try {
        return path === '/api/v1/query' ? query(params) : queryRange(params);
      } catch (e) {
        if (e instanceof BadData) return badData(e.message);
        throw e;
      }
    },
  };
}
