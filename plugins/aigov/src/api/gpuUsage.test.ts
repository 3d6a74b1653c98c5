import { mockApis } from '@backstage/test-utils';
import { readGpuSettings } from '../config';
import type { GpuSettings } from '../config';
import { gpuResourceMatcher } from '../lib/gpu/resources';
import { FakeKubernetesApi } from '../testUtils/FakeKubernetesApi';
import type { FakeCluster } from '../testUtils/FakeKubernetesApi';
import { FakePrometheus } from '../testUtils/FakePrometheus';
import type { FakePrometheusOptions, FakeSeries } from '../testUtils/FakePrometheus';
import { deployment, deploymentWithPods, entity, gpuNode, pod } from '../testUtils/objects';
import { loadGpuUsage, nodeKey, usageOf } from './gpuUsage';
import { NodeGpuLoader } from './nodeGpus';
import { PrometheusProxyClient } from './PrometheusProxyClient';
import { must } from '../testUtils/must';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const isGpuResource = gpuResourceMatcher();
const discoveryApi = mockApis.discovery({ baseUrl: 'http://localhost:7007' });

function dcgm(podName: string, util: number[], memory: number[], exported = false): FakeSeries[] {
  const labels: Record<string, string> = exported
    ? {
        exported_pod: podName,
        exported_namespace: 'ml',
        pod: 'dcgm-exporter-x',
        namespace: 'gpu-operator',
        gpu: '0',
      }
    : { pod: podName, namespace: 'ml', gpu: '0' };
  return [
    { metric: 'DCGM_FI_DEV_GPU_UTIL', labels, values: util },
    { metric: 'DCGM_FI_DEV_FB_USED', labels, values: memory },
  ];
}

const cluster = (extra: Partial<FakeCluster> = {}): FakeCluster => ({
  name: 'gpu-east',
  objects: deploymentWithPods(),
  nodes: { 'gpu-node-1': gpuNode('gpu-node-1'), 'gpu-node-2': 403 },
  ...extra,
});

async function load(
  clusters: FakeCluster[],
  prometheusOptions: FakePrometheusOptions,
  settings: GpuSettings = readGpuSettings(mockApis.config()),
) {
  const kubernetesApi = new FakeKubernetesApi({ clusters });
  const prometheus = new FakePrometheus(prometheusOptions);
  const data = await loadGpuUsage(
    {
      kubernetesApi,
      nodes: new NodeGpuLoader(kubernetesApi, isGpuResource),
      prometheus: new PrometheusProxyClient({
        discoveryApi,
        fetchApi: prometheus.fetchApi,
        proxyPath: settings.prometheus.proxyPath,
      }),
      isGpuResource,
    },
    entity,
    settings,
    NOW,
  );
  return { data, kubernetesApi, prometheus };
}

describe('loadGpuUsage', () => {
  it('joins allocation, node capacity and usage per pod; flags idle GPUs', async () => {
    const { data, prometheus, kubernetesApi } = await load([cluster()], {
      series: [
        ...dcgm('llm-7d9f-1', [80, 90, 85], [20000, 21000, 22000]),
        ...dcgm('llm-7d9f-2', [0, 1, 2], [500, 500, 500], true),
      ],
    });
    expect(data.allocation.pods.map((p) => p.name)).toEqual(['llm-7d9f-1', 'llm-7d9f-2']);
    expect(data.nodes.get(nodeKey('gpu-east', 'gpu-node-1'))).toEqual({
      known: true,
      allocatable: { 'nvidia.com/gpu': 8 },
    });
    // 403 on the node: unknown, silently.
    expect(data.nodes.get(nodeKey('gpu-east', 'gpu-node-2'))).toEqual({
      known: false,
      reason: 'forbidden',
    });
    expect(
      kubernetesApi.calls
        .filter((c) => c.method === 'proxy')
        .map((c) => 'path' in c && c.path)
        .sort(),
    ).toEqual(['/api/v1/nodes/gpu-node-1', '/api/v1/nodes/gpu-node-2']);

    const [busy, idle] = data.allocation.pods.map((p) => usageOf(data, p, ''));
    expect(busy?.idle).toBe(false);
    expect(busy?.utilisation?.points.at(-1)?.v).toBe(85);
    expect(idle?.idle).toBe(true);
    expect(idle?.memory?.points[0]?.v).toBe(500);
    expect(data.usage).toMatchObject({ state: 'ok', demoData: false, rangeSeconds: 3600 });

    // Two metrics, one namespace: two queries, naming only the pods Kubernetes returned.
    expect(prometheus.queries).toHaveLength(2);
    for (const q of prometheus.queries) expect(q).toContain('pod=~"llm-7d9f-1|llm-7d9f-2"');
    const url = new URL(must(prometheus.requests[0]).url);
    expect(url.pathname).toBe('/api/proxy/prometheus/api/v1/query_range');
    expect(url.searchParams.get('end')).toBe(String(NOW / 1000));
    expect(url.searchParams.get('start')).toBe(String(NOW / 1000 - 3600));
    expect(url.searchParams.get('step')).toBe('60');
  });

  it('says when the series are demo data', async () => {
    const { data } = await load([cluster()], {
      series: dcgm('llm-7d9f-1', [50], [1]),
      demoData: true,
    });
    expect(data.usage).toMatchObject({ state: 'ok', demoData: true });
  });

  it.each([
    [
      { status: 502 },
      'unreachable',
      /unreachable through http:\/\/localhost:7007\/api\/proxy\/prometheus \(HTTP 502/,
    ],
    [{ networkError: true }, 'unreachable', /Failed to fetch/],
    [{ notConfigured: true }, 'not-configured', /HTTP 404.*proxy\.endpoints/],
    [{ status: 400 }, 'bad-response', /bad_data: invalid parameter/],
    [{ body: '<html>login</html>' }, 'bad-response', /did not answer with JSON/],
  ] as const)('keeps the allocation when Prometheus fails: %p', async (options, kind, message) => {
    const { data } = await load([cluster()], options);
    expect(data.allocation.pods).toHaveLength(2);
    expect(data.nodes.size).toBe(2);
    expect(data.usage).toMatchObject({ state: 'unavailable', kind });
    expect(data.usage.state === 'unavailable' && data.usage.message).toMatch(message);
  });

  it('does not ask Prometheus when it is turned off or when no pod holds a GPU', async () => {
    const off = readGpuSettings(
      mockApis.config({ data: { aigov: { gpu: { prometheus: { enabled: false } } } } }),
    );
    const disabled = await load([cluster()], {}, off);
    expect(disabled.data.usage).toMatchObject({ state: 'disabled' });
    expect(disabled.prometheus.requests).toEqual([]);

    const cpuOnly = deploymentWithPods({ resources: { limits: { cpu: '1' } } });
    const none = await load([cluster({ objects: cpuOnly })], {});
    expect(none.data.usage).toEqual({ state: 'none' });
    expect(none.data.allocation).toEqual({ pods: [], totalPods: 2 });
    expect(none.prometheus.requests).toEqual([]);
  });

  it('queries per namespace and cluster when series carry a cluster label', async () => {
    const d = deployment({ namespace: 'serving' });
    const settings = readGpuSettings(
      mockApis.config({
        data: { aigov: { gpu: { prometheus: { labels: { cluster: 'cluster' } } } } },
      }),
    );
    const { data, prometheus } = await load(
      [cluster(), { name: 'gpu-west', objects: [d, pod(d, 1, 'w1')] }],
      {
        series: [
          {
            metric: 'DCGM_FI_DEV_GPU_UTIL',
            labels: { cluster: 'gpu-west', namespace: 'serving', pod: 'llm-7d9f-1' },
            values: [33],
          },
        ],
      },
      settings,
    );
    expect(prometheus.queries).toHaveLength(4);
    expect(
      prometheus.queries.some(
        (q) => q.includes('cluster="gpu-west"') && q.includes('namespace="serving"'),
      ),
    ).toBe(true);
    const west = must(data.allocation.pods.find((p) => p.cluster === 'gpu-west'));
    const east = must(
      data.allocation.pods.find((p) => p.cluster === 'gpu-east' && p.name === 'llm-7d9f-1'),
    );
    expect(usageOf(data, west, 'cluster')?.utilisation?.points[0]?.v).toBe(33);
    expect(usageOf(data, east, 'cluster')).toBeUndefined();
  });

  it('reports cluster errors and reads what the other clusters answered', async () => {
    const { data } = await load([cluster(), { name: 'gpu-west', unreachable: true }], {
      series: [],
    });
    expect(data.allocation.pods).toHaveLength(2);
    expect(data.clusterErrors).toEqual([
      expect.objectContaining({ cluster: 'gpu-west', errorType: 'FETCH_ERROR' }),
    ]);
  });
});

describe('NodeGpuLoader', () => {
  it('asks once per node, and again after an error that may pass', async () => {
    const api = new FakeKubernetesApi({
      clusters: [
        {
          name: 'c',
          nodes: {
            a: gpuNode('a', { 'nvidia.com/mig-1g.5gb': '7', 'nvidia.com/gpu': 0, cpu: '8' }),
            b: 500,
          },
        },
      ],
    });
    const loader = new NodeGpuLoader(api, isGpuResource);
    expect(await loader.load('c', 'a')).toEqual({
      known: true,
      allocatable: { 'nvidia.com/mig-1g.5gb': 7, 'nvidia.com/gpu': 0 },
    });
    await loader.load('c', 'a');
    expect(await loader.load('c', 'b')).toEqual({ known: false, reason: 'error' });
    await new Promise((r) => setTimeout(r, 0));
    await loader.load('c', 'b');
    expect(await loader.load('c', 'missing')).toEqual({ known: false, reason: 'not-found' });
    expect(await loader.load('nowhere', 'a')).toEqual({ known: false, reason: 'error' });
    expect(api.calls.filter((c) => c.method === 'proxy')).toHaveLength(5);
  });
});
