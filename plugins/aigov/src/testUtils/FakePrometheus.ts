import type { FetchApi } from '@backstage/core-plugin-api';

/**
 * A stand-in for Prometheus behind the Backstage proxy (`/api/proxy/prometheus`), as a
 * `FetchApi`. It serves `GET …/api/v1/query_range` for the card's queries: it reads the label
 * matchers of each `or` branch (unescaping PromQL strings, anchoring regexes as Prometheus does),
 * selects its stored series with them and answers a matrix, with the grouping labels only.
 * Anything else answers 404 like the proxy does for an unknown path. Every request is recorded.
 */

export interface FakeSeries {
  metric: string;
  /** All labels of the raw series (`pod`/`namespace` or `exported_pod`/`exported_namespace`…). */
  labels: Record<string, string>;
  /** Values from `start` every `step`, repeating the last one. */
  values: number[];
}

export interface FakePrometheusOptions {
  baseUrl?: string;
  series?: FakeSeries[];
  /** Answer every query with this status (and Prometheus's error body when 4xx). */
  status?: number;
  /** The connection fails (the proxy cannot be reached at all). */
  networkError?: boolean;
  /** No proxy endpoint is configured: 404 for everything. */
  notConfigured?: boolean;
  /** Sets `X-Aigov-Demo-Data: true`, as the demo portal's generator does. */
  demoData?: boolean;
  /** Answers with a body that is not Prometheus's. */
  body?: string;
}

function unquote(s: string): string {
  return JSON.parse(s.replace(/\\x([0-9a-f]{2})/g, '\\u00$1')) as string;
}

interface Branch {
  agg: string;
  by: string[];
  metric: string;
  matchers: { label: string; op: '=' | '=~'; value: string }[];
}

/** The branches of `agg by (a, b) (METRIC{l="v",l2=~"r"}) or …`. */
function parseQuery(query: string): Branch[] {
  const branch =
    /(avg|sum|max) by \(([^)]*)\) \(([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_]+=~?"(?:[^"\\]|\\.)*",?)+)\}\)/g;
  const matcher = /([a-zA-Z_]+)(=~?)("(?:[^"\\]|\\.)*")/g;
  const out: Branch[] = [];
  for (const m of query.matchAll(branch)) {
    out.push({
      agg: m[1] ?? '',
      by: (m[2] ?? '').split(',').map((s) => s.trim()),
      metric: m[3] ?? '',
      matchers: [...(m[4] ?? '').matchAll(matcher)].map((x) => ({
        label: x[1] ?? '',
        op: x[2] as '=' | '=~',
        value: unquote(x[3] ?? '""'),
      })),
    });
  }
  return out;
}

export class FakePrometheus {
  readonly requests: { url: string; query?: string }[] = [];
  readonly fetchApi: FetchApi;

  constructor(private options: FakePrometheusOptions = {}) {
    this.fetchApi = { fetch: (input: RequestInfo | URL) => this.handle(String(input)) } as FetchApi;
  }

  update(options: FakePrometheusOptions): void {
    this.options = options;
  }

  /** The queries asked, in order. */
  get queries(): string[] {
    return this.requests.flatMap((r) => (r.query ? [r.query] : []));
  }

  private async handle(url: string): Promise<Response> {
    const base = this.options.baseUrl ?? 'http://localhost:7007/api/proxy/prometheus';
    const u = new URL(url);
    const query = u.searchParams.get('query') ?? undefined;
    this.requests.push({ url, ...(query ? { query } : {}) });
    if (this.options.networkError) throw new TypeError('Failed to fetch');
    if (this.options.notConfigured || !url.startsWith(`${base}/`))
      return new Response('Not Found', { status: 404 });
    if (this.options.status && this.options.status >= 500)
      return new Response('<html>Bad Gateway</html>', {
        status: this.options.status,
        statusText: 'Bad Gateway',
      });
    if (this.options.status)
      return Response.json(
        { status: 'error', errorType: 'bad_data', error: 'invalid parameter' },
        { status: this.options.status },
      );
    if (this.options.body !== undefined) return new Response(this.options.body, { status: 200 });
    if (u.pathname !== `${new URL(base).pathname}/api/v1/query_range`)
      return new Response('Not Found', { status: 404 });
    const start = Number(u.searchParams.get('start'));
    const end = Number(u.searchParams.get('end'));
    const step = Number(u.searchParams.get('step'));
    if (!query || !Number.isFinite(start) || !Number.isFinite(end) || !(step > 0))
      return Response.json(
        { status: 'error', errorType: 'bad_data', error: 'missing parameter' },
        { status: 400 },
      );
    const branches = parseQuery(query);
    if (branches.length === 0)
      return Response.json(
        { status: 'error', errorType: 'bad_data', error: `parse error in ${query}` },
        { status: 400 },
      );

    const result: { metric: Record<string, string>; values: [number, string][] }[] = [];
    for (const b of branches) {
      const groups = new Map<string, { metric: Record<string, string>; values: number[][] }>();
      for (const s of this.options.series ?? []) {
        if (s.metric !== b.metric) continue;
        const ok = b.matchers.every((m) => {
          const v = s.labels[m.label] ?? '';
          return m.op === '=' ? v === m.value : new RegExp(`^(?:${m.value})$`).test(v);
        });
        if (!ok) continue;
        const metric = Object.fromEntries(b.by.map((l) => [l, s.labels[l] ?? '']));
        const key = JSON.stringify(metric);
        const g = groups.get(key) ?? { metric, values: [] };
        g.values.push(s.values);
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        const values: [number, string][] = [];
        for (let t = start, i = 0; t <= end; t += step, i++) {
          const at = g.values.map((v) => v[Math.min(i, v.length - 1)] ?? 0);
          const sum = at.reduce((a, x) => a + x, 0);
          const v = b.agg === 'sum' ? sum : b.agg === 'max' ? Math.max(...at) : sum / at.length;
          values.push([t, String(v)]);
        }
        result.push({ metric: g.metric, values });
      }
    }
    return Response.json(
      { status: 'success', data: { resultType: 'matrix', result } },
      { headers: this.options.demoData ? { 'X-Aigov-Demo-Data': 'true' } : {} },
    );
  }
}
