import { useCallback, useMemo, useState } from 'react';
import type { AigovRun, AigovStatusResponse } from '@aigov/backstage-plugin-common';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Link,
  Skeleton,
  Text,
} from '@backstage/ui';
import { aigovApiRef } from '../../api/AigovApi';
import { aigovErrorMessage, aigovProblemOf } from '../../api/errors';
import { loadTeamRanking } from '../../api/teamRanking';
import { usePolledData } from '../../hooks/usePolledData';
import { CsvDownloadButton } from '../CsvDownloadButton';
import { RescanButton } from '../RescanButton';
import { ScorecardFilters, toScoreQuery, type ScorecardFilterValues } from '../ScorecardFilters';
import { ServiceScoreTable } from '../ScorecardServices';
import { formatAge, formatDateTime } from '../ScoreTrend';
import { TeamRankingTable } from '../TeamScorecard';
import { WorstFindings } from '../WorstFindings';
import { ScorecardMessage } from './ScorecardMessage';
import { useScorecardFilters } from './useScorecardFilters';
import { plural } from '../presentation';

/** Where the docs say how to install the backend plugin. */
export const AIGOV_BACKEND_DOCS_URL =
  'https://github.com/aigov-dev/aigov/blob/main/docs/backstage.md#the-backend';

/** Services per page of the table. */
export const SERVICES_PAGE_SIZE = 25;

function Loading({ what }: { what: string }) {
  return (
    <Flex direction="column" gap="2" aria-busy="true">
      <Text variant="body-small" color="secondary">
        {what}
      </Text>
      <Skeleton width="100%" height={96} />
    </Flex>
  );
}

function Failure({ title, error, onRetry }: { title: string; error?: Error; onRetry: () => void }) {
  return (
    <Alert
      status="danger"
      icon
      title={title}
      description={aigovErrorMessage(error)}
      customActions={
        <Button size="small" variant="secondary" onPress={onRetry}>
          Retry
        </Button>
      }
    />
  );
}

/** `Last run finished 10 minutes ago: 6 scored, 1 partial, 0 failed.` */
function describeRun(run: AigovRun | undefined): string {
  if (!run) return 'The scoring task has not run yet.';
  if (!run.finishedAt) return `A run is in progress (started ${formatAge(run.startedAt)}).`;
  const counts = `${run.scored} scored, ${run.partial} partial, ${run.failed} failed`;
  return `Last run finished ${formatAge(run.finishedAt)}: ${counts}.`;
}

function RunSummary({ status }: { status: AigovStatusResponse }) {
  const run = status.lastRun;
  return (
    <Flex direction="column" gap="1">
      <Text
        variant="body-medium"
        title={run?.finishedAt ? formatDateTime(run.finishedAt) : undefined}
      >
        {plural(status.scoredEntities, 'service')} scored. {describeRun(run)}
      </Text>
      {run?.error && (
        <Text variant="body-small" color="warning">
          The last run stopped early: {run.error}
        </Text>
      )}
    </Flex>
  );
}

function NotInstalled() {
  return (
    <ScorecardMessage
      title="The aigov backend is not installed"
      action={
        <Link href={AIGOV_BACKEND_DOCS_URL} target="_blank" rel="noopener noreferrer">
          How to install the aigov backend
        </Link>
      }
    >
      The scorecard shows the scores that the aigov backend plugin (@aigov/backstage-plugin-backend)
      stores on its scheduled scans, and this portal&apos;s backend does not answer at /api/aigov
      (HTTP 404). Add it to the backend with{' '}
      <code>backend.add(import(&apos;@aigov/backstage-plugin-backend&apos;))</code>. The AI
      Compliance tab on each entity works without it.
    </ScorecardMessage>
  );
}

function NoScores({ status, onReload }: { status: AigovStatusResponse; onReload: () => void }) {
  const run = status.lastRun;
  let why: string;
  if (!run)
    why =
      'The aigov backend has not finished a run yet. The first one starts shortly after the backend starts (aigov.schedule.initialDelay), then on the schedule.';
  else if (!run.finishedAt)
    why = `A run is in progress (started ${formatAge(run.startedAt)}); the scores appear when it finishes.`;
  else if (run.error) why = `The last run stopped early: ${run.error}`;
  else if (run.entities === 0)
    why =
      'The last run found no catalog entity with the backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation.';
  else
    why = `The last run found ${plural(run.entities, 'entity')} but could not score any (${run.failed} failed): see the backend's log.`;
  return (
    <ScorecardMessage
      title="No scores yet"
      action={<RescanButton {...(run ? { lastRun: run } : {})} onFinished={onReload} />}
    >
      {why}
    </ScorecardMessage>
  );
}

function Scorecard({
  status,
  reloadKey,
  onReload,
}: {
  status: AigovStatusResponse;
  reloadKey: number;
  onReload: () => void;
}) {
  const api = useApi(aigovApiRef);
  const catalogApi = useApiHolder().get(catalogApiRef);
  const [filters, setFiltersInUrl] = useScorecardFilters();
  const [offset, setOffset] = useState(0);
  const setFilters = useCallback(
    (next: ScorecardFilterValues) => {
      setOffset(0);
      setFiltersInUrl(next);
    },
    [setFiltersInUrl],
  );

  const ranking = usePolledData(
    () => loadTeamRanking(api, catalogApi),
    [api, catalogApi, reloadKey],
    0,
  );
  const query = useMemo(() => toScoreQuery(filters), [filters]);
  const queryKey = JSON.stringify(query);
  const services = usePolledData(
    () => api.getScores({ ...query, limit: SERVICES_PAGE_SIZE, offset }),
    [api, queryKey, offset, reloadKey],
    0,
  );

  const teams = ranking.value?.teams ?? [];
  const titles = useMemo(() => new Map(teams.map((t) => [t.entityRef, t.title] as const)), [teams]);
  const selectedTeam = filters.team ? (titles.get(filters.team) ?? filters.team) : undefined;
  const page = services.value;

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center" gap="3" style={{ flexWrap: 'wrap' }}>
        <RunSummary status={status} />
        <RescanButton
          {...(status.lastRun ? { lastRun: status.lastRun } : {})}
          onFinished={onReload}
        />
      </Flex>

      <Card>
        <CardHeader>
          <Text as="h2" variant="title-small">
            Teams
          </Text>
          <Text variant="body-small" color="secondary">
            The catalog groups that own scored services and the groups above them, best score first.
            A team&apos;s score covers its services and those of the groups under it.
          </Text>
        </CardHeader>
        <CardBody>
          {ranking.loading ? (
            <Loading what="Reading the teams…" />
          ) : !ranking.value ? (
            <Failure
              title="Could not read the teams"
              error={ranking.error}
              onRetry={ranking.retry}
            />
          ) : (
            <Flex direction="column" gap="3">
              {ranking.value.problems.map((p) => (
                <Alert key={p} status="warning" icon title={p} />
              ))}
              {teams.length === 0 ? (
                <Text variant="body-medium" color="secondary">
                  No scored service is owned by a group of the catalog; the services are listed
                  below.
                </Text>
              ) : (
                <TeamRankingTable
                  teams={teams}
                  {...(filters.team ? { selected: filters.team } : {})}
                  onSelect={(team) => setFilters({ ...filters, team })}
                />
              )}
            </Flex>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <Flex direction="column" gap="3">
            <Flex justify="between" align="center" gap="3" style={{ flexWrap: 'wrap' }}>
              <Text as="h2" variant="title-small">
                {selectedTeam ? `Services of ${selectedTeam}` : 'Services'}
                {page ? ` (${page.totalItems})` : ''}
              </Text>
              <CsvDownloadButton query={query} />
            </Flex>
            <ScorecardFilters
              value={filters}
              onChange={setFilters}
              teams={[...teams]
                .sort((a, b) => a.title.localeCompare(b.title))
                .map((t) => ({
                  entityRef: t.entityRef,
                  title: t.title,
                  ...(t.parent ? { parentTitle: t.parent.title } : {}),
                }))}
              kinds={ranking.value?.kinds ?? []}
            />
          </Flex>
        </CardHeader>
        <CardBody>
          {services.loading ? (
            <Loading what="Reading the services…" />
          ) : !page ? (
            <Failure
              title="Could not read the services"
              error={services.error}
              onRetry={services.retry}
            />
          ) : page.items.length === 0 ? (
            <Text variant="body-medium" color="secondary">
              No service matches the filters.
            </Text>
          ) : (
            <Flex direction="column" gap="3">
              <ServiceScoreTable items={page.items} ownerTitle={(ref) => titles.get(ref)} />
              {page.totalItems > SERVICES_PAGE_SIZE && (
                <Flex align="center" gap="3" justify="end">
                  <Text variant="body-small" color="secondary">
                    {offset + 1}–{offset + page.items.length} of {page.totalItems}
                  </Text>
                  <Button
                    size="small"
                    variant="secondary"
                    isDisabled={offset === 0}
                    onPress={() => setOffset(Math.max(0, offset - SERVICES_PAGE_SIZE))}
                  >
                    Previous
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    isDisabled={offset + SERVICES_PAGE_SIZE >= page.totalItems}
                    onPress={() => setOffset(offset + SERVICES_PAGE_SIZE)}
                  >
                    Next
                  </Button>
                </Flex>
              )}
            </Flex>
          )}
        </CardBody>
      </Card>

      {page && page.items.length > 0 && (
        <Card>
          <CardHeader>
            <Text as="h2" variant="title-small">
              Worst findings
            </Text>
            <Text variant="body-small" color="secondary">
              The most severe open findings of the lowest-scored services on this page.
            </Text>
          </CardHeader>
          <CardBody>
            <WorstFindings services={page.items} />
          </CardBody>
        </Card>
      )}
    </Flex>
  );
}

/**
 * The scorecard: teams ranked by score, their services with score, grade and trend, the worst
 * findings, filters, a CSV export and a rescan, all read from the aigov backend. When the
 * backend is not installed, refuses the user, or has no scores yet, it says so instead.
 */
export function AigovScorecard() {
  const api = useApi(aigovApiRef);
  // A finished rescan reloads the status in place and the tables below it.
  const [reloadKey, setReloadKey] = useState(0);
  const status = usePolledData(() => api.getStatus(), [api], 0);
  const { retry } = status;
  const reload = useCallback(() => {
    retry();
    setReloadKey((n) => n + 1);
  }, [retry]);

  if (status.loading) return <Loading what="Reading the scores from the aigov backend…" />;
  if (!status.value) {
    switch (aigovProblemOf(status.error)) {
      case 'not-found':
        return <NotInstalled />;
      case 'forbidden':
        return (
          <ScorecardMessage title="You are not allowed to see the aigov scores">
            Reading the scores needs the aigov.scores.read permission; ask the administrators of
            this portal. ({aigovErrorMessage(status.error)})
          </ScorecardMessage>
        );
      case 'unauthorized':
        return (
          <ScorecardMessage title="Sign in to see the aigov scores">
            The aigov backend did not accept the credentials of this session (HTTP 401). Sign in
            again and reload the page.
          </ScorecardMessage>
        );
      default:
        return (
          <Failure
            title="Could not read the scores from the aigov backend"
            error={status.error}
            onRetry={status.retry}
          />
        );
    }
  }
  if (status.value.scoredEntities === 0)
    return <NoScores status={status.value} onReload={reload} />;
  return <Scorecard status={status.value} reloadKey={reloadKey} onReload={reload} />;
}
