import type { ConfigApi as Config } from '@backstage/core-plugin-api';
import { DEFAULT_CUSTOM_RESOURCES } from '@aigov/rules';
import type { CustomResourceSpec } from '@aigov/rules';
import { DEFAULT_LABEL_NAMES, isValidLabelName } from './lib/gpu/promql';
import type { PrometheusLabelNames } from './lib/gpu/promql';

/** The plugin's settings from `aigov.*` in app-config (see config.d.ts), with defaults. */
export interface LiveViewSettings {
  /** 0 turns refreshing off. */
  refreshIntervalMs: number;
  customResources: readonly CustomResourceSpec[];
}

export interface PrometheusSettings {
  /** Path under the proxy backend (`/api/proxy`), e.g. `/prometheus`. */
  proxyPath: string;
  rangeSeconds: number;
  stepSeconds: number;
  labels: PrometheusLabelNames;
}

export interface GpuSettings {
  refreshIntervalMs: number;
  idleThresholdPercent: number;
  /** Why live usage is off (`enabled: false`, a bad label name); undefined when it is on. */
  prometheusDisabled?: string;
  prometheus: PrometheusSettings;
}

export const DEFAULT_REFRESH_SECONDS = 60;

function refreshIntervalMs(config: Config): number {
  const seconds =
    config.getOptionalNumber('aigov.refreshIntervalSeconds') ?? DEFAULT_REFRESH_SECONDS;
  return Math.max(0, seconds) * 1000;
}

export function readLiveViewSettings(config: Config): LiveViewSettings {
  const list = config.getOptionalConfigArray('aigov.kubernetes.customResources');
  return {
    refreshIntervalMs: refreshIntervalMs(config),
    customResources: list
      ? list.map((c) => ({
          group: c.getString('group'),
          apiVersion: c.getString('apiVersion'),
          plural: c.getString('plural'),
          kind: c.getString('kind'),
        }))
      : DEFAULT_CUSTOM_RESOURCES,
  };
}

export function readGpuSettings(config: Config): GpuSettings {
  const p = 'aigov.gpu.prometheus';
  const rangeMinutes = config.getOptionalNumber(`${p}.rangeMinutes`) ?? 60;
  const rangeSeconds = Math.max(60, Math.round(rangeMinutes * 60));
  const stepSeconds = Math.max(
    1,
    Math.round(config.getOptionalNumber(`${p}.stepSeconds`) ?? rangeSeconds / 60),
  );
  const labels: PrometheusLabelNames = {
    pod: config.getOptionalString(`${p}.labels.pod`) ?? DEFAULT_LABEL_NAMES.pod,
    namespace: config.getOptionalString(`${p}.labels.namespace`) ?? DEFAULT_LABEL_NAMES.namespace,
    exportedPod:
      config.getOptionalString(`${p}.labels.exportedPod`) ?? DEFAULT_LABEL_NAMES.exportedPod,
    exportedNamespace:
      config.getOptionalString(`${p}.labels.exportedNamespace`) ??
      DEFAULT_LABEL_NAMES.exportedNamespace,
    cluster: config.getOptionalString(`${p}.labels.cluster`) ?? DEFAULT_LABEL_NAMES.cluster,
  };
  const badLabel = (Object.entries(labels) as [keyof PrometheusLabelNames, string][]).find(
    ([key, name]) =>
      !(name === '' && key !== 'pod' && key !== 'namespace') && !isValidLabelName(name),
  );
  let prometheusDisabled: string | undefined;
  if (config.getOptionalBoolean(`${p}.enabled`) === false)
    prometheusDisabled = 'Live GPU usage is turned off (aigov.gpu.prometheus.enabled is false).';
  else if (badLabel)
    prometheusDisabled = `${p}.labels.${badLabel[0]} is not a Prometheus label name: ${JSON.stringify(badLabel[1])}.`;
  let proxyPath = config.getOptionalString(`${p}.proxyPath`) ?? '/prometheus';
  if (!proxyPath.startsWith('/')) proxyPath = `/${proxyPath}`;
  return {
    refreshIntervalMs: refreshIntervalMs(config),
    idleThresholdPercent: config.getOptionalNumber('aigov.gpu.idleThresholdPercent') ?? 5,
    ...(prometheusDisabled ? { prometheusDisabled } : {}),
    prometheus: { proxyPath: proxyPath.replace(/\/+$/, ''), rangeSeconds, stepSeconds, labels },
  };
}
