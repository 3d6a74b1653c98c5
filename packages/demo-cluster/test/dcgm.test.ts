import {
  DCGM_METRICS,
  demoObjects,
  FB_TOTAL_MIB,
  gpuAllocations,
  gpuMetricValue,
  renderDcgmMetrics,
  startDcgmExporter,
  USAGE_PROFILES,
} from '../src';
import type { DcgmExporter, GpuAllocation } from '../src';
import { getText } from './support/http';
import { parseExposition } from './support/exposition';

const NOW_MS = Date.parse('2025-06-02T12:00:00Z');
const allocations = gpuAllocations(demoObjects());
const LABELS = [
  'gpu',
  'UUID',
  'pci_bus_id',
  'device',
  'modelName',
  'Hostname',
  'DCGM_FI_DRIVER_VERSION',
  'container',
  'namespace',
  'pod',
];

function ofComponent(name: string): GpuAllocation[] {
  return allocations.filter((a) => a.component === name);
}

describe('gpuMetricValue', () => {
  it('is a pure function of the GPU and the time', () => {
    const a = allocations[0] as GpuAllocation;
    for (const metric of DCGM_METRICS)
      expect(gpuMetricValue(metric.name, a, 1_750_000_000)).toBe(
        gpuMetricValue(metric.name, { ...a }, 1_750_000_000),
      );
  });

  it('follows the documented formula: a sine around the base level of the component', () => {
    const a = ofComponent('chat-assistant')[0] as GpuAllocation;
    const p = USAGE_PROFILES['chat-assistant'];
    if (!p) throw new Error('no profile');
    const samples = Array.from({ length: 240 }, (_, i) =>
      gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, 1_750_000_000 + i * 5),
    );
    expect(Math.max(...samples)).toBeLessThanOrEqual(Math.round(p.utilBase + p.utilAmplitude));
    expect(Math.max(...samples)).toBeGreaterThanOrEqual(
      Math.round(p.utilBase + p.utilAmplitude) - 1,
    );
    expect(Math.min(...samples)).toBeLessThanOrEqual(Math.round(p.utilBase - p.utilAmplitude) + 1);
    // One period later the value repeats.
    const t = 1_750_000_123;
    expect(gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, t + p.periodSeconds)).toBe(
      gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, t),
    );
  });

  it('keeps framebuffer used + free at the GPU total, and temperature and power tied to utilisation', () => {
    for (const a of allocations) {
      for (const t of [0, 1_750_000_000, 1_750_000_321.5]) {
        const util = gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, t);
        expect(util).toBeGreaterThanOrEqual(0);
        expect(util).toBeLessThanOrEqual(100);
        expect(Number.isInteger(util)).toBe(true);
        expect(
          gpuMetricValue('DCGM_FI_DEV_FB_USED', a, t) + gpuMetricValue('DCGM_FI_DEV_FB_FREE', a, t),
        ).toBe(FB_TOTAL_MIB);
        expect(gpuMetricValue('DCGM_FI_DEV_GPU_TEMP', a, t)).toBe(Math.round(30 + 0.45 * util));
        expect(gpuMetricValue('DCGM_FI_DEV_POWER_USAGE', a, t)).toBeCloseTo(70 + 6.3 * util, 3);
      }
    }
  });

  it('keeps notebook-gpu idle (under 5 %) and the training run busy, all day', () => {
    const notebook = ofComponent('notebook-gpu');
    const training = ofComponent('llama-finetune');
    expect(notebook).toHaveLength(1);
    for (let t = 1_750_000_000; t < 1_750_000_000 + 86_400; t += 97) {
      for (const a of notebook)
        expect(gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, t)).toBeLessThan(5);
      for (const a of training)
        expect(gpuMetricValue('DCGM_FI_DEV_GPU_UTIL', a, t)).toBeGreaterThanOrEqual(88);
    }
  });

  it('moves the GPUs of one service out of step', () => {
    const chat = ofComponent('chat-assistant');
    const values = new Set(
      chat.map((a) => gpuMetricValue('DCGM_FI_DEV_FB_USED', a, 1_750_000_000)),
    );
    expect(values.size).toBeGreaterThan(1);
  });
});

describe('renderDcgmMetrics', () => {
  const text = renderDcgmMetrics(allocations, NOW_MS / 1000);
  const families = parseExposition(text);

  it('is valid text exposition with HELP and TYPE gauge for each metric', () => {
    expect([...families.keys()].sort()).toEqual(DCGM_METRICS.map((m) => m.name).sort());
    for (const m of DCGM_METRICS) {
      const f = families.get(m.name);
      expect(f?.help).toBe(m.help);
      expect(f?.type).toBe('gauge');
      expect(f?.samples).toHaveLength(allocations.length);
    }
  });

  it("has dcgm-exporter's labels, with the pod mapping, and the values of gpuMetricValue", () => {
    for (const m of DCGM_METRICS) {
      for (const sample of families.get(m.name)?.samples ?? []) {
        expect(Object.keys(sample.labels)).toEqual(LABELS);
        const a = allocations.find((x) => x.uuid === sample.labels.UUID) as GpuAllocation;
        expect(sample.labels).toEqual({
          gpu: String(a.gpu),
          UUID: a.uuid,
          pci_bus_id: a.pciBusId,
          device: `nvidia${a.gpu}`,
          modelName: 'NVIDIA H100 80GB HBM3',
          Hostname: a.node,
          DCGM_FI_DRIVER_VERSION: expect.stringMatching(/^\d+\.\d+\.\d+$/),
          container: a.container,
          namespace: a.namespace,
          pod: a.pod,
        });
        expect(sample.value).toBe(gpuMetricValue(m.name, a, NOW_MS / 1000));
      }
    }
  });
});

describe('startDcgmExporter', () => {
  let exporter: DcgmExporter;
  beforeAll(async () => {
    exporter = await startDcgmExporter({ now: () => NOW_MS });
  });
  afterAll(async () => {
    await exporter.close();
  });

  it('serves /metrics in the exposition format for the pinned time', async () => {
    const res = await getText(`${exporter.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toBe(renderDcgmMetrics(allocations, NOW_MS / 1000));
    const util = parseExposition(res.text).get('DCGM_FI_DEV_GPU_UTIL')?.samples ?? [];
    const notebook = util.find((s) => s.labels.pod === 'notebook-gpu-0');
    expect(notebook?.value).toBeLessThan(5);
    expect(notebook?.labels.namespace).toBe('research-notebooks');
  });

  it('answers /health and 404 elsewhere, and records requests', async () => {
    expect((await getText(`${exporter.url}/health`)).text).toBe('OK');
    expect((await getText(`${exporter.url}/nope`)).status).toBe(404);
    expect(exporter.requests.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/metrics', '/health', '/nope']),
    );
  });

  it('reports only the GPUs of the objects it was given', async () => {
    const objects = demoObjects().filter(
      (o) => o.kind !== 'Pod' || o.metadata.name === 'notebook-gpu-0',
    );
    const one = await startDcgmExporter({ objects, now: () => NOW_MS });
    try {
      const families = parseExposition((await getText(`${one.url}/metrics`)).text);
      expect(families.get('DCGM_FI_DEV_GPU_UTIL')?.samples.map((s) => s.labels.pod)).toEqual([
        'notebook-gpu-0',
      ]);
    } finally {
      await one.close();
    }
  });
});
