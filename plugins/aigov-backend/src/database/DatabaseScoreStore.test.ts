import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { entityInfo, finding, scan } from '../__testUtils__/scans';
import { DatabaseScoreStore } from './DatabaseScoreStore';
import { applyDatabaseMigrations } from './migrations';

const databases = createTestDatabases();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 10, 28, 12, 30);
const POLICY = { allMs: DAY, hourlyMs: 7 * DAY, dailyMs: 365 * DAY };

async function createStore(id: TestDatabaseId): Promise<{ knex: Knex; store: DatabaseScoreStore }> {
  const knex = await databases.init(id);
  await applyDatabaseMigrations(knex);
  return { knex, store: new DatabaseScoreStore(knex) };
}

describe.each(databases.eachSupportedId())('DatabaseScoreStore on %s', (databaseId) => {
  it('stores a scan and reads it back as the latest, with its findings and details', async () => {
    const { store } = await createStore(databaseId);
    const entity = entityInfo('llm-chat', { title: 'LLM chat', owner: 'group:default/ml' });
    const findings = [
      finding('gpu/limit-missing'),
      finding('gpu/shm-missing', { severity: 'warning' }),
    ];
    const id = await store.recordScan(
      entity,
      scan(7, 10, {
        status: 'partial',
        findings,
        counts: { error: 1, warning: 1, info: 0, suppressed: 0 },
        clusterErrors: [{ cluster: 'west', errorType: 'FETCH_ERROR', message: 'ECONNREFUSED' }],
      }),
      NOW,
    );
    expect(id).toBeGreaterThan(0);

    const latest = await store.getLatestScan('component:default/llm-chat');
    expect(latest).toMatchObject({
      entity,
      snapshotId: id,
      takenAt: NOW,
      score: 70,
      grade: 'C',
      status: 'partial',
      passedWeight: 7,
      totalWeight: 10,
      counts: { error: 1, warning: 1, info: 0, suppressed: 0 },
      categories: { gpu: { score: 70, grade: 'C', passed: 7, total: 10 } },
      clusters: [{ name: 'east', objects: 2 }],
      clusterErrors: [{ cluster: 'west', errorType: 'FETCH_ERROR', message: 'ECONNREFUSED' }],
      completeKinds: ['Deployment'],
    });
    expect(latest?.findings).toEqual(findings);
    expect(latest?.lastError).toBeUndefined();
    expect(await store.getLatestScan('component:default/other')).toBeUndefined();
  });

  it('keeps every scan in the history, oldest first, and shares unchanged findings', async () => {
    const { knex, store } = await createStore(databaseId);
    const entity = entityInfo('llm-chat');
    const same = [finding('gpu/limit-missing')];
    await store.recordScan(entity, scan(5, 10, { findings: same }), NOW - 2 * HOUR);
    await store.recordScan(entity, scan(6, 10, { findings: same }), NOW - HOUR);
    await store.recordScan(entity, scan(10, 10), NOW);

    const history = await store.getHistory(entity.entityRef, { limit: 100 });
    expect(history.map((h) => [h.takenAt, h.score])).toEqual([
      [NOW - 2 * HOUR, 50],
      [NOW - HOUR, 60],
      [NOW, 100],
    ]);
    const ranged = await store.getHistory(entity.entityRef, { from: NOW - HOUR, limit: 100 });
    expect(ranged.map((h) => h.score)).toEqual([60, 100]);
    const newest = await store.getHistory(entity.entityRef, { limit: 2 });
    expect(newest.map((h) => h.score)).toEqual([60, 100]);
    expect((await store.getLatestScan(entity.entityRef))?.score).toBe(100);

    const sets = await knex('aigov_finding_sets').count({ n: '*' }).first();
    expect(Number(sets?.n)).toBe(2); // one set for the two identical scans, one empty set
  });

  it('lists latest scores with filters, order and pages', async () => {
    const { store } = await createStore(databaseId);
    await store.recordScan(entityInfo('a-good', { owner: 'group:default/ml' }), scan(10, 10), NOW);
    await store.recordScan(entityInfo('b-bad', { owner: 'group:default/ml' }), scan(3, 10), NOW);
    await store.recordScan(
      entityInfo('c_mid', { owner: 'group:default/web', title: 'Web 100% cached' }),
      scan(8, 10, { status: 'partial' }),
      NOW - HOUR,
    );
    await store.recordScan(
      {
        entityRef: 'resource:ml/gpu-pool',
        kind: 'Resource',
        namespace: 'ml',
        name: 'gpu-pool',
        owner: 'group:default/ml',
      },
      scan(9, 10),
      NOW,
    );

    const names = async (filter: Parameters<DatabaseScoreStore['listScores']>[0]) =>
      (await store.listScores(filter)).items.map((i) => i.entity.name);

    expect(await names({})).toEqual(['b-bad', 'c_mid', 'gpu-pool', 'a-good']);
    expect(await names({ order: 'desc' })).toEqual(['a-good', 'gpu-pool', 'c_mid', 'b-bad']);
    expect(await names({ orderBy: 'name' })).toEqual(['a-good', 'b-bad', 'c_mid', 'gpu-pool']);
    expect(await names({ orderBy: 'scannedAt', order: 'asc' })).toEqual([
      'c_mid',
      'a-good',
      'b-bad',
      'gpu-pool',
    ]);
    expect(await names({ owners: ['group:default/ml'] })).toEqual(['b-bad', 'gpu-pool', 'a-good']);
    expect(await names({ kinds: ['resource'] })).toEqual(['gpu-pool']);
    expect(await names({ grades: ['A', 'F'] })).toEqual(['b-bad', 'gpu-pool', 'a-good']);
    expect(await names({ statuses: ['partial'] })).toEqual(['c_mid']);
    expect(await names({ q: 'GOOD' })).toEqual(['a-good']);
    expect(await names({ q: '100%' })).toEqual(['c_mid']);
    expect(await names({ q: '_' })).toEqual(['c_mid']);

    const page = await store.listScores({ orderBy: 'name', limit: 2, offset: 1 });
    expect(page.items.map((i) => i.entity.name)).toEqual(['b-bad', 'c_mid']);
    expect(page.totalItems).toBe(4);
    const filteredPage = await store.listScores({ owners: ['group:default/ml'], limit: 1 });
    expect(filteredPage.totalItems).toBe(3);
    expect(filteredPage.items).toHaveLength(1);
  });

  it('keeps the last scan when an attempt fails, and clears the error on the next scan', async () => {
    const { store } = await createStore(databaseId);
    const entity = entityInfo('llm-chat');
    await store.recordFailure(entity, 'Kubernetes backend down', NOW - 2 * HOUR);
    expect(await store.getEntity(entity.entityRef)).toMatchObject({
      scanned: false,
      lastError: { message: 'Kubernetes backend down', at: NOW - 2 * HOUR },
    });
    expect(await store.getLatestScan(entity.entityRef)).toBeUndefined();

    await store.recordScan(entity, scan(9, 10), NOW - HOUR);
    await store.recordFailure(entity, 'HTTP 500', NOW);
    const latest = await store.getLatestScan(entity.entityRef);
    expect(latest?.score).toBe(90);
    expect(latest?.lastError).toEqual({ message: 'HTTP 500', at: NOW });

    await store.recordScan(entity, scan(10, 10), NOW + HOUR);
    expect((await store.getLatestScan(entity.entityRef))?.lastError).toBeUndefined();
    expect(await store.countScoredEntities()).toBe(1);
  });

  it('forgets entities a run did not see, with their history', async () => {
    const { knex, store } = await createStore(databaseId);
    await store.recordScan(entityInfo('gone'), scan(5, 10), NOW - DAY);
    await store.recordScan(entityInfo('gone'), scan(6, 10), NOW - HOUR);
    await store.recordScan(entityInfo('kept'), scan(7, 10), NOW);
    expect(await store.removeEntitiesNotSeenSince(NOW)).toEqual(['component:default/gone']);
    expect(await store.getEntity('component:default/gone')).toBeUndefined();
    const left = await knex('aigov_snapshots').select('entity_ref');
    expect(left.map((r: { entity_ref: string }) => r.entity_ref)).toEqual([
      'component:default/kept',
    ]);
  });

  it('thins the history: all for a day, hourly for a week, daily for a year, keeping the latest', async () => {
    const { knex, store } = await createStore(databaseId);
    const entity = entityInfo('llm-chat');
    const old = entityInfo('old-only');
    // Three scans a day (06:00, 12:00, 18:00) from 400 days ago, then two an hour for the last
    // 8 days; the findings change daily.
    const times: number[] = [];
    const firstDay = Math.floor(NOW / DAY) - 400;
    for (let day = firstDay; (day + 1) * DAY < NOW - 8 * DAY; day++) {
      for (const hour of [6, 12, 18]) times.push(day * DAY + hour * HOUR);
    }
    for (let t = NOW - 8 * DAY; t <= NOW; t += 30 * 60_000) times.push(t);
    for (const t of times) {
      const day = Math.floor(t / DAY);
      await store.recordScan(entity, scan(day % 10, 10, { findings: [finding(`r/${day}`)] }), t);
    }
    // An entity scanned only long ago keeps its one scan.
    await store.recordScan(old, scan(4, 10), NOW - 500 * DAY);

    const result = await store.applyRetention(NOW, POLICY);
    const kept = (await store.getHistory(entity.entityRef, { limit: 100_000 })).map(
      (h) => h.takenAt,
    );
    const all = kept.filter((t) => t >= NOW - DAY);
    const recent = kept.filter((t) => t >= NOW - 7 * DAY && t < NOW - DAY);
    const daily = kept.filter((t) => t >= NOW - 365 * DAY && t < NOW - 7 * DAY);
    expect(kept.filter((t) => t < NOW - 365 * DAY)).toEqual([]);
    // every scan of the last day (two an hour), one per hour bucket in the rest of the week
    expect(all).toEqual(times.filter((t) => t >= NOW - DAY));
    expect(all).toHaveLength(49);
    expect(new Set(recent.map((t) => Math.floor(t / HOUR))).size).toBe(recent.length);
    expect(recent.length).toBeGreaterThanOrEqual(6 * 24);
    expect(recent.length).toBeLessThanOrEqual(6 * 24 + 1);
    // one per day before that, the last scan of each day
    expect(new Set(daily.map((t) => Math.floor(t / DAY))).size).toBe(daily.length);
    expect(daily.length).toBeGreaterThanOrEqual(357);
    expect(daily.length).toBeLessThanOrEqual(359);
    const fullDays = daily.filter((t) => t < NOW - 8 * DAY);
    for (const t of fullDays) expect(t % DAY).toBe(18 * HOUR);
    expect(kept[kept.length - 1]).toBe(NOW);

    expect((await store.getLatestScan(old.entityRef))?.takenAt).toBe(NOW - 500 * DAY);
    expect(result.snapshots).toBe(times.length - kept.length);

    // finding sets of deleted days are gone; those of kept scans remain readable
    const sets = Number((await knex('aigov_finding_sets').count({ n: '*' }).first())?.n);
    expect(sets).toBeLessThanOrEqual(367);
    expect(result.findingSets).toBeGreaterThan(0);
    expect((await store.getLatestScan(entity.entityRef))?.findings).toHaveLength(1);

    // idempotent
    expect((await store.applyRetention(NOW, POLICY)).snapshots).toBe(0);
  }, 120_000);

  it('keeps the last 200 runs', async () => {
    const { knex, store } = await createStore(databaseId);
    for (let i = 0; i < 205; i++) await store.startRun(NOW + i);
    expect((await store.applyRetention(NOW + 300, POLICY)).runs).toBe(5);
    const ids = (await knex('aigov_runs').select('id')).map((r: { id: number | string }) =>
      Number(r.id),
    );
    expect(ids).toHaveLength(200);
    expect(Math.min(...ids)).toBe(6);
    expect((await store.getLastRun())?.id).toBe(205);
  });

  it('records runs and returns the weights history of a set of entities', async () => {
    const { store } = await createStore(databaseId);
    expect(await store.getLastRun()).toBeUndefined();
    const runId = await store.startRun(NOW);
    expect(await store.getLastRun()).toEqual({
      id: runId,
      startedAt: new Date(NOW).toISOString(),
      entities: 0,
      scored: 0,
      partial: 0,
      failed: 0,
    });
    await store.finishRun(runId, NOW + 5000, { entities: 3, scored: 2, partial: 1, failed: 1 });
    expect(await store.getLastRun()).toMatchObject({
      finishedAt: new Date(NOW + 5000).toISOString(),
      entities: 3,
      scored: 2,
      failed: 1,
    });

    await store.recordScan(entityInfo('a'), scan(5, 10), NOW - DAY);
    await store.recordScan(entityInfo('a'), scan(6, 10), NOW);
    await store.recordScan(entityInfo('b'), scan(1, 4), NOW - HOUR);
    await store.recordScan(entityInfo('c'), scan(1, 4), NOW);
    const weights = await store.getWeightsHistory(
      ['component:default/a', 'component:default/b'],
      NOW - 2 * HOUR,
    );
    expect(weights).toEqual([
      { entityRef: 'component:default/b', takenAt: NOW - HOUR, passedWeight: 1, totalWeight: 4 },
      { entityRef: 'component:default/a', takenAt: NOW, passedWeight: 6, totalWeight: 10 },
    ]);
  });
});
