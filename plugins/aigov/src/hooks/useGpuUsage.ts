import { useMemo } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef, useApi, useApiHolder } from '@backstage/core-plugin-api';
import {
  kubernetesApiRef,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { loadGpuUsage } from '../api/gpuUsage';
import type { GpuUsageData } from '../api/gpuUsage';
import { NodeGpuLoader } from '../api/nodeGpus';
import { PrometheusProxyClient } from '../api/PrometheusProxyClient';
import { DEFAULT_REFRESH_SECONDS, readGpuSettings } from '../config';
import type { GpuSettings } from '../config';
import { gpuResourceMatcher } from '../lib/gpu/resources';
import { invalidSettings, useAigovSettings } from './useAigovSettings';
import { usePolledData } from './usePolledData';
import type { PolledData } from './usePolledData';

export interface GpuUsageState extends PolledData<GpuUsageData> {
  settings?: GpuSettings;
}

/** The entity's GPU pods, their nodes' capacity and live usage, refreshed on an interval. */
export function useGpuUsage(entity: Entity): GpuUsageState {
  const kubernetesApi = useApi(kubernetesApiRef);
  const kubernetesAuthProvidersApi = useApiHolder().get(kubernetesAuthProvidersApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);

  const { settings, settingsError } = useAigovSettings(readGpuSettings);
  const isGpuResource = useMemo(() => gpuResourceMatcher(), []);
  const nodes = useMemo(
    () => new NodeGpuLoader(kubernetesApi, isGpuResource),
    [kubernetesApi, isGpuResource],
  );
  const prometheus = useMemo(
    () =>
      settings && !settings.prometheusDisabled
        ? new PrometheusProxyClient({
            discoveryApi,
            fetchApi,
            proxyPath: settings.prometheus.proxyPath,
          })
        : undefined,
    [settings, discoveryApi, fetchApi],
  );

  const ref = stringifyEntityRef(entity);
  const data = usePolledData(
    async () => {
      if (!settings) throw invalidSettings(settingsError);
      return loadGpuUsage(
        {
          kubernetesApi,
          ...(kubernetesAuthProvidersApi ? { kubernetesAuthProvidersApi } : {}),
          nodes,
          prometheus,
          isGpuResource,
        },
        entity,
        settings,
      );
    },
    [ref, kubernetesApi, kubernetesAuthProvidersApi, nodes, prometheus, settings],
    settings?.refreshIntervalMs ?? DEFAULT_REFRESH_SECONDS * 1000,
  );
  return settings ? { ...data, settings } : data;
}
