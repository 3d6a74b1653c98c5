import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AigovClient } from '../../api/AigovClient';
import { loadTeamRanking, type RankedTeam } from '../../api/teamRanking';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { groupEntities, scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { TeamRankingTable } from './TeamRankingTable';
import { must } from '../../testUtils/must';

async function rankedTeams(backend: FakeAigovBackend): Promise<RankedTeam[]> {
  const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
  return (await loadTeamRanking(api, catalogApiMock({ entities: groupEntities() }))).teams;
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Teams ranked by score' }))
    .getAllByRole('row')
    .slice(1);

describe('TeamRankingTable', () => {
  it('ranks the teams with score, grade, daily trend, services, findings and the lowest score', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const teams = await rankedTeams(backend);
    await renderWithAigov(<TeamRankingTable teams={teams} onSelect={jest.fn()} />, backend);

    expect(rows().map((r) => r.getAttribute('data-team'))).toEqual([
      'group:default/ml-platform',
      'group:default/ai-division',
      'group:default/research',
    ]);
    const [ml, division, research] = rows();
    expect(within(must(ml)).getByRole('cell', { name: '1' })).toBeInTheDocument();
    expect(within(must(ml)).getByRole('button', { name: 'ML Platform' })).toBeInTheDocument();
    expect(within(must(ml)).getByText('in AI Division')).toBeInTheDocument();
    expect(
      within(must(ml)).getByRole('img', { name: 'Grade B, score 82 of 100' }),
    ).toBeInTheDocument();
    expect(within(must(ml)).getByText('2 errors · 9 warnings · 8 info')).toBeInTheDocument();
    expect(within(must(ml)).getByText('Chat assistant (74)')).toBeInTheDocument();
    expect(within(must(division)).getByRole('cell', { name: '5' })).toBeInTheDocument();
    expect(
      within(must(research)).getByRole('img', { name: 'Grade F, score 59 of 100' }),
    ).toBeInTheDocument();

    // Each team's trend comes from its daily history.
    expect(
      await within(must(division)).findByRole('img', {
        name: /^Score trend of AI Division: 3 days from /,
      }),
    ).toHaveAttribute('data-points', '3');
    expect(
      await within(must(ml)).findByRole('img', { name: /^Score trend of ML Platform: 2 days/ }),
    ).toBeInTheDocument();
    expect(await within(must(research)).findByText('no history')).toBeInTheDocument();
    expect(backend.requestsTo('/teams/default/ml-platform/history')[0]?.query).toEqual({
      days: '30',
    });
  });

  it('selects a team, and all teams again on a second click', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const teams = await rankedTeams(backend);
    const onSelect = jest.fn();
    function Harness() {
      const [selected, setSelected] = useState<string>();
      return (
        <TeamRankingTable
          teams={teams}
          {...(selected ? { selected } : {})}
          onSelect={(team) => {
            onSelect(team);
            setSelected(team);
          }}
        />
      );
    }
    await renderWithAigov(<Harness />, backend);
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { pressed: true })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Research' }));
    expect(onSelect).toHaveBeenLastCalledWith('group:default/research');

    const selected = screen.getByRole('button', { name: 'Research', pressed: true });
    expect(selected.closest('tr')).toHaveAttribute('aria-current', 'true');
    await user.click(selected);
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByRole('button', { name: 'Research', pressed: false })).toBeInTheDocument();
  });

  it('shows a team whose trend cannot be read, and one without a score', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [{ path: /\/teams\/default\/ml-platform\/history$/, status: 500, message: 'boom' }],
    });
    const teams = await rankedTeams(backend);
    const empty: RankedTeam = {
      entityRef: 'group:default/new-team',
      namespace: 'default',
      name: 'new-team',
      title: 'New team',
      rollup: {
        group: { entityRef: 'group:default/new-team' },
        groups: [],
        score: null,
        grade: null,
        categories: {},
        counts: { error: 0, warning: 0, info: 0, suppressed: 0 },
        entities: [],
      },
    };
    await renderWithAigov(
      <TeamRankingTable teams={[...teams, empty]} onSelect={jest.fn()} />,
      backend,
    );
    const ml = must(rows()[0]);
    const unavailable = await within(ml).findByText('trend unavailable');
    expect(unavailable).toHaveAttribute(
      'title',
      'Could not read the trend: boom (HTTP 500 Internal Server Error)',
    );
    const last = must(rows()[3]);
    expect(within(last).getByText('not scored')).toBeInTheDocument();
    expect(within(last).getByText('no history')).toBeInTheDocument();
    // No score, nothing to ask for.
    expect(backend.requestsTo('/teams/default/new-team/history')).toEqual([]);
  });
});
