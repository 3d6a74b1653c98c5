import { stableFraction } from '../util/hash';
import type { GpuAllocation } from './gpu-allocation';

/** The dcgm-exporter metrics the fixture serves (a subset of its default counters). */
export type DcgmMetricName =
  | 'DCGM_FI_DEV_GPU_UTIL'
  | 'DCGM_FI_DEV_FB_USED'
  | 'DCGM_FI_DEV_FB_FREE'
  | 'DCGM_FI_DEV_GPU_TEMP'
  | 'DCGM_FI_DEV_POWER_USAGE';

export interface DcgmMetric {
  name: DcgmMetricName;
  /** The HELP text of dcgm-exporter's default-counters.csv. */
  help: string;
}

export const DCGM_METRICS: readonly DcgmMetric[] = [
  { name: 'DCGM_FI_DEV_GPU_TEMP', help: 'GPU temperature (in C).' },
  { name: 'DCGM_FI_DEV_POWER_USAGE', help: 'Power draw (in W).' },
  { name: 'DCGM_FI_DEV_GPU_UTIL', help: 'GPU utilization (in %).' },
  { name: 'DCGM_FI_DEV_FB_FREE', help: 'Framebuffer memory free (in MiB).' },
  { name: 'DCGM_FI_DEV_FB_USED', help: 'Framebuffer memory used (in MiB).' },
];

/** Framebuffer of an H100 80GB HBM3 as DCGM reports it, in MiB. */
export const FB_TOTAL_MIB = 81559;

/** How busy the GPUs of one component are: a sine wave around a base level. */
export interface UsageProfile {
  /** Mean utilisation, percent. */
  utilBase: number;
  /** Half the peak-to-peak swing of utilisation, percent. */
  utilAmplitude: number;
  /** Length of one cycle, seconds. */
  periodSeconds: number;
  /** Mean framebuffer use, MiB. */
  memoryBaseMiB: number;
  /** Half the peak-to-peak swing of framebuffer use, MiB. */
  memoryAmplitudeMiB: number;
}

/** Usage per component (`backstage.io/kubernetes-id` of the pod). `notebook-gpu` stays under 5 %. */
export const USAGE_PROFILES: Readonly<Record<string, UsageProfile>> = {
  'chat-assistant': {
    utilBase: 62,
    utilAmplitude: 18,
    periodSeconds: 600,
    memoryBaseMiB: 72800,
    memoryAmplitudeMiB: 900,
  },
  'embeddings-api': {
    utilBase: 35,
    utilAmplitude: 15,
    periodSeconds: 300,
    memoryBaseMiB: 9800,
    memoryAmplitudeMiB: 600,
  },
  'batch-inference': {
    utilBase: 78,
    utilAmplitude: 14,
    periodSeconds: 900,
    memoryBaseMiB: 52000,
    memoryAmplitudeMiB: 6000,
  },
  'llama-finetune': {
    utilBase: 93,
    utilAmplitude: 5,
    periodSeconds: 120,
    memoryBaseMiB: 76000,
    memoryAmplitudeMiB: 1500,
  },
  'vision-trainer': {
    utilBase: 70,
    utilAmplitude: 20,
    periodSeconds: 450,
    memoryBaseMiB: 38000,
    memoryAmplitudeMiB: 5000,
  },
  'notebook-gpu': {
    utilBase: 2,
    utilAmplitude: 1.5,
    periodSeconds: 1800,
    memoryBaseMiB: 3100,
    memoryAmplitudeMiB: 200,
  },
};

/** Usage of GPUs whose pod belongs to no profiled component. */
export const DEFAULT_USAGE_PROFILE: UsageProfile = {
  utilBase: 50,
  utilAmplitude: 20,
  periodSeconds: 600,
  memoryBaseMiB: 20000,
  memoryAmplitudeMiB: 2000,
};

export function usageProfileOf(allocation: Pick<GpuAllocation, 'component'>): UsageProfile {
  return (allocation.component && USAGE_PROFILES[allocation.component]) || DEFAULT_USAGE_PROFILE;
}

/**
 * The phase of a GPU's wave, radians: 2π × a fraction derived from `namespace/pod/gpu`, so the
 * GPUs of one service do not move in lockstep.
 */
export function gpuPhase(allocation: Pick<GpuAllocation, 'namespace' | 'pod' | 'gpu'>): number {
  return (
    2 * Math.PI * stableFraction(`${allocation.namespace}/${allocation.pod}/${allocation.gpu}`)
  );
}

/**
 * The value of a DCGM metric for a GPU at a time (Unix seconds), the one formula behind the
 * exporter and the demo Prometheus API:
 *
 * ```
 * θ     = 2π·t / periodSeconds + gpuPhase(gpu)
 * util  = clamp(round(utilBase + utilAmplitude·sin θ), 0, 100)           DCGM_FI_DEV_GPU_UTIL (%)
 * used  = round(memoryBaseMiB + memoryAmplitudeMiB·sin θ)                DCGM_FI_DEV_FB_USED (MiB)
 * free  = 81559 − used                                                   DCGM_FI_DEV_FB_FREE (MiB)
 * temp  = round(30 + 0.45·util)                                          DCGM_FI_DEV_GPU_TEMP (°C)
 * power = round3(70 + 6.3·util)                                          DCGM_FI_DEV_POWER_USAGE (W)
 * ```
 */
export function gpuMetricValue(
  metric: DcgmMetricName,
  allocation: Pick<GpuAllocation, 'namespace' | 'pod' | 'gpu' | 'component'>,
  timeSeconds: number,
): number {
  const p = usageProfileOf(allocation);
  const wave = Math.sin((2 * Math.PI * timeSeconds) / p.periodSeconds + gpuPhase(allocation));
  const util = Math.min(100, Math.max(0, Math.round(p.utilBase + p.utilAmplitude * wave)));
  const used = Math.round(p.memoryBaseMiB + p.memoryAmplitudeMiB * wave);
  switch (metric) {
    case 'DCGM_FI_DEV_GPU_UTIL':
      return util;
    case 'DCGM_FI_DEV_FB_USED':
      return used;
    case 'DCGM_FI_DEV_FB_FREE':
      return FB_TOTAL_MIB - used;
    case 'DCGM_FI_DEV_GPU_TEMP':
      return Math.round(30 + 0.45 * util);
    case 'DCGM_FI_DEV_POWER_USAGE':
      return Math.round((70 + 6.3 * util) * 1000) / 1000;
  }
}
