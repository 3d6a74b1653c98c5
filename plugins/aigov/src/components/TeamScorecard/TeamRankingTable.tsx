import { useApi } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';
import { aigovApiRef } from '../../api/AigovApi';
import type { RankedTeam } from '../../api/teamRanking';
import { GradeBadge } from '../GradeBadge';
import { FindingCounts } from '../FindingCounts';
import { MUTED_BG, TABLE_CELL, TABLE_HEAD } from '../presentation';
import { LoadedTrend, dailyTrend } from '../ScoreTrend';

/** Days of the teams' trend. */
export const TEAM_TREND_DAYS = 30;

export interface TeamRankingTableProps {
  /** Best first, as {@link loadTeamRanking} ranks them. */
  teams: readonly RankedTeam[];
  /** The team whose services are shown below. */
  selected?: string;
  /** A team was picked (again: `undefined`, all teams). */
  onSelect: (entityRef: string | undefined) => void;
}

const cell = { ...TABLE_CELL, verticalAlign: 'middle' } as const;

function TeamTrend({ team }: { team: RankedTeam }) {
  const api = useApi(aigovApiRef);
  return (
    <LoadedTrend
      load={async () =>
        dailyTrend(
          (
            await api.getTeamHistory(
              { namespace: team.namespace, name: team.name },
              { days: TEAM_TREND_DAYS },
            )
          ).items,
        )
      }
      deps={[api, team.entityRef]}
      subject={team.title}
      unit="day"
    />
  );
}

/**
 * Teams ranked by score: each group's rollup over its own services and those of the groups
 * nested under it, the daily trend of the last {@link TEAM_TREND_DAYS} days, the number of
 * services, the findings and the lowest-scored service. Picking a team filters the services.
 */
export function TeamRankingTable({ teams, selected, onSelect }: TeamRankingTableProps) {
  return (
    <table
      aria-label="Teams ranked by score"
      style={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.875rem' }}
    >
      <thead>
        <tr>
          <th style={TABLE_HEAD}>#</th>
          <th style={TABLE_HEAD}>Team</th>
          <th style={TABLE_HEAD}>Score</th>
          <th style={TABLE_HEAD}>Trend ({TEAM_TREND_DAYS} days)</th>
          <th style={TABLE_HEAD}>Services</th>
          <th style={TABLE_HEAD}>Findings</th>
          <th style={TABLE_HEAD}>Lowest score</th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team, i) => {
          const { rollup } = team;
          const isSelected = team.entityRef === selected;
          const worst = rollup.entities[0];
          return (
            <tr
              key={team.entityRef}
              data-team={team.entityRef}
              aria-current={isSelected ? 'true' : undefined}
              style={isSelected ? { background: MUTED_BG } : undefined}
            >
              <td style={cell}>{i + 1}</td>
              <td style={cell}>
                <Flex direction="column" gap="0.5">
                  <button
                    type="button"
                    aria-pressed={isSelected}
                    title={isSelected ? 'Show all teams' : `Show the services of ${team.title}`}
                    onClick={() => onSelect(isSelected ? undefined : team.entityRef)}
                    style={{
                      all: 'unset',
                      cursor: 'pointer',
                      fontWeight: 600,
                      color: 'var(--bui-fg-link, #1f5493)',
                      textDecoration: isSelected ? 'underline' : 'none',
                    }}
                  >
                    {team.title}
                  </button>
                  {team.parent && (
                    <Text variant="body-x-small" color="secondary">
                      in {team.parent.title}
                    </Text>
                  )}
                </Flex>
              </td>
              <td style={cell}>
                {rollup.score !== null && rollup.grade !== null ? (
                  <Flex align="center" gap="2">
                    <GradeBadge grade={rollup.grade} score={rollup.score} />
                    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{rollup.score}</span>
                  </Flex>
                ) : (
                  <Text variant="body-small" color="secondary">
                    not scored
                  </Text>
                )}
              </td>
              <td style={cell}>
                {rollup.score === null ? (
                  <Text variant="body-x-small" color="secondary">
                    no history
                  </Text>
                ) : (
                  <TeamTrend team={team} />
                )}
              </td>
              <td style={cell}>{rollup.entities.length}</td>
              <td style={cell}>
                <FindingCounts counts={rollup.counts} />
              </td>
              <td style={cell}>
                {worst ? (
                  <Text variant="body-small">
                    {worst.title ?? worst.name} ({worst.score})
                  </Text>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
