import type { GpuAllocation } from '../dcgm/gpu-allocation';
import { dcgmLabels } from '../dcgm/exposition';
import { DCGM_METRICS, gpuMetricValue } from '../dcgm/gpu-usage';
import type { Series } from './evaluate';

/**
 * The series Prometheus would hold after scraping dcgm-exporter on each GPU node: the exporter's
 * labels plus `job="dcgm-exporter"` and `instance="<node>:9400"`.
 */
export function dcgmSeries(allocations: readonly GpuAllocation[]): Series[] {
  return DCGM_METRICS.flatMap((metric) =>
    allocations.map((a) => ({
      labels: {
        __name__: metric.name,
        ...Object.fromEntries(dcgmLabels(a)),
        instance: `${a.node}:9400`,
        job: 'dcgm-exporter',
      },
      valueAt: (t: number) => gpuMetricValue(metric.name, a, t),
    })),
  );
}
