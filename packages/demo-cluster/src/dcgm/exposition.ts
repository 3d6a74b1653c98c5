import type { GpuAllocation } from './gpu-allocation';
import { DCGM_METRICS, gpuMetricValue } from './gpu-usage';

/** The NVIDIA driver the demo GPUs report (dcgm-exporter's `DCGM_FI_DRIVER_VERSION` label). */
export const DRIVER_VERSION = '550.127.05';

/** The labels dcgm-exporter puts on a GPU's series, in its order, pod mapping included. */
export function dcgmLabels(a: GpuAllocation): [string, string][] {
  return [
    ['gpu', String(a.gpu)],
    ['UUID', a.uuid],
    ['pci_bus_id', a.pciBusId],
    ['device', a.device],
    ['modelName', a.modelName],
    ['Hostname', a.node],
    ['DCGM_FI_DRIVER_VERSION', DRIVER_VERSION],
    ['container', a.container],
    ['namespace', a.namespace],
    ['pod', a.pod],
  ];
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** A number as Prometheus text exposition writes it. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * `/metrics` of dcgm-exporter for these GPUs at a time (Unix seconds), in the Prometheus text
 * exposition format (version 0.0.4): HELP and TYPE per metric, one sample per GPU, no timestamps.
 */
export function renderDcgmMetrics(
  allocations: readonly GpuAllocation[],
  timeSeconds: number,
): string {
  const lines: string[] = [];
  for (const metric of DCGM_METRICS) {
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} gauge`);
    for (const a of allocations) {
      const labels = dcgmLabels(a)
        .map(([k, v]) => `${k}="${escapeLabelValue(v)}"`)
        .join(',');
      lines.push(
        `${metric.name}{${labels}} ${formatSampleValue(gpuMetricValue(metric.name, a, timeSeconds))}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
