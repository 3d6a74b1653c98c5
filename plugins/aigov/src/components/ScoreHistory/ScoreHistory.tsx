import type { ReactNode } from 'react';
import type { AigovHistoryPoint } from '@aigov/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';
import { Alert, Button, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { aigovErrorMessage } from '../../api/errors';
import { GradeBadge } from '../GradeBadge';
import { plural, TABLE_CELL, TABLE_HEAD } from '../presentation';
import { ScoreTrend, formatDateTime, scanTrend } from '../ScoreTrend';
import { FindingCounts } from '../FindingCounts';
import { HISTORY_DAYS, useEntityScoreHistory } from './useEntityScoreHistory';

/** Scans listed under the chart, newest first. */
export const LAST_SCANS = 10;

function LastScans({ items }: { items: readonly AigovHistoryPoint[] }) {
  const newest = items.slice(-LAST_SCANS).reverse();
  return (
    <table
      aria-label="Last scans"
      style={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.875rem' }}
    >
      <thead>
        <tr>
          <th style={TABLE_HEAD}>Scanned</th>
          <th style={TABLE_HEAD}>Score</th>
          <th style={TABLE_HEAD}>Findings</th>
          <th style={TABLE_HEAD}>Checks failed</th>
          <th style={TABLE_HEAD}>Objects</th>
        </tr>
      </thead>
      <tbody>
        {newest.map((p) => (
          <tr key={p.time} data-testid="scan">
            <td style={TABLE_CELL}>{formatDateTime(p.time)}</td>
            <td style={TABLE_CELL}>
              <Flex align="center" gap="2">
                <GradeBadge grade={p.grade} score={p.score} />
                <span>{p.score}</span>
                {p.status === 'partial' && (
                  <Text variant="body-x-small" color="warning">
                    partial
                  </Text>
                )}
              </Flex>
            </td>
            <td style={TABLE_CELL}>
              <FindingCounts counts={p.counts} />
            </td>
            <td style={TABLE_CELL}>
              {p.failed} of {p.checks}
            </td>
            <td style={TABLE_CELL}>{p.objects}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ children, subtitle }: { children: ReactNode; subtitle?: string }) {
  return (
    <Card>
      <section aria-label="Score history">
        <CardHeader>
          <Flex direction="column" gap="1">
            <Text as="h2" variant="title-small">
              Score history
            </Text>
            {subtitle && (
              <Text variant="body-small" color="secondary">
                {subtitle}
              </Text>
            )}
          </Flex>
        </CardHeader>
        <CardBody>{children}</CardBody>
      </section>
    </Card>
  );
}

/**
 * The entity's scores as the aigov backend stored them on its scheduled scans: a chart of
 * the last {@link HISTORY_DAYS} days and the last scans. Renders nothing when the backend (or
 * the plugin's API) is not installed, so the tab works as before without it; nothing either
 * while it loads, so that it never flashes up in portals without the backend.
 */
export function ScoreHistory({ entity }: { entity: Entity }) {
  const { value, error, loading, retry } = useEntityScoreHistory(entity);
  const subject = entity.metadata.title ?? entity.metadata.name;
  // Nothing until the answer is in: without a backend the section never appears at all.
  if (loading) return null;
  if (!value)
    return (
      <Section>
        <Alert
          status="warning"
          icon
          title="Could not read the score history"
          description={aigovErrorMessage(error)}
          customActions={
            <Button size="small" variant="secondary" onPress={retry}>
              Retry
            </Button>
          }
        />
      </Section>
    );
  switch (value.kind) {
    case 'absent':
      return null;
    case 'forbidden':
      return (
        <Section>
          <Text variant="body-medium" color="secondary">
            You are not allowed to read the stored scores (permission aigov.scores.read).
          </Text>
        </Section>
      );
    case 'not-scanned':
      return (
        <Section>
          <Text variant="body-medium" color="secondary">
            The aigov backend has not stored a scan of this entity yet; it scores it on its next
            scheduled run.
          </Text>
        </Section>
      );
    default: {
      const items = value.history.items;
      return (
        <Section
          subtitle={`Stored by the aigov backend on its scheduled scans: ${plural(items.length, 'scan')} in the last ${HISTORY_DAYS} days.`}
        >
          {items.length === 0 ? (
            <Text variant="body-medium" color="secondary">
              No scan in the last {HISTORY_DAYS} days.
            </Text>
          ) : (
            <Flex direction="column" gap="3">
              <ScoreTrend points={scanTrend(items)} subject={subject} variant="chart" />
              <Text as="h3" variant="title-x-small">
                Last scans
              </Text>
              <LastScans items={items} />
            </Flex>
          )}
        </Section>
      );
    }
  }
}
