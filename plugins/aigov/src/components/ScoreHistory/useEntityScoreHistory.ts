import type { AigovEntityHistoryResponse, AigovEntityName } from '@aigov/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { aigovApiRef } from '../../api/AigovApi';
import type { AigovApi } from '../../api/AigovApi';
import { aigovErrorMessage, aigovProblemOf } from '../../api/errors';
import { usePolledData } from '../../hooks/usePolledData';

/** How far back the tab's chart goes. */
export const HISTORY_DAYS = 90;

export type EntityHistoryResult =
  | { kind: 'history'; history: AigovEntityHistoryResponse; from: Date }
  /** The backend has no scan of this entity yet (it is installed: `/status` answers). */
  | { kind: 'not-scanned' }
  /** The backend plugin is not installed (404 from `/status` too). */
  | { kind: 'absent' }
  | { kind: 'forbidden'; message: string };

export function entityName(entity: Entity): AigovEntityName {
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  };
}

/**
 * The entity's stored scans of the last {@link HISTORY_DAYS} days. A 404 is told apart by
 * asking `/status`: answered, the entity has no scan yet; 404 as well, there is no backend.
 * Other failures reject, for the section to show with a retry.
 */
export async function loadEntityHistory(
  api: AigovApi,
  entity: AigovEntityName,
  now = Date.now(),
): Promise<EntityHistoryResult> {
  const from = new Date(now - HISTORY_DAYS * 86_400_000);
  try {
    return { kind: 'history', history: await api.getEntityHistory(entity, { from }), from };
  } catch (error) {
    const problem = aigovProblemOf(error);
    if (problem === 'forbidden') return { kind: 'forbidden', message: aigovErrorMessage(error) };
    if (problem !== 'not-found') throw error;
    try {
      await api.getStatus();
      return { kind: 'not-scanned' };
    } catch (statusError) {
      if (aigovProblemOf(statusError) === 'not-found') return { kind: 'absent' };
      throw error;
    }
  }
}

/**
 * The entity's score history from the aigov backend, or `undefined` when the app has no
 * aigov API (the plugin's API is not registered): the tab then shows no history at all.
 */
export function useEntityScoreHistory(entity: Entity) {
  const api = useApiHolder().get(aigovApiRef);
  const name = entityName(entity);
  const ref = `${name.kind}:${name.namespace}/${name.name}`;
  const data = usePolledData<EntityHistoryResult>(
    () => (api ? loadEntityHistory(api, name) : Promise.resolve({ kind: 'absent' })),
    [api, ref],
    0,
  );
  return data;
}
