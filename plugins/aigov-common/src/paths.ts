import type { AigovGrade, AigovScanStatus } from './types';

/** The backend plugin's id: its routes are under `discoveryApi.getBaseUrl('aigov')`. @public */
export const AIGOV_PLUGIN_ID = 'aigov';

/** `kind`, `namespace` and `name` of a catalog entity. @public */
export interface AigovEntityName {
  kind: string;
  namespace: string;
  name: string;
}

/** @public */
export type AigovScoreOrderBy = 'score' | 'name' | 'scannedAt';

/** @public */
export const AIGOV_SCORE_ORDER_BY: readonly AigovScoreOrderBy[] = ['score', 'name', 'scannedAt'];

/** Filters of `GET /scores` and `GET /export.csv`; all optional, combined with AND. @public */
export interface AigovScoreQuery {
  /** Owner entity refs (any of). `ml-platform` means `group:default/ml-platform`. */
  owner?: string[];
  /** A group ref: entities owned by the group or any group nested under it. */
  team?: string;
  /** Entity kinds (any of), e.g. `component`, `resource`. Case-insensitive. */
  kind?: string[];
  grade?: AigovGrade[];
  status?: AigovScanStatus[];
  /** Substring of the entity's name or title, case-insensitive. */
  q?: string;
  /** Default `score` (worst first with the default order). */
  orderBy?: AigovScoreOrderBy;
  /** Default `asc`. Ties are broken by entity ref. */
  order?: 'asc' | 'desc';
  /** 1–500, default 50. Not used by the CSV export. */
  limit?: number;
  /** Default 0. Not used by the CSV export. */
  offset?: number;
}

/** @public */
export const AIGOV_DEFAULT_PAGE_SIZE = 50;
/** @public */
export const AIGOV_MAX_PAGE_SIZE = 500;

function segment(value: string): string {
  return encodeURIComponent(value);
}

function entityPath({ kind, namespace, name }: AigovEntityName): string {
  return `/scores/${segment(kind)}/${segment(namespace)}/${segment(name)}`;
}

/**
 * Paths of the aigov backend's routes, relative to its base URL. Each is documented in the
 * backend's README with its parameters and response.
 *
 * @public
 */
export const aigovApiPaths = {
  /** `GET` → `AigovScoreListResponse` */
  scores: '/scores',
  /** `GET` → `AigovEntityScoreDetail` */
  entityScore: (entity: AigovEntityName) => entityPath(entity),
  /** `GET ?from=&to=` → `AigovEntityHistoryResponse` */
  entityHistory: (entity: AigovEntityName) => `${entityPath(entity)}/history`,
  /** `POST` → `AigovEntityScoreDetail` (rescans now) */
  entityRefresh: (entity: AigovEntityName) => `${entityPath(entity)}/refresh`,
  /** `GET` → `AigovTeamRollup` */
  team: (group: { namespace: string; name: string }) =>
    `/teams/${segment(group.namespace)}/${segment(group.name)}`,
  /** `GET ?days=` → `AigovTeamHistoryResponse` */
  teamHistory: (group: { namespace: string; name: string }) =>
    `/teams/${segment(group.namespace)}/${segment(group.name)}/history`,
  /** `GET` → `text/csv` */
  exportCsv: '/export.csv',
  /** `POST` → 202 `AigovRefreshResponse` */
  refresh: '/refresh',
  /** `GET` → `AigovStatusResponse` */
  status: '/status',
} as const;

/**
 * The query string of `GET /scores` and `GET /export.csv` for the given filters
 * (lists are comma-separated), without the leading `?`.
 *
 * @public
 */
export function aigovScoreQueryString(query: AigovScoreQuery): string {
  const params = new URLSearchParams();
  const list = (key: string, values?: readonly string[]) => {
    if (values && values.length > 0) params.set(key, values.join(','));
  };
  list('owner', query.owner);
  if (query.team) params.set('team', query.team);
  list('kind', query.kind);
  list('grade', query.grade);
  list('status', query.status);
  if (query.q) params.set('q', query.q);
  if (query.orderBy) params.set('orderBy', query.orderBy);
  if (query.order) params.set('order', query.order);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  return params.toString();
}
