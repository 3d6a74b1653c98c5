import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import {
  kubernetesApiRef,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { fetchLiveObjects } from '../api/kubernetesObjects';
import { readLiveViewSettings, DEFAULT_REFRESH_SECONDS } from '../config';
import type { LiveViewSettings } from '../config';
import { evaluateLiveObjects } from '../lib/evaluateLive';
import type { LiveEvaluation } from '../lib/evaluateLive';
import { invalidSettings, useAigovSettings } from './useAigovSettings';
import { usePolledData } from './usePolledData';
import type { PolledData } from './usePolledData';

export interface LiveEvaluationData extends PolledData<LiveEvaluation> {
  settings?: LiveViewSettings;
}

/**
 * The entity's live objects, evaluated in the browser with the rules core, refreshed every
 * `aigov.refreshIntervalSeconds`.
 */
export function useLiveEvaluation(entity: Entity): LiveEvaluationData {
  const kubernetesApi = useApi(kubernetesApiRef);
  const kubernetesAuthProvidersApi = useApiHolder().get(kubernetesAuthProvidersApiRef);
  const { settings, settingsError } = useAigovSettings(readLiveViewSettings);
  const ref = stringifyEntityRef(entity);
  const data = usePolledData(
    async () => {
      if (!settings) throw invalidSettings(settingsError);
      const input = await fetchLiveObjects(
        { kubernetesApi, ...(kubernetesAuthProvidersApi ? { kubernetesAuthProvidersApi } : {}) },
        entity,
        settings.customResources,
      );
      return evaluateLiveObjects(input);
    },
    [ref, kubernetesApi, kubernetesAuthProvidersApi, settings],
    settings?.refreshIntervalMs ?? DEFAULT_REFRESH_SECONDS * 1000,
  );
  return settings ? { ...data, settings } : data;
}
