/**
 * Metric names of NVIDIA's dcgm-exporter. The default set is the union of the enabled lines of
 * the counter files it ships and its Helm chart / the GPU Operator use: `etc/default-counters.csv`
 * and `etc/dcp-metrics-included.csv` (dcgm-exporter 3.x–4.x). Fields that are commented out there
 * exist but need a custom counters file.
 */

export const DCGM_DEFAULT_METRICS: ReadonlySet<string> = new Set([
  // Clocks
  'DCGM_FI_DEV_SM_CLOCK',
  'DCGM_FI_DEV_MEM_CLOCK',
  // Temperature
  'DCGM_FI_DEV_MEMORY_TEMP',
  'DCGM_FI_DEV_GPU_TEMP',
  // Power
  'DCGM_FI_DEV_POWER_USAGE',
  'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
  // PCIe (the THROUGHPUT pair is enabled in some releases of default-counters.csv)
  'DCGM_FI_DEV_PCIE_REPLAY_COUNTER',
  'DCGM_FI_DEV_PCIE_TX_THROUGHPUT',
  'DCGM_FI_DEV_PCIE_RX_THROUGHPUT',
  // Utilization
  'DCGM_FI_DEV_GPU_UTIL',
  'DCGM_FI_DEV_MEM_COPY_UTIL',
  'DCGM_FI_DEV_ENC_UTIL',
  'DCGM_FI_DEV_DEC_UTIL',
  // Errors
  'DCGM_FI_DEV_XID_ERRORS',
  // Memory usage
  'DCGM_FI_DEV_FB_FREE',
  'DCGM_FI_DEV_FB_USED',
  'DCGM_FI_DEV_FB_RESERVED',
  // Retired pages (enabled in dcp-metrics-included.csv)
  'DCGM_FI_DEV_RETIRED_SBE',
  'DCGM_FI_DEV_RETIRED_DBE',
  // NVLink
  'DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL',
  // vGPU license
  'DCGM_FI_DEV_VGPU_LICENSE_STATUS',
  // Remapped rows
  'DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS',
  'DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS',
  'DCGM_FI_DEV_ROW_REMAP_FAILURE',
  // A label on the other metrics
  'DCGM_FI_DRIVER_VERSION',
  // Profiling (DCP)
  'DCGM_FI_PROF_GR_ENGINE_ACTIVE',
  'DCGM_FI_PROF_PIPE_TENSOR_ACTIVE',
  'DCGM_FI_PROF_DRAM_ACTIVE',
  'DCGM_FI_PROF_PCIE_TX_BYTES',
  'DCGM_FI_PROF_PCIE_RX_BYTES',
]);

/** Fields dcgm-exporter can export once a custom counters file enables them. */
export const DCGM_OPTIONAL_METRICS: ReadonlySet<string> = new Set([
  'DCGM_FI_DEV_POWER_VIOLATION',
  'DCGM_FI_DEV_THERMAL_VIOLATION',
  'DCGM_FI_DEV_SYNC_BOOST_VIOLATION',
  'DCGM_FI_DEV_BOARD_LIMIT_VIOLATION',
  'DCGM_FI_DEV_LOW_UTIL_VIOLATION',
  'DCGM_FI_DEV_RELIABILITY_VIOLATION',
  'DCGM_EXP_CLOCK_EVENTS_COUNT',
  'DCGM_EXP_CLOCK_EVENTS_TOTAL',
  'DCGM_EXP_XID_ERRORS_COUNT',
  'DCGM_EXP_XID_ERRORS_TOTAL',
  'DCGM_EXP_GPU_HEALTH_STATUS',
  'DCGM_EXP_P2P_STATUS',
  'DCGM_FI_DEV_ECC_SBE_VOL_TOTAL',
  'DCGM_FI_DEV_ECC_DBE_VOL_TOTAL',
  'DCGM_FI_DEV_ECC_SBE_AGG_TOTAL',
  'DCGM_FI_DEV_ECC_DBE_AGG_TOTAL',
  'DCGM_FI_DEV_RETIRED_PENDING',
  'DCGM_FI_DEV_NVLINK_CRC_FLIT_ERROR_COUNT_TOTAL',
  'DCGM_FI_DEV_NVLINK_CRC_DATA_ERROR_COUNT_TOTAL',
  'DCGM_FI_DEV_NVLINK_REPLAY_ERROR_COUNT_TOTAL',
  'DCGM_FI_DEV_NVLINK_RECOVERY_ERROR_COUNT_TOTAL',
  'DCGM_FI_DEV_NVLINK_BANDWIDTH_L0',
  'DCGM_FI_DEV_GPU_NVLINK_ERRORS',
  'DCGM_FI_NVML_VERSION',
  'DCGM_FI_CUDA_DRIVER_VERSION',
  'DCGM_FI_DEV_BRAND',
  'DCGM_FI_DEV_NAME',
  'DCGM_FI_DEV_SERIAL',
  'DCGM_FI_DEV_UUID',
  'DCGM_FI_DEV_MINOR_NUMBER',
  'DCGM_FI_DEV_OEM_INFOROM_VER',
  'DCGM_FI_DEV_ECC_INFOROM_VER',
  'DCGM_FI_DEV_POWER_INFOROM_VER',
  'DCGM_FI_DEV_INFOROM_IMAGE_VER',
  'DCGM_FI_DEV_VBIOS_VERSION',
  'DCGM_FI_DEV_FB_TOTAL',
  'DCGM_FI_DEV_FB_USED_PERCENT',
  'DCGM_FI_DEV_BAR1_TOTAL',
  'DCGM_FI_DEV_BAR1_USED',
  'DCGM_FI_DEV_BAR1_FREE',
  'DCGM_FI_DEV_CLOCK_THROTTLE_REASONS',
  'DCGM_FI_DEV_CLOCKS_EVENT_REASONS',
  'DCGM_FI_DEV_POWER_MGMT_LIMIT',
  'DCGM_FI_DEV_ENFORCED_POWER_LIMIT',
  'DCGM_FI_DEV_PSTATE',
  'DCGM_FI_DEV_FAN_SPEED',
  'DCGM_FI_DEV_SLOWDOWN_TEMP',
  'DCGM_FI_DEV_SHUTDOWN_TEMP',
  'DCGM_FI_DEV_GPU_MAX_OP_TEMP',
  'DCGM_FI_DEV_MEM_MAX_OP_TEMP',
  'DCGM_FI_PROF_SM_ACTIVE',
  'DCGM_FI_PROF_SM_OCCUPANCY',
  'DCGM_FI_PROF_PIPE_FP64_ACTIVE',
  'DCGM_FI_PROF_PIPE_FP32_ACTIVE',
  'DCGM_FI_PROF_PIPE_FP16_ACTIVE',
  'DCGM_FI_PROF_PIPE_INT_ACTIVE',
  'DCGM_FI_PROF_NVLINK_TX_BYTES',
  'DCGM_FI_PROF_NVLINK_RX_BYTES',
  'DCGM_FI_PROF_SM_CYCLES_ELAPSED_TOTAL',
  'DCGM_FI_PROF_SM_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_MMA_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_DMMA_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_HMMA_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_IMMA_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_DFMA_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_PCIE_TX_BYTES_TOTAL',
  'DCGM_FI_PROF_PCIE_RX_BYTES_TOTAL',
  'DCGM_FI_PROF_INT_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_FP64_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_FP32_CYCLES_ACTIVE_TOTAL',
  'DCGM_FI_PROF_FP16_CYCLES_ACTIVE_TOTAL',
]);

/** `DCGM_…` names in a text (PromQL, a metric name), each once, in order of appearance. */
export function dcgmNames(text: string): string[] {
  const out = new Set<string>();
  // Not part of a longer identifier or a recording-rule name (`gpu:DCGM_…`).
  for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_:])(DCGM_[A-Za-z0-9_]+)/g))
    if (m[1]) out.add(m[1]);
  return [...out];
}

/** Enabled metrics of a dcgm-exporter counters CSV (`DCGM_FI_…, gauge, help`), e.g. in a ConfigMap. */
export function countersCsvMetrics(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(DCGM_[A-Za-z0-9_]+)\s*,\s*(gauge|counter|label|histogram)\b/i.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(
        cur + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/**
 * The known metric a misspelt one most likely means: one it spells out (`…_GPU_TEMPERATURE` for
 * `…_GPU_TEMP`), else the nearest by edit distance when close enough to be a typo.
 */
export function closestDcgmMetric(name: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  const extended = candidates
    .filter((k) => name.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  if (extended) return extended;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 6)) ? best : undefined;
}
