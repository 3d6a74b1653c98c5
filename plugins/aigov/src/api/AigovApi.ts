import type {
  AigovEntityHistoryResponse,
  AigovEntityName,
  AigovEntityScoreDetail,
  AigovRefreshResponse,
  AigovScoreListResponse,
  AigovScoreQuery,
  AigovStatusResponse,
  AigovTeamHistoryResponse,
  AigovTeamRollup,
} from '@aigov/backstage-plugin-common';
import { createApiRef } from '@backstage/core-plugin-api';

/** A catalog group, by namespace and name. @public */
export interface AigovGroupName {
  namespace: string;
  name: string;
}

/** The range of `getEntityHistory`. @public */
export interface AigovHistoryOptions {
  /** Oldest scan to include (inclusive). */
  from?: Date;
  /** Newest scan to include (inclusive). */
  to?: Date;
  /** At most this many scans, the newest in the range (backend default 2,000). */
  limit?: number;
}

/**
 * The aigov backend's REST API (`/api/aigov`, `@aigov/backstage-plugin-backend`).
 *
 * Failed requests reject with a `ResponseError` of `@backstage/errors` (its `statusCode` and the
 * backend's error in `cause`): 404 from `getStatus` means the backend plugin is not installed,
 * 403 that the user lacks `aigov.scores.read` (or `aigov.scores.refresh` for the rescans).
 * An answer that is not the expected JSON rejects with an {@link AigovResponseFormatError}.
 *
 * @public
 */
export interface AigovApi {
  /** The last run of the scoring task and how many entities have scores. */
  getStatus(): Promise<AigovStatusResponse>;
  /** Latest scores, filtered and paged (worst first by default). */
  getScores(query?: AigovScoreQuery): Promise<AigovScoreListResponse>;
  /** An entity's latest scan, with its findings. */
  getEntityScore(entity: AigovEntityName): Promise<AigovEntityScoreDetail>;
  /** An entity's scans, oldest first. */
  getEntityHistory(
    entity: AigovEntityName,
    options?: AigovHistoryOptions,
  ): Promise<AigovEntityHistoryResponse>;
  /** A group with its nested groups and the scored entities they own. */
  getTeam(group: AigovGroupName): Promise<AigovTeamRollup>;
  /** One point per day of a group's combined score, oldest first. */
  getTeamHistory(
    group: AigovGroupName,
    options?: { days?: number },
  ): Promise<AigovTeamHistoryResponse>;
  /** The scores matching the filters as CSV (`limit` and `offset` are ignored). */
  exportCsv(query?: AigovScoreQuery): Promise<Blob>;
  /** Asks the backend to run the scoring task for every entity as soon as possible. */
  refreshAll(): Promise<AigovRefreshResponse>;
  /** Rescans one entity now and answers its new scan. */
  refreshEntity(entity: AigovEntityName): Promise<AigovEntityScoreDetail>;
}

/**
 * The aigov backend client; the plugin registers {@link AigovClient} for it in both frontend
 * systems.
 *
 * @public
 */
export const aigovApiRef = createApiRef<AigovApi>({ id: 'plugin.aigov.service' });

/**
 * The aigov backend answered with something that is not what its API returns (HTML from a
 * proxy, a truncated body, another service on the path).
 *
 * @public
 */
export class AigovResponseFormatError extends Error {
  override name = 'AigovResponseFormatError';
}
