import {
  AIGOV_GRADES,
  type AigovGrade,
  type AigovScoreQuery,
} from '@aigov/backstage-plugin-common';

/** The scorecard's filters; empty means all. */
export interface ScorecardFilterValues {
  /** A group ref: the team's services and those of the groups under it. */
  team?: string;
  grades: AigovGrade[];
  kind?: string;
  /** Part of a service's name or title. */
  q: string;
}

export const NO_FILTERS: ScorecardFilterValues = { grades: [], q: '' };

/** The `GET /scores` and `GET /export.csv` query for the filters. */
export function toScoreQuery(filters: ScorecardFilterValues): AigovScoreQuery {
  return {
    ...(filters.team ? { team: filters.team } : {}),
    ...(filters.grades.length > 0 ? { grade: filters.grades } : {}),
    ...(filters.kind ? { kind: [filters.kind] } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  };
}

/** The filters from the page's URL (`?team=group:default/ml&grade=D,F&kind=Component&q=chat`). */
export function filtersFromSearchParams(params: URLSearchParams): ScorecardFilterValues {
  const grades = (params.get('grade') ?? '')
    .split(',')
    .map((g) => g.trim().toUpperCase())
    .filter((g): g is AigovGrade => (AIGOV_GRADES as readonly string[]).includes(g));
  const team = params.get('team') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  return {
    ...(team ? { team } : {}),
    grades: AIGOV_GRADES.filter((g) => grades.includes(g)),
    ...(kind ? { kind } : {}),
    q: params.get('q') ?? '',
  };
}

/** The URL parameters for the filters, leaving out the empty ones. */
export function filtersToSearchParams(filters: ScorecardFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.team) params.set('team', filters.team);
  if (filters.grades.length > 0) params.set('grade', filters.grades.join(','));
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.q) params.set('q', filters.q);
  return params;
}
