import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { AigovEntityScore } from '@aigov/backstage-plugin-common';
import { AigovClient } from './AigovClient';
import { loadTeamRanking, mapConcurrently } from './teamRanking';
import { FakeAigovBackend } from './testing/FakeAigovBackend';
import { GROUPS, entityScore, groupEntities, scorecardData } from './testing/fixtures';

function client(backend: FakeAigovBackend) {
  return new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
}

describe('loadTeamRanking', () => {
  it('ranks the owning groups and the groups above them by their rollup score', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const ranking = await loadTeamRanking(
      client(backend),
      catalogApiMock({ entities: groupEntities() }),
    );
    expect(
      ranking.teams.map((t) => [
        t.title,
        t.rollup.score,
        t.parent?.title,
        t.rollup.entities.length,
      ]),
    ).toEqual([
      ['ML Platform', 82, 'AI Division', 3],
      ['AI Division', 73, undefined, 5],
      ['Research', 59, 'AI Division', 2],
    ]);
    expect(ranking.kinds).toEqual(['Component', 'Resource']);
    expect(ranking.entities).toBe(6);
    expect(ranking.problems).toEqual([]);
    // One rollup per group; the user-owned service makes no team.
    expect(
      backend
        .requestsTo(/^\/teams\//)
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/teams/default/ai-division',
      '/teams/default/ml-platform',
      '/teams/default/research',
    ]);
  });

  it('reads every page of scores to find the owners', async () => {
    const data = scorecardData();
    const many: AigovEntityScore[] = Array.from({ length: 1203 }, (_, i) =>
      entityScore(`svc-${String(i).padStart(4, '0')}`, 50 + (i % 50), {
        owner: i === 1202 ? 'group:default/research' : 'group:default/ml-platform',
      }),
    );
    data.scores = many;
    const backend = new FakeAigovBackend(data);
    const ranking = await loadTeamRanking(
      client(backend),
      catalogApiMock({ entities: groupEntities() }),
    );
    expect(backend.requestsTo('/scores').map((r) => r.query.offset)).toEqual(['0', '500', '1000']);
    expect(ranking.entities).toBe(1203);
    expect(ranking.teams.map((t) => t.name).sort()).toEqual([
      'ai-division',
      'ml-platform',
      'research',
    ]);
  });

  it('follows spec.parent when the catalog has no relations yet, and stops at cycles', async () => {
    // research → ai-division → company → research…
    const groups = [
      ...GROUPS,
      { entityRef: 'group:default/company', title: 'Company', parent: 'group:default/research' },
    ];
    const entities = groupEntities(groups).map((e) => {
      const copy = { ...e, relations: [] };
      if (e.metadata.name === 'ai-division') copy.spec = { ...e.spec, parent: 'company' };
      return copy;
    });
    const backend = new FakeAigovBackend({ ...scorecardData(), groups });
    const ranking = await loadTeamRanking(client(backend), catalogApiMock({ entities }));
    expect(ranking.teams.map((t) => t.entityRef).sort()).toEqual([
      'group:default/ai-division',
      'group:default/company',
      'group:default/ml-platform',
      'group:default/research',
    ]);
    expect(ranking.teams.find((t) => t.name === 'ai-division')?.parent?.title).toBe('Company');
  });

  it('ranks only the owners, and says why, when the catalog cannot be read', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const catalog = catalogApiMock({ entities: groupEntities() });
    jest.spyOn(catalog, 'getEntitiesByRefs').mockRejectedValue(new Error('catalog is down'));
    const ranking = await loadTeamRanking(client(backend), catalog);
    expect(ranking.teams.map((t) => t.title)).toEqual(['ML Platform', 'Research']);
    expect(ranking.problems).toEqual([
      'Could not read the groups from the catalog, so teams are shown without the groups above them: catalog is down',
    ]);

    const withoutCatalog = await loadTeamRanking(client(backend), undefined);
    expect(withoutCatalog.teams.map((t) => t.name)).toEqual(['ml-platform', 'research']);
  });

  it('leaves out groups the backend does not know and names those that fail', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [
        { path: /^\/teams\/default\/research$/, status: 500, message: 'database is locked' },
      ],
    });
    const data = scorecardData();
    data.groups = data.groups.filter((g) => g.entityRef !== 'group:default/ai-division');
    backend.setData(data);
    const ranking = await loadTeamRanking(
      client(backend),
      catalogApiMock({ entities: groupEntities() }),
    );
    expect(ranking.teams.map((t) => t.title)).toEqual(['ML Platform']);
    expect(ranking.problems).toEqual([
      'Could not read some teams: group:default/research: database is locked (HTTP 500 Internal Server Error)',
    ]);
  });

  it('rejects when the scores cannot be read', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { readForbidden: true });
    await expect(loadTeamRanking(client(backend), undefined)).rejects.toThrow(
      'Request failed with 403 Forbidden',
    );
  });
});

describe('mapConcurrently', () => {
  it('keeps the order and never runs more than the limit at a time', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
