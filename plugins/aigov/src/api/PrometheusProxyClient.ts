import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PrometheusResponseError, parseRangeResponse } from '../lib/gpu/series';
import type { Series } from '../lib/gpu/series';

/** Why Prometheus could not be read. */
export type PrometheusProblemKind = 'not-configured' | 'forbidden' | 'unreachable' | 'bad-response';

export class PrometheusError extends Error {
  override name = 'PrometheusError';
  constructor(
    readonly kind: PrometheusProblemKind,
    message: string,
  ) {
    super(message);
  }
}

export interface RangeQueryResult {
  series: Series[];
  /** The proxy marked the answer as generated demo data (`X-Aigov-Demo-Data: true`). */
  demoData: boolean;
}

export interface TimeRange {
  /** Seconds since the epoch. */
  start: number;
  end: number;
  step: number;
}

/** The response header a demo Prometheus sets on generated series. */
export const DEMO_DATA_HEADER = 'X-Aigov-Demo-Data';

/**
 * Prometheus's HTTP API through the Backstage proxy (`/api/proxy<proxyPath>/api/v1/…`), with
 * the user's Backstage credentials. Every failure becomes a {@link PrometheusError} saying
 * what is missing.
 */
export class PrometheusProxyClient {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi; proxyPath: string },
  ) {}

  /** Where queries go, as shown to users: `/api/proxy/prometheus`. */
  async baseUrl(): Promise<string> {
    return `${await this.options.discoveryApi.getBaseUrl('proxy')}${this.options.proxyPath}`;
  }

  async queryRange(query: string, range: TimeRange): Promise<RangeQueryResult> {
    const base = await this.baseUrl();
    const params = new URLSearchParams({
      query,
      start: String(range.start),
      end: String(range.end),
      step: String(range.step),
    });
    let response: Response;
    try {
      response = await this.options.fetchApi.fetch(`${base}/api/v1/query_range?${params}`);
    } catch (e) {
      throw new PrometheusError(
        'unreachable',
        `Prometheus is unreachable through ${base}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (response.status === 404)
      throw new PrometheusError(
        'not-configured',
        `No Prometheus behind ${base} (HTTP 404): add the proxy endpoint to app-config (proxy.endpoints) or set aigov.gpu.prometheus.proxyPath.`,
      );
    if (response.status === 401 || response.status === 403)
      throw new PrometheusError(
        'forbidden',
        `Not allowed to query Prometheus through ${base} (HTTP ${response.status}).`,
      );
    // Prometheus answers a bad query with 400/422 and a JSON error; anything else that is not
    // a success comes from the proxy or a gateway: Prometheus is not answering.
    if (!response.ok && response.status !== 400 && response.status !== 422)
      throw new PrometheusError(
        'unreachable',
        `Prometheus is unreachable through ${base} (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}).`,
      );
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new PrometheusError(
        'bad-response',
        `Prometheus behind ${base} did not answer with JSON.`,
      );
    }
    try {
      const series = parseRangeResponse(body);
      return { series, demoData: response.headers.get(DEMO_DATA_HEADER)?.toLowerCase() === 'true' };
    } catch (e) {
      if (e instanceof PrometheusResponseError)
        throw new PrometheusError('bad-response', e.message);
      throw e;
    }
  }
}
