import { screen, within } from '@testing-library/react';
import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { FakeKubernetesApi } from '../../testUtils/FakeKubernetesApi';
import type { FakeCluster } from '../../testUtils/FakeKubernetesApi';
import { FakePrometheus } from '../../testUtils/FakePrometheus';
import type { FakeSeries } from '../../testUtils/FakePrometheus';
import { deploymentWithPods, entityWithoutAnnotations, gpuNode } from '../../testUtils/objects';
import { deferred, renderOnEntityPage } from '../../testUtils/render';
import { GpuUsageCard } from './GpuUsageCard';
import { must } from '../../testUtils/must';

const config = { aigov: { refreshIntervalSeconds: 0 } };

function dcgm(pod: string, util: number[], memoryMiB: number[]): FakeSeries[] {
  const labels = { pod, namespace: 'ml', gpu: '0', Hostname: 'gpu-node' };
  return [
    { metric: 'DCGM_FI_DEV_GPU_UTIL', labels, values: util },
    { metric: 'DCGM_FI_DEV_FB_USED', labels, values: memoryMiB },
  ];
}

const eastCluster = (extra: Partial<FakeCluster> = {}): FakeCluster => ({
  name: 'gpu-east',
  objects: deploymentWithPods({}, ['gpu-node-1', 'gpu-node-2', null]),
  nodes: { 'gpu-node-1': gpuNode('gpu-node-1'), 'gpu-node-2': 403 },
  ...extra,
});

const rows = () => screen.getAllByTestId('gpu-pod');
const row = (name: string) =>
  must(
    rows().find((r) => within(r).queryByText(name)),
    name,
  );

describe('GpuUsageCard', () => {
  it('shows a loading state until the pods arrive', async () => {
    const api = new FakeKubernetesApi({ clusters: [eastCluster()] });
    const pending = deferred<ObjectsByEntityResponse>();
    jest.spyOn(api, 'getObjectsByEntity').mockReturnValue(pending.promise);
    await renderOnEntityPage(<GpuUsageCard />, { kubernetesApi: api, config });
    expect(screen.getByRole('status')).toHaveTextContent('Reading GPU pods');
    pending.resolve({ items: [] });
    expect(await screen.findByText('No pods found for this entity.')).toBeInTheDocument();
  });

  it('shows GPUs per pod and container, node capacity, usage sparklines, and highlights idle GPUs', async () => {
    const api = new FakeKubernetesApi({ clusters: [eastCluster()] });
    const prometheus = new FakePrometheus({
      series: [
        ...dcgm('llm-7d9f-1', [70, 80, 90], [20480, 20480, 21504]),
        ...dcgm('llm-7d9f-2', [1, 0, 2], [300, 300, 300]),
      ],
    });
    await renderOnEntityPage(<GpuUsageCard />, { kubernetesApi: api, prometheus, config });
    await screen.findByRole('table', { name: 'GPU pods' });
    expect(rows()).toHaveLength(3);

    const busy = row('llm-7d9f-1');
    expect(within(busy).getByText('vllm: 1 GPU · nvidia.com/gpu')).toBeInTheDocument();
    expect(within(busy).getByText('gpu-node-1')).toBeInTheDocument();
    expect(within(busy).getByText('allocatable: 8 × nvidia.com/gpu')).toBeInTheDocument();
    expect(
      within(busy).getByRole('img', { name: /^GPU utilisation: now 90%, peak 90%, average \d+%$/ }),
    ).toBeInTheDocument();
    expect(
      within(busy).getByRole('img', { name: /GPU memory used: now 21\.0 GiB/ }),
    ).toBeInTheDocument();
    expect(busy).not.toHaveAttribute('data-idle');

    // 403 on the node: "unknown", no error shown.
    const idle = row('llm-7d9f-2');
    expect(within(idle).getByText('allocatable GPUs: unknown')).toBeInTheDocument();
    expect(idle).toHaveAttribute('data-idle', 'true');
    expect(within(idle).getByText('Idle: under 5% for 60 min')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const pending = row('llm-7d9f-3');
    expect(within(pending).getByText('not scheduled')).toBeInTheDocument();
    expect(within(pending).getAllByText('no data')).toHaveLength(2);

    // The queries name exactly the pods Kubernetes returned.
    expect(prometheus.queries).toHaveLength(2);
    for (const q of prometheus.queries)
      expect(q).toContain('pod=~"llm-7d9f-1|llm-7d9f-2|llm-7d9f-3"');
  });

  it('labels demo data clearly', async () => {
    const api = new FakeKubernetesApi({ clusters: [eastCluster()] });
    const prometheus = new FakePrometheus({
      series: dcgm('llm-7d9f-1', [50], [1024]),
      demoData: true,
    });
    await renderOnEntityPage(<GpuUsageCard />, { kubernetesApi: api, prometheus, config });
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'GPU utilisation (demo data): now 50%, peak 50%, average 50%',
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('DEMO').length).toBeGreaterThan(0);
  });

  it('keeps the allocation and says what is missing when Prometheus is down', async () => {
    const api = new FakeKubernetesApi({ clusters: [eastCluster()] });
    const prometheus = new FakePrometheus({ status: 503 });
    await renderOnEntityPage(<GpuUsageCard />, { kubernetesApi: api, prometheus, config });
    expect(await screen.findByText('Live GPU usage is unavailable')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Prometheus is unreachable through http:\/\/localhost:7007\/api\/proxy\/prometheus \(HTTP 503/,
      ),
    ).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
    expect(within(row('llm-7d9f-1')).getByText('vllm: 1 GPU · nvidia.com/gpu')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /Utilisation/ })).not.toBeInTheDocument();
  });

  it('says when Prometheus is not configured', async () => {
    const api = new FakeKubernetesApi({ clusters: [eastCluster()] });
    await renderOnEntityPage(<GpuUsageCard />, {
      kubernetesApi: api,
      prometheus: new FakePrometheus({ notConfigured: true }),
      config,
    });
    expect(
      await screen.findByText('Prometheus is not configured: live GPU usage is not shown'),
    ).toBeInTheDocument();
    expect(rows()).toHaveLength(3);

    const off = new FakePrometheus({});
    await renderOnEntityPage(<GpuUsageCard />, {
      kubernetesApi: api,
      prometheus: off,
      config: { aigov: { refreshIntervalSeconds: 0, gpu: { prometheus: { enabled: false } } } },
    });
    expect(
      await screen.findByText(/Live usage is not shown: Live GPU usage is turned off/),
    ).toBeInTheDocument();
    expect(off.requests).toEqual([]);
  });

  it('says when no pod requests GPUs', async () => {
    const api = new FakeKubernetesApi({
      clusters: [
        eastCluster({ objects: deploymentWithPods({ resources: { limits: { cpu: '1' } } }) }),
      ],
    });
    const prometheus = new FakePrometheus({});
    await renderOnEntityPage(<GpuUsageCard />, { kubernetesApi: api, prometheus, config });
    expect(
      await screen.findByText('None of the 2 pods of this entity requests GPUs.'),
    ).toBeInTheDocument();
    expect(prometheus.requests).toEqual([]);
  });

  it('shows an unreachable cluster beside the pods of the others', async () => {
    const api = new FakeKubernetesApi({
      clusters: [eastCluster(), { name: 'gpu-west', unreachable: true }],
    });
    await renderOnEntityPage(<GpuUsageCard />, {
      kubernetesApi: api,
      prometheus: new FakePrometheus({ series: [] }),
      config,
    });
    expect(await screen.findByText('Cluster gpu-west did not answer')).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
  });

  it('explains the missing annotations without calling Kubernetes', async () => {
    const api = new FakeKubernetesApi({ clusters: [] });
    await renderOnEntityPage(<GpuUsageCard />, {
      kubernetesApi: api,
      entity: entityWithoutAnnotations,
    });
    expect(screen.getByText(/annotation to see this entity’s GPU pods/)).toBeInTheDocument();
    expect(api.calls).toEqual([]);
  });

  it('shows the error when Kubernetes cannot be read', async () => {
    const api = new FakeKubernetesApi({
      clusters: [],
      backendError: 'Request failed with 401 Unauthorized',
    });
    await renderOnEntityPage(<GpuUsageCard />, { kubernetesApi: api, config });
    expect(await screen.findByText('Could not read the pods of this entity')).toBeInTheDocument();
    expect(screen.getByText('Request failed with 401 Unauthorized')).toBeInTheDocument();
  });
});
