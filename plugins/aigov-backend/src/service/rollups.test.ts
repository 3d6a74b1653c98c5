import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseScoreStore } from '../database/DatabaseScoreStore';
import { createTestDatabases } from '../__testUtils__/databases';
import { entityInfo, scan } from '../__testUtils__/scans';
import { teamHistory, teamRollup } from './rollups';

const databases = createTestDatabases();
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 10, 28, 12);

async function store() {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations(knex);
  return new DatabaseScoreStore(knex);
}

const groups = [
  { entityRef: 'group:default/division', title: 'Division', depth: 0 },
  { entityRef: 'group:default/team-a', parent: 'group:default/division', depth: 1 },
  { entityRef: 'group:default/team-b', parent: 'group:default/division', depth: 1 },
];

describe('team rollups', () => {
  it('combine the weights of every owned entity, and show each group’s own', async () => {
    const s = await store();
    await s.recordScan(entityInfo('a1', { owner: 'group:default/team-a' }), scan(9, 10), NOW);
    await s.recordScan(entityInfo('a2', { owner: 'group:default/team-a' }), scan(1, 30), NOW);
    await s.recordScan(entityInfo('b1', { owner: 'group:default/team-b' }), scan(20, 20), NOW);
    await s.recordScan(entityInfo('other', { owner: 'group:default/elsewhere' }), scan(0, 10), NOW);

    const rollup = await teamRollup(s, groups);
    // (9 + 1 + 20) / (10 + 30 + 20) = 50%, not the mean of 90, 3 and 100
    expect(rollup).toMatchObject({
      group: { entityRef: 'group:default/division', title: 'Division' },
      score: 50,
      grade: 'F',
      categories: { gpu: { score: 50, grade: 'F' } },
    });
    expect(rollup.entities.map((e) => e.name)).toEqual(['a2', 'a1', 'b1']);
    expect(rollup.groups).toEqual([
      {
        entityRef: 'group:default/division',
        title: 'Division',
        depth: 0,
        score: null,
        grade: null,
        entities: 0,
      },
      {
        entityRef: 'group:default/team-a',
        parent: 'group:default/division',
        depth: 1,
        score: 25,
        grade: 'F',
        entities: 2,
      },
      {
        entityRef: 'group:default/team-b',
        parent: 'group:default/division',
        depth: 1,
        score: 100,
        grade: 'A',
        entities: 1,
      },
    ]);
  });

  it('are empty, not 100, for a team that owns nothing scored', async () => {
    const rollup = await teamRollup(await store(), groups);
    expect(rollup).toMatchObject({ score: null, grade: null, entities: [], categories: {} });
  });

  it('trend day by day with each entity’s latest scan so far', async () => {
    const s = await store();
    const a = entityInfo('a', { owner: 'group:default/team-a' });
    const b = entityInfo('b', { owner: 'group:default/team-b' });
    await s.recordScan(a, scan(2, 10), NOW - 3 * DAY);
    await s.recordScan(a, scan(4, 10), NOW - 3 * DAY + 3_600_000); // later the same day: wins
    await s.recordScan(b, scan(10, 10), NOW - 2 * DAY);
    await s.recordScan(a, scan(10, 10), NOW);
    const refs = [a.entityRef, b.entityRef];
    expect(await teamHistory(s, refs, NOW - 5 * DAY, NOW)).toEqual([
      { date: '2025-11-25', score: 40, grade: 'F', entities: 1 },
      { date: '2025-11-26', score: 70, grade: 'C', entities: 2 },
      { date: '2025-11-27', score: 70, grade: 'C', entities: 2 },
      { date: '2025-11-28', score: 100, grade: 'A', entities: 2 },
    ]);
    expect(await teamHistory(s, [], NOW - 5 * DAY, NOW)).toEqual([]);
  });
});
