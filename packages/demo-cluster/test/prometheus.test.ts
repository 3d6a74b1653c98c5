import {
  DEMO_DATA_HEADER,
  demoObjects,
  gpuAllocations,
  gpuMetricValue,
  parsePromQL,
  PromQLError,
  startDemoCluster,
} from '../src';
import type { DemoCluster, GpuAllocation } from '../src';
import { getJson, getText, query } from './support/http';

const NOW_MS = Date.parse('2025-06-02T12:00:00Z');
const allocations = gpuAllocations(demoObjects());

interface PromResponse {
  status: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?: {
    resultType: 'matrix' | 'vector';
    result: {
      metric: Record<string, string>;
      values?: [number, string][];
      value?: [number, string];
    }[];
  };
}

describe('"or" through the demo Prometheus API', () => {
  it('returns the left side, then the right side series the left lacks', async () => {
    const cluster = await startDemoCluster({ port: 0 });
    try {
      const pods = allocations.filter((a) => a.namespace === 'ml-serving').map((a) => a.pod);
      const pod = pods[0] as string;
      const left = `avg by (namespace, pod) (DCGM_FI_DEV_GPU_UTIL{namespace="ml-serving",pod="${pod}"})`;
      const right = `avg by (exported_namespace, exported_pod) (DCGM_FI_DEV_GPU_UTIL{exported_namespace="ml-serving",exported_pod="${pod}"})`;
      const both = (await getJson(
        `${cluster.prometheusUrl}/api/v1/query${query({ query: `${left} or ${right}`, time: 1_750_000_000 })}`,
      )) as { body: PromResponse };
      const alone = (await getJson(
        `${cluster.prometheusUrl}/api/v1/query${query({ query: left, time: 1_750_000_000 })}`,
      )) as { body: PromResponse };
      expect(both.body.status).toBe('success');
      expect(both.body.data?.result).toEqual(alone.body.data?.result);
      expect(both.body.data?.result).toHaveLength(1);
    } finally {
      await cluster.close();
    }
  });
});

describe('parsePromQL', () => {
  it('parses selectors with =, !=, =~, !~ and aggregations with by', () => {
    expect(parsePromQL('DCGM_FI_DEV_GPU_UTIL{namespace="ml",pod=~"a|b"}')).toEqual({
      type: 'selector',
      matchers: [
        { name: '__name__', operator: '=', value: 'DCGM_FI_DEV_GPU_UTIL' },
        { name: 'namespace', operator: '=', value: 'ml' },
        { name: 'pod', operator: '=~', value: 'a|b' },
      ],
    });
    expect(parsePromQL("avg by (pod) (DCGM_FI_DEV_FB_USED{pod!~'x.*',})")).toMatchObject({
      type: 'aggregation',
      operator: 'avg',
      by: ['pod'],
    });
    expect(parsePromQL('sum(DCGM_FI_DEV_POWER_USAGE) by (namespace, pod)')).toMatchObject({
      type: 'aggregation',
      operator: 'sum',
      by: ['namespace', 'pod'],
    });
    expect(parsePromQL('{__name__="DCGM_FI_DEV_GPU_UTIL"}')).toMatchObject({ type: 'selector' });
  });

  it('parses "or" between vectors, left-associative', () => {
    const q =
      'avg by (namespace, pod) (DCGM_FI_DEV_GPU_UTIL{namespace="ml",pod=~"a|b"}) or ' +
      'avg by (exported_namespace, exported_pod) (DCGM_FI_DEV_GPU_UTIL{exported_namespace="ml",exported_pod=~"a|b"})';
    expect(parsePromQL(q)).toMatchObject({
      type: 'or',
      left: { type: 'aggregation', by: ['namespace', 'pod'] },
      right: { type: 'aggregation', by: ['exported_namespace', 'exported_pod'] },
    });
    expect(parsePromQL('a or b or c')).toMatchObject({ type: 'or', left: { type: 'or' } });
  });

  it.each([
    ['', 'no expression found in input'],
    ['a or', 'unexpected end of input'],
    ['rate(DCGM_FI_DEV_GPU_UTIL[5m])', 'function "rate" is not supported'],
    ['DCGM_FI_DEV_GPU_UTIL[5m]', 'range vector selectors are not supported'],
    ['DCGM_FI_DEV_FB_USED / DCGM_FI_DEV_FB_FREE', 'binary operator "/" is not supported'],
    ['sum without (pod) (DCGM_FI_DEV_GPU_UTIL)', '"without" is not supported'],
    ['topk(3, DCGM_FI_DEV_GPU_UTIL)', 'aggregation "topk" is not supported'],
    ['DCGM_FI_DEV_GPU_UTIL{pod="a}', 'unterminated quoted string'],
    ['DCGM_FI_DEV_GPU_UTIL{pod=~"("}', 'invalid regular expression'],
    ['{pod=~".*"}', 'vector selector must contain at least one non-empty matcher'],
    ['DCGM_FI_DEV_GPU_UTIL{pod}', 'expected label matching operator'],
    ['DCGM_FI_DEV_GPU_UTIL offset 5m', '"offset" modifiers are not supported'],
  ])('rejects %j', (q, message) => {
    expect(() => parsePromQL(q)).toThrow(PromQLError);
    expect(() => parsePromQL(q)).toThrow(message);
  });
});

describe('demo Prometheus API', () => {
  let cluster: DemoCluster;
  let api: string;
  beforeAll(async () => {
    cluster = await startDemoCluster({ token: 'k8s-only', now: () => NOW_MS });
    api = `${cluster.prometheusUrl}/api/v1`;
  });
  afterAll(async () => {
    await cluster.close();
  });

  const chat = allocations.filter((a) => a.component === 'chat-assistant');
  const chatPods = [...new Set(chat.map((a) => a.pod))];
  const start = NOW_MS / 1000 - 600;
  const end = NOW_MS / 1000;

  it('answers query_range as a matrix computed from the GPU usage function, marked as demo data', async () => {
    const q = `DCGM_FI_DEV_GPU_UTIL{namespace="ml-serving",pod=~"${chatPods.join('|')}"}`;
    const res = await getJson<PromResponse>(
      `${api}/query_range${query({ query: q, start, end, step: '60s' })}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get(DEMO_DATA_HEADER)).toBe('true');
    expect(res.body.status).toBe('success');
    expect(res.body.data?.resultType).toBe('matrix');
    const result = res.body.data?.result ?? [];
    expect(result).toHaveLength(4);
    for (const series of result) {
      expect(series.metric).toMatchObject({
        __name__: 'DCGM_FI_DEV_GPU_UTIL',
        namespace: 'ml-serving',
        container: 'vllm',
        job: 'dcgm-exporter',
        instance: `${series.metric.Hostname}:9400`,
      });
      const a = chat.find((x) => x.uuid === series.metric.UUID) as GpuAllocation;
      expect(series.values).toHaveLength(11);
      series.values?.forEach(([t, v], i) => {
        expect(t).toBe(start + i * 60);
        expect(v).toBe(String(gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, t)));
      });
    }
  });

  it('aggregates with avg by (pod)', async () => {
    const q = `avg by (pod) (DCGM_FI_DEV_FB_USED{namespace="ml-serving",pod=~"${chatPods.join('|')}"})`;
    const res = await getJson<PromResponse>(
      `${api}/query_range${query({ query: q, start, end, step: 300 })}`,
    );
    const result = res.body.data?.result ?? [];
    expect(result.map((r) => r.metric)).toEqual(chatPods.sort().map((pod) => ({ pod })));
    for (const series of result) {
      const gpus = chat.filter((a) => a.pod === series.metric.pod);
      series.values?.forEach(([t, v]) => {
        const expected =
          gpus.reduce((s, a) => s + gpuMetricValue('DCGM_FI_DEV_FB_USED', a, t), 0) / gpus.length;
        expect(Number(v)).toBeCloseTo(expected, 9);
      });
    }
  });

  it('answers an instant query as a vector at the given time, RFC 3339 included', async () => {
    const notebook = allocations.find((a) => a.pod === 'notebook-gpu-0') as GpuAllocation;
    const res = await getJson<PromResponse>(
      `${api}/query${query({ query: 'DCGM_FI_DEV_GPU_UTIL{pod="notebook-gpu-0"}', time: '2025-06-02T11:00:00Z' })}`,
    );
    const t = Date.parse('2025-06-02T11:00:00Z') / 1000;
    expect(res.body.data).toEqual({
      resultType: 'vector',
      result: [
        {
          metric: expect.objectContaining({ pod: 'notebook-gpu-0' }),
          value: [t, String(gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', notebook, t))],
        },
      ],
    });
    const now = await getJson<PromResponse>(
      `${api}/query${query({ query: 'count(DCGM_FI_DEV_GPU_UTIL)' })}`,
    );
    expect(now.body.data?.result).toEqual([
      { metric: {}, value: [NOW_MS / 1000, String(allocations.length)] },
    ]);
  });

  it('accepts POST with a form body, as Prometheus clients send', async () => {
    const res = await getJson<PromResponse>(`${api}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        query: 'max by (namespace) (DCGM_FI_DEV_GPU_TEMP)',
        time: String(NOW_MS / 1000),
      }).toString(),
    });
    expect(res.body.status).toBe('success');
    expect(res.body.data?.result.map((r) => r.metric.namespace)).toEqual([
      'ml-batch',
      'ml-serving',
      'research-notebooks',
      'research-training',
    ]);
  });

  it('answers an empty result for a metric it does not have, like Prometheus', async () => {
    const res = await getJson<PromResponse>(`${api}/query${query({ query: 'up{job="x"}' })}`);
    expect(res.body).toEqual({ status: 'success', data: { resultType: 'vector', result: [] } });
  });

  it.each([
    [
      { query: 'DCGM_FI_DEV_GPU_UTIL', end, step: 60 },
      'invalid parameter "start": cannot parse "" to a valid timestamp',
    ],
    [
      { query: 'DCGM_FI_DEV_GPU_UTIL', start: end, end: start, step: 60 },
      'invalid parameter "end": end timestamp must not be before start time',
    ],
    [
      { query: 'DCGM_FI_DEV_GPU_UTIL', start, end, step: 0 },
      'zero or negative query resolution step widths are not accepted',
    ],
    [
      { query: 'DCGM_FI_DEV_GPU_UTIL', start, end, step: 'soon' },
      'invalid parameter "step": cannot parse "soon" to a valid duration',
    ],
    [
      { query: 'DCGM_FI_DEV_GPU_UTIL', start: 0, end, step: 1 },
      'exceeded maximum resolution of 11,000 points per timeseries',
    ],
    [
      { query: 'rate(DCGM_FI_DEV_GPU_UTIL[5m])', start, end, step: 60 },
      'invalid parameter "query": 1:1: parse error: function "rate" is not supported',
    ],
  ])('answers 400 bad_data for %j', async (params, message) => {
    const res = await getJson<PromResponse>(`${api}/query_range${query(params)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get(DEMO_DATA_HEADER)).toBe('true');
    expect(res.body).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: expect.stringContaining(message),
    });
  });

  it('answers 404 for other Prometheus paths', async () => {
    expect((await getText(`${api}/labels`)).status).toBe(404);
  });

  it('can live at another path prefix, or be left out', async () => {
    const other = await startDemoCluster({ prometheusPath: 'metrics/prom', now: () => NOW_MS });
    const none = await startDemoCluster({ prometheusPath: false });
    try {
      expect(other.prometheusUrl).toBe(`${other.url}/metrics/prom`);
      const res = await getJson<PromResponse>(
        `${other.prometheusUrl}/api/v1/query${query({ query: 'DCGM_FI_DEV_GPU_UTIL' })}`,
      );
      expect(res.body.data?.result).toHaveLength(allocations.length);
      expect(none.prometheusUrl).toBeUndefined();
      expect(
        (await getJson(`${none.url}/prometheus/api/v1/query${query({ query: 'x' })}`)).status,
      ).toBe(404);
    } finally {
      await Promise.all([other.close(), none.close()]);
    }
  });

  it('can be made to fail like an unreachable or broken Prometheus', async () => {
    cluster.setFailures([
      { path: /\/prometheus\//, status: 503, message: 'prometheus is restarting', times: 1 },
    ]);
    const res = await getJson<PromResponse>(
      `${api}/query${query({ query: 'DCGM_FI_DEV_GPU_UTIL' })}`,
    );
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'error',
      errorType: 'internal',
      error: 'prometheus is restarting',
    });
    expect((await getJson(`${api}/query${query({ query: 'DCGM_FI_DEV_GPU_UTIL' })}`)).status).toBe(
      200,
    );
  });
});
