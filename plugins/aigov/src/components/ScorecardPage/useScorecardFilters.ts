import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  type ScorecardFilterValues,
} from '../ScorecardFilters';

/**
 * The scorecard's filters, kept in the page's URL so that a filtered view can be shared and
 * survives a reload; changing them replaces the history entry instead of adding one per key.
 */
export function useScorecardFilters(): [
  ScorecardFilterValues,
  (filters: ScorecardFilterValues) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(key)), [key]);
  const setFilters = useCallback(
    (next: ScorecardFilterValues) => setParams(filtersToSearchParams(next), { replace: true }),
    [setParams],
  );
  return [filters, setFilters];
}
