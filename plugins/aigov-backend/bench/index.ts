/**
 * Benchmarks of the aigov backend (`npm run bench -w @aigov/backstage-plugin-backend`):
 *
 * 1. scoring cycles over 1,000 entities: the real Kubernetes backend against the demo cluster
 *    (1,000 services' objects), the rules core, and the database; then the same work in
 *    parts: reading the objects through the Kubernetes backend, evaluating them, storing;
 * 2. reading one entity's history of a year (365 daily + 144 hourly + 48 scans of the last
 *    day) among 1,000 entities with as much, through the REST API and from the store, and a
 *    retention pass over all of it;
 * 3. the list, team rollup and CSV routes over the 1,000 entities.
 *
 * Runs on SQLite (in memory, Backstage's default) and on PostgreSQL when its binaries are
 * installed. Prints times; asserts nothing.
 */
import {
  DEMO_CATALOG,
  demoCatalogEntities,
  demoObjects,
  startDemoCluster,
  type DemoCluster,
  type KubeObject,
} from '@aigov/demo-cluster';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { CLUSTER_TOKEN, startAigovTestBackend } from '../src/__testUtils__/backend';
import { withRelations } from '../src/__testUtils__/catalog';
import { startPostgres } from '../src/__testUtils__/postgres';
import { entityInfo } from '../src/__testUtils__/scans';
import { readAigovConfig } from '../src/config';
import { DatabaseScoreStore } from '../src/database/DatabaseScoreStore';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { KubernetesBackendClient } from '../src/kubernetes/KubernetesBackendClient';
import { forEachConcurrently } from '../src/scoring/ScoringTask';
import {
  scoreLiveObjects,
  type EntityScan,
  type LiveObjects,
} from '../src/scoring/scoreLiveObjects';

const ENTITIES = Number(process.env.AIGOV_BENCH_ENTITIES ?? 1000);
const CYCLES = Number(process.env.AIGOV_BENCH_CYCLES ?? 2);
const HISTORY_READS = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LABEL = 'backstage.io/kubernetes-id';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** The demo services' objects, copied `count` times under new names, labels and uids. */
function scaledCluster(count: number): { objects: KubeObject[]; entities: Entity[] } {
  const base = demoObjects();
  const shared = base.filter((o) => !o.metadata?.labels?.[LABEL]);
  const objects: KubeObject[] = [...shared];
  const components: object[] = [];
  const demo = demoCatalogEntities();
  for (let i = 0; i < count; i++) {
    const service = DEMO_CATALOG.services[i % DEMO_CATALOG.services.length];
    if (!service) continue;
    const name = `${service.name}-${i}`;
    let text = JSON.stringify(base.filter((o) => o.metadata?.labels?.[LABEL] === service.name));
    text = text
      .replaceAll(`"${service.name}`, `"${name}`)
      .replaceAll(`=${service.name}`, `=${name}`);
    text = text.replace(/("uid":"[0-9a-f-]+)"/g, `$1-${i}"`);
    objects.push(...(JSON.parse(text) as KubeObject[]));
    const component = demo.find((e) => e.kind === 'Component' && e.metadata.name === service.name);
    components.push({
      ...component,
      metadata: {
        ...component?.metadata,
        name,
        title: `${service.title} ${i}`,
        annotations: { [LABEL]: name, 'backstage.io/kubernetes-namespace': service.namespace },
      },
    });
  }
  const groups = demo.filter((e) => e.kind === 'Group');
  return { objects, entities: withRelations([...groups, ...components]) };
}

/**
 * A year of history for every entity already scored (365 daily, 144 hourly, 48 scans of the
 * last day each), written straight into the table: as many rows as a year of hourly runs leaves
 * after retention, without a year of runs.
 */
async function seedYearOfHistory(knex: Knex, now: number): Promise<number> {
  const latest: { entity_ref: string; findings_hash: string }[] = await knex('aigov_entities as e')
    .join('aigov_snapshots as s', 's.id', 'e.latest_snapshot_id')
    .select('e.entity_ref', 's.findings_hash');
  const times: number[] = [];
  for (let d = 365; d >= 7; d--) times.push(now - d * DAY);
  for (let h = 7 * 24; h > 24; h--) times.push(now - h * HOUR);
  for (let m = 24 * 60; m > 0; m -= 30) times.push(now - m * 60_000);
  let rows = 0;
  for (const { entity_ref, findings_hash } of latest) {
    const batch = times.map((t, i) => ({
      entity_ref,
      taken_at: t,
      score: 50 + (i % 50),
      grade: 'F',
      status: 'ok',
      passed_weight: 50 + (i % 50),
      total_weight: 100,
      checks: 40,
      failed: 10,
      objects: 3,
      errors: 2,
      warnings: 5,
      infos: 3,
      suppressed: 0,
      categories: '{"gpu":{"score":80,"grade":"B","passed":8,"total":10}}',
      details: '{"clusters":[],"clusterErrors":[],"completeKinds":[]}',
      findings_hash,
    }));
    await knex.batchInsert('aigov_snapshots', batch, 200);
    rows += batch.length;
  }
  return rows;
}

/** Reading, evaluating and storing timed apart, at the plugin's default concurrency. */
async function breakdown(port: number, entities: Entity[], knex: Knex) {
  const client = new KubernetesBackendClient({
    discovery: {
      getBaseUrl: async (pluginId) => `http://localhost:${port}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId) => `http://localhost:${port}/api/${pluginId}`,
    },
    auth: mockServices.auth({ pluginId: 'aigov' }),
    timeoutMs: 60_000,
  });
  const { customResources, rules, concurrency } = readAigovConfig(new ConfigReader({}));
  const annotated = entities.filter((e) => e.metadata.annotations?.[LABEL]);
  const live: LiveObjects[] = [];
  const [, fetchMs] = await timed(() =>
    forEachConcurrently(annotated, concurrency, async (e) => {
      live.push(await client.fetchObjects(e, customResources));
    }),
  );
  const scans: EntityScan[] = [];
  const [, evalMs] = await timed(async () => {
    for (const l of live) scans.push(scoreLiveObjects(l, { customResources, rules }));
  });
  const store = new DatabaseScoreStore(knex);
  const now = Date.now();
  const [, storeMs] = await timed(() =>
    forEachConcurrently(
      scans.map((scan, i) => ({ scan, i })),
      concurrency,
      async ({ scan, i }) => {
        await store.recordScan(entityInfo(`breakdown-${i}`), scan, now);
      },
    ),
  );
  const findings = scans.reduce((n, s) => n + s.findings.length, 0);
  return { fetchMs, evalMs, storeMs, findings, count: annotated.length };
}

async function benchDatabase(label: string, knex: Knex, cluster: DemoCluster, entities: Entity[]) {
  const backend = await startAigovTestBackend({
    // The fake API computes pod metrics over every pod of the namespace on each request,
    // which with 1,000 services would time the fake rather than aigov (which reads no metrics).
    clusters: [{ name: 'bench', url: cluster.url, skipMetricsLookup: true }],
    entities,
    knex,
  });
  try {
    const cycles: number[] = [];
    for (let i = 0; i < CYCLES; i++) {
      const [res, time] = await timed(() => request(backend.server).post('/api/aigov/refresh'));
      if (res.status !== 202) throw new Error(`refresh answered ${res.status}`);
      cycles.push(time);
      cluster.requests.length = 0; // the fake keeps every request it answered
    }
    const status = await request(backend.server).get('/api/aigov/status');
    const run = status.body.lastRun as { scored: number; failed: number; partial: number };

    const store = new DatabaseScoreStore(knex);
    const now = Date.now();
    const [seeded, seedMs] = await timed(() => seedYearOfHistory(knex, now));
    const ref = 'component:default/chat-assistant-0';
    const http: number[] = [];
    const direct: number[] = [];
    let points = 0;
    for (let i = 0; i < HISTORY_READS; i++) {
      const [res, t] = await timed(() =>
        request(backend.server).get('/api/aigov/scores/component/default/chat-assistant-0/history'),
      );
      points = res.body.items.length;
      http.push(t);
      direct.push((await timed(() => store.getHistory(ref, { limit: 2000 })))[1]);
    }
    const [, retentionMs] = await timed(() =>
      store.applyRetention(Date.now(), { allMs: DAY, hourlyMs: 7 * DAY, dailyMs: 365 * DAY }),
    );
    const list = await timed(() =>
      request(backend.server).get('/api/aigov/scores?limit=50&grade=D,F'),
    );
    const team = await timed(() =>
      request(backend.server).get('/api/aigov/teams/default/ai-division'),
    );
    const csv = await timed(() => request(backend.server).get('/api/aigov/export.csv'));
    const parts = await breakdown(backend.server.port(), entities, knex);
    cluster.requests.length = 0;

    const last = cycles[cycles.length - 1] ?? NaN;
    const perEntity = last / ENTITIES;
    console.log(`\n${label}`);
    console.log(
      `  scoring cycle, ${ENTITIES} entities: ${cycles.map(ms).join(', ')} ` +
        `(last: ${perEntity.toFixed(1)} ms/entity, ${(1000 / perEntity).toFixed(0)} entities/s; ` +
        `scored ${run.scored}, partial ${run.partial}, failed ${run.failed})`,
    );
    console.log(
      `  in parts, ${parts.count} entities: read through the Kubernetes backend ${ms(parts.fetchMs)}, ` +
        `evaluate (rules core) ${ms(parts.evalMs)} (${(parts.evalMs / parts.count).toFixed(2)} ms/entity, ` +
        `${parts.findings} findings), store ${ms(parts.storeMs)} (${(parts.storeMs / parts.count).toFixed(2)} ms/entity)`,
    );
    console.log(
      `  a year of history for each entity (${seeded} scans in all, written in ${ms(seedMs)}): ` +
        `one entity's (${points} scans) GET …/history median ${ms(median(http))}, ` +
        `store query median ${ms(median(direct))} (of ${HISTORY_READS}); retention pass ${ms(retentionMs)}`,
    );
    console.log(
      `  GET /scores (page of 50, filtered) ${ms(list[1])}; team rollup of ${team[0].body.entities?.length} entities ${ms(team[1])}; ` +
        `CSV of ${csv[0].text.split('\r\n').length - 2} entities ${ms(csv[1])}`,
    );
  } finally {
    await backend.stop();
  }
}

async function main() {
  const { objects, entities } = scaledCluster(ENTITIES);
  const cluster = await startDemoCluster({ port: 0, token: CLUSTER_TOKEN, objects });
  console.log(
    `aigov backend bench: ${ENTITIES} entities, ${objects.length} objects in the demo cluster, ` +
      `Node ${process.version}`,
  );
  try {
    const sqlite = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await applyDatabaseMigrations(sqlite);
    try {
      await benchDatabase('SQLite (better-sqlite3, in memory)', sqlite, cluster, entities);
    } finally {
      await sqlite.destroy();
    }

    const postgres = await startPostgres();
    if (!postgres) {
      console.log('\nPostgreSQL: binaries not found, skipped');
      return;
    }
    const pg = knexFactory({ client: 'pg', connection: postgres.connectionString });
    try {
      await applyDatabaseMigrations(pg);
      await benchDatabase('PostgreSQL 15 (local, fsync off)', pg, cluster, entities);
    } finally {
      await pg.destroy();
      await postgres.stop();
    }
  } finally {
    await cluster.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
