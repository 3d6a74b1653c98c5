export { ScorecardFilters } from './ScorecardFilters';
export type { ScorecardFiltersProps } from './ScorecardFilters';
export {
  NO_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  toScoreQuery,
} from './filters';
export type { ScorecardFilterValues } from './filters';
