import type { AigovEntityScore } from '@aigov/backstage-plugin-common';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import { aigovApiRef } from '../../api/AigovApi';
import { GradeBadge } from '../GradeBadge';
import { SEVERITY_COLOR, TABLE_CELL, TABLE_HEAD } from '../presentation';
import { LoadedTrend, formatAge, formatDateTime, scanTrend } from '../ScoreTrend';
import { FindingCounts } from '../FindingCounts';
import { useEntityLink } from './useEntityLink';

/** Days of the services' trend. */
export const SERVICE_TREND_DAYS = 30;

export interface ServiceScoreTableProps {
  /** In the order to show (the backend's: worst first). */
  items: readonly AigovEntityScore[];
  /** The title of an owner (a team), when known. */
  ownerTitle?: (ownerRef: string) => string | undefined;
}

const cell = { ...TABLE_CELL, verticalAlign: 'middle' } as const;

export function displayName(s: AigovEntityScore): string {
  return s.title ?? s.name;
}

/** `ml-platform` for `group:default/ml-platform`; other namespaces and kinds stay visible. */
function shortRef(ref: string): string {
  return ref.replace(/^group:default\//, '').replace(/^group:/, '');
}

function ServiceTrend({ service }: { service: AigovEntityScore }) {
  const api = useApi(aigovApiRef);
  return (
    <LoadedTrend
      load={async () =>
        scanTrend(
          (
            await api.getEntityHistory(service, {
              from: new Date(Date.now() - SERVICE_TREND_DAYS * 86_400_000),
            })
          ).items,
        )
      }
      deps={[api, service.entityRef, service.scannedAt]}
      subject={displayName(service)}
    />
  );
}

/**
 * The services' latest stored scores: name (linking to the entity), owner, score and grade,
 * the trend of their scans over the last {@link SERVICE_TREND_DAYS} days, findings, and when
 * they were scanned (with the error of a later scan that failed).
 */
export function ServiceScoreTable({ items, ownerTitle }: ServiceScoreTableProps) {
  const entityLink = useEntityLink();
  return (
    <table
      aria-label="Services"
      style={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.875rem' }}
    >
      <thead>
        <tr>
          <th style={TABLE_HEAD}>Service</th>
          <th style={TABLE_HEAD}>Owner</th>
          <th style={TABLE_HEAD}>Score</th>
          <th style={TABLE_HEAD}>Trend ({SERVICE_TREND_DAYS} days)</th>
          <th style={TABLE_HEAD}>Findings</th>
          <th style={TABLE_HEAD}>Scanned</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.entityRef} data-entity={s.entityRef}>
            <td style={cell}>
              <Flex direction="column" gap="0.5">
                {entityLink ? (
                  <Link href={entityLink(s.entityRef)} variant="body-small" weight="bold">
                    {displayName(s)}
                  </Link>
                ) : (
                  <Text variant="body-small" weight="bold">
                    {displayName(s)}
                  </Text>
                )}
                <Text variant="body-x-small" color="secondary">
                  {s.kind}
                  {s.namespace !== 'default' ? ` · ${s.namespace}` : ''}
                </Text>
              </Flex>
            </td>
            <td style={cell}>{s.owner ? (ownerTitle?.(s.owner) ?? shortRef(s.owner)) : '—'}</td>
            <td style={cell}>
              <Flex align="center" gap="2">
                <GradeBadge grade={s.grade} score={s.score} />
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{s.score}</span>
                {s.status === 'partial' && (
                  <Text
                    variant="body-x-small"
                    color="warning"
                    title="Some objects could not be read; the score covers the rest."
                  >
                    partial
                  </Text>
                )}
              </Flex>
            </td>
            <td style={cell}>
              <ServiceTrend service={s} />
            </td>
            <td style={cell}>
              <FindingCounts counts={s.counts} />
            </td>
            <td style={cell}>
              <Flex direction="column" gap="0.5">
                <Text variant="body-small" title={formatDateTime(s.scannedAt)}>
                  {formatAge(s.scannedAt)}
                </Text>
                {s.lastError && (
                  <Text
                    variant="body-x-small"
                    style={{ color: SEVERITY_COLOR.warning }}
                    title={`${formatDateTime(s.lastError.at)}: ${s.lastError.message}`}
                  >
                    last scan failed: {s.lastError.message}
                  </Text>
                )}
              </Flex>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
