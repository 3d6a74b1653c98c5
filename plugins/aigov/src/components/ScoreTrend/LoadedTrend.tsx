import type { DependencyList } from 'react';
import { Skeleton, Text } from '@backstage/ui';
import { aigovErrorMessage } from '../../api/errors';
import { usePolledData } from '../../hooks/usePolledData';
import { ScoreTrend } from './ScoreTrend';
import type { TrendPoint } from './ScoreTrend';

export interface LoadedTrendProps {
  /** Reads the points, oldest first. */
  load: () => Promise<TrendPoint[]>;
  /** Reload when these change. */
  deps: DependencyList;
  subject: string;
  unit?: 'scan' | 'day';
}

/** A sparkline that reads its own points: a placeholder while loading, a dash on failure. */
export function LoadedTrend({ load, deps, subject, unit = 'scan' }: LoadedTrendProps) {
  const { value, error, loading } = usePolledData(load, deps, 0);
  if (loading)
    return <Skeleton width={96} height={20} aria-label={`Loading the trend of ${subject}`} />;
  if (!value)
    return (
      <Text
        variant="body-x-small"
        color="secondary"
        title={`Could not read the trend: ${aigovErrorMessage(error)}`}
      >
        trend unavailable
      </Text>
    );
  return <ScoreTrend points={value} subject={subject} unit={unit} />;
}
