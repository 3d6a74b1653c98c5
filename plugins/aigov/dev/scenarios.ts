import { FakeKubernetesApi } from '../src/testUtils/FakeKubernetesApi';
import type { FakeCluster } from '../src/testUtils/FakeKubernetesApi';
import { FakePrometheus } from '../src/testUtils/FakePrometheus';
import type { FakeSeries } from '../src/testUtils/FakePrometheus';
import {
  deploymentWithPods,
  gpuNode,
  inferenceService,
  networkPolicy,
} from '../src/testUtils/objects';

/** What the dev page can show: `?scenario=<name>`. */
export const SCENARIOS = ['healthy', 'partial', 'prometheus-down', 'demo-data'] as const;
export type Scenario = (typeof SCENARIOS)[number];

function wave(base: number, amplitude: number, points = 61): number[] {
  return Array.from({ length: points }, (_, i) =>
    Math.max(0, base + amplitude * Math.sin(i / 5) + amplitude * 0.3 * Math.cos(i / 2)),
  );
}

function dcgm(pod: string, util: number[], memoryMiB: number[]): FakeSeries[] {
  const labels = { pod, namespace: 'ml', gpu: '0' };
  return [
    { metric: 'DCGM_FI_DEV_GPU_UTIL', labels, values: util },
    { metric: 'DCGM_FI_DEV_FB_USED', labels, values: memoryMiB },
  ];
}

const east: FakeCluster = {
  name: 'gpu-east',
  title: 'GPU East',
  objects: [
    ...deploymentWithPods({}, ['gpu-node-1', 'gpu-node-2', null]),
    networkPolicy(),
    inferenceService(),
  ],
  failures: { 'keda.sh/scaledobjects': 404, 'ray.io/rayclusters': 404 },
  nodes: { 'gpu-node-1': gpuNode('gpu-node-1'), 'gpu-node-2': 403 },
};

/** The fake Kubernetes API and Prometheus of a scenario. */
export function scenario(name: Scenario): {
  kubernetesApi: FakeKubernetesApi;
  prometheus: FakePrometheus;
} {
  const series = [
    ...dcgm('llm-7d9f-1', wave(70, 15), wave(20000, 1500)),
    ...dcgm('llm-7d9f-2', wave(2, 1), wave(600, 50)),
  ];
  const clusters =
    name === 'partial'
      ? [east, { name: 'gpu-west', title: 'GPU West', unreachable: true }]
      : [east];
  return {
    kubernetesApi: new FakeKubernetesApi({ clusters }),
    prometheus: new FakePrometheus(
      name === 'prometheus-down' ? { status: 502 } : { series, demoData: name === 'demo-data' },
    ),
  };
}
