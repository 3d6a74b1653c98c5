import {
  DEMO_CATALOG,
  demoCatalogEntities,
  demoObjects,
  startDemoCluster,
  type DemoCluster,
} from '@aigov/demo-cluster';
import type {
  AigovEntityHistoryResponse,
  AigovEntityScoreDetail,
  AigovScoreListResponse,
  AigovStatusResponse,
  AigovTeamHistoryResponse,
  AigovTeamRollup,
} from '@aigov/backstage-plugin-common';
import { gradeOf } from '@aigov/rules';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { CLUSTER_TOKEN, startAigovTestBackend, type TestCluster } from './__testUtils__/backend';
import { withRelations } from './__testUtils__/catalog';
import { createTestDatabases } from './__testUtils__/databases';

const databases = createTestDatabases();
const entities: Entity[] = withRelations(demoCatalogEntities());
const services = DEMO_CATALOG.services;

type TestBackend = Awaited<ReturnType<typeof startAigovTestBackend>>;

async function refresh(backend: TestBackend): Promise<void> {
  const res = await request(backend.server).post('/api/aigov/refresh');
  expect(res.status).toBe(202);
  expect(res.body).toEqual({ triggered: true });
}

async function detail(backend: TestBackend, name: string): Promise<AigovEntityScoreDetail> {
  const res = await request(backend.server).get(`/api/aigov/scores/component/default/${name}`);
  expect(res.status).toBe(200);
  return res.body as AigovEntityScoreDetail;
}

async function freePortUrl(): Promise<string> {
  const closed = await startDemoCluster({ port: 0 });
  await closed.close();
  return closed.url;
}

describe.each(databases.eachSupportedId())('aigov backend on %s', (databaseId) => {
  let cluster: DemoCluster;

  beforeAll(async () => {
    cluster = await startDemoCluster({ port: 0, token: CLUSTER_TOKEN });
  });
  afterAll(async () => {
    await cluster?.close();
  });
  beforeEach(() => {
    cluster.setObjects(demoObjects());
    cluster.setFailures([]);
    cluster.requests.length = 0;
  });

  async function start(
    options: {
      clusters?: TestCluster[];
      aigov?: Parameters<typeof startAigovTestBackend>[0]['aigov'];
    } = {},
  ): Promise<TestBackend> {
    return startAigovTestBackend({
      clusters: options.clusters ?? [{ name: 'demo', url: cluster.url }],
      entities,
      knex: await databases.init(databaseId),
      ...(options.aigov ? { aigov: options.aigov } : {}),
    });
  }

  it('scores every entity with Kubernetes annotations through the Kubernetes backend', async () => {
    const backend = await start();
    await refresh(backend);

    const list = await request(backend.server).get('/api/aigov/scores?limit=500');
    expect(list.status).toBe(200);
    const body = list.body as AigovScoreListResponse;
    expect(body.totalItems).toBe(services.length);
    expect(body.items.map((i) => i.name).sort()).toEqual(services.map((s) => s.name).sort());
    for (const item of body.items) {
      expect(item.grade).toBe(gradeOf(item.score));
      expect(item.status).toBe('ok');
      expect(item.checks).toBeGreaterThan(0);
      expect(item.owner).toBe(`group:default/${services.find((s) => s.name === item.name)?.owner}`);
    }
    // worst first by default
    const scores = body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    for (const service of services) {
      const scan = await detail(backend, service.name);
      const ruleIds = new Set(scan.findings.map((f) => f.ruleId));
      for (const id of service.designedFindings)
        expect([service.name, ruleIds.has(id)]).toEqual([service.name, true]);
      expect(
        scan.counts.error + scan.counts.warning + scan.counts.info + scan.counts.suppressed,
      ).toBe(scan.findings.length);
      expect(scan.clusters).toEqual([{ name: 'demo', objects: scan.objects }]);
      // 404s for custom resources that are not installed are listed but do not make it partial
      expect(scan.clusterErrors.every((e) => e.errorType === 'NOT_FOUND')).toBe(true);
      expect(scan.completeKinds).toEqual(expect.arrayContaining(['Deployment', 'NetworkPolicy']));
    }

    // through the real Kubernetes backend: service account token, label selector per entity
    expect(cluster.requests.length).toBeGreaterThan(0);
    expect(
      cluster.requests.every((r) => r.headers.authorization === `Bearer ${CLUSTER_TOKEN}`),
    ).toBe(true);
    const selectors = new Set(cluster.requests.map((r) => r.query.labelSelector));
    expect(selectors).toEqual(new Set(services.map((s) => `backstage.io/kubernetes-id=${s.name}`)));
    expect(cluster.requests.some((r) => r.path.endsWith('/networkpolicies'))).toBe(true);

    const status = await request(backend.server).get('/api/aigov/status');
    expect(status.body as AigovStatusResponse).toMatchObject({
      lastRun: { entities: services.length, scored: services.length, partial: 0, failed: 0 },
      scoredEntities: services.length,
    });
    expect((status.body as AigovStatusResponse).lastRun?.finishedAt).toBeDefined();
  });

  it('adds a scan to the history on every run, reflecting what changed in the cluster', async () => {
    const backend = await start();
    await refresh(backend);
    const first = await detail(backend, 'chat-assistant');
    expect(first.score).toBeLessThan(100);

    // chat-assistant's objects are gone: nothing to check, nothing wrong
    cluster.setObjects(
      demoObjects().filter(
        (o) => o.metadata?.labels?.['backstage.io/kubernetes-id'] !== 'chat-assistant',
      ),
    );
    await refresh(backend);
    const second = await detail(backend, 'chat-assistant');
    expect(second).toMatchObject({ score: 100, grade: 'A', objects: 0, checks: 0, findings: [] });

    const history = await request(backend.server).get(
      '/api/aigov/scores/component/default/chat-assistant/history',
    );
    expect(history.status).toBe(200);
    const points = (history.body as AigovEntityHistoryResponse).items;
    expect(points.map((p) => p.score)).toEqual([first.score, 100]);
    expect(points[0]?.time).toBe(first.scannedAt);
    expect(Date.parse(points[1]?.time ?? '')).toBeGreaterThanOrEqual(
      Date.parse(points[0]?.time ?? ''),
    );

    const since = await request(backend.server)
      .get('/api/aigov/scores/component/default/chat-assistant/history')
      .query({ from: second.scannedAt });
    expect((since.body as AigovEntityHistoryResponse).items.map((p) => p.score)).toEqual([100]);
  });

  it('rolls up a team with its nested groups, and filters and exports by team', async () => {
    const backend = await start();
    await refresh(backend);

    const division = await request(backend.server).get('/api/aigov/teams/default/ai-division');
    expect(division.status).toBe(200);
    const rollup = division.body as AigovTeamRollup;
    expect(rollup.group).toEqual({ entityRef: 'group:default/ai-division', title: 'AI Division' });
    expect(rollup.groups.map((g) => [g.entityRef, g.depth, g.parent, g.entities])).toEqual([
      ['group:default/ai-division', 0, undefined, 0],
      ['group:default/ml-platform', 1, 'group:default/ai-division', 3],
      ['group:default/research', 1, 'group:default/ai-division', 3],
    ]);
    expect(rollup.groups[0]).toMatchObject({ score: null, grade: null });
    expect(rollup.entities).toHaveLength(services.length);
    const entityScores = rollup.entities.map((e) => e.score);
    expect(rollup.score).toBeGreaterThanOrEqual(Math.min(...entityScores));
    expect(rollup.score).toBeLessThanOrEqual(Math.max(...entityScores));
    expect(rollup.grade).toBe(gradeOf(rollup.score ?? -1));
    expect(rollup.counts.error).toBe(rollup.entities.reduce((n, e) => n + e.counts.error, 0));

    const team = await request(backend.server).get('/api/aigov/teams/default/research');
    const research = team.body as AigovTeamRollup;
    expect(research.groups.map((g) => g.entityRef)).toEqual(['group:default/research']);
    expect(research.entities.map((e) => e.name).sort()).toEqual(
      services
        .filter((s) => s.owner === 'research')
        .map((s) => s.name)
        .sort(),
    );

    const trend = await request(backend.server).get(
      '/api/aigov/teams/default/ai-division/history?days=7',
    );
    const points = (trend.body as AigovTeamHistoryResponse).items;
    expect(points).toEqual([
      {
        date: new Date().toISOString().slice(0, 10),
        score: rollup.score,
        grade: rollup.grade,
        entities: services.length,
      },
    ]);

    const filtered = await request(backend.server)
      .get('/api/aigov/scores')
      .query({ team: 'ml-platform' });
    expect((filtered.body as AigovScoreListResponse).items.map((i) => i.owner)).toEqual([
      'group:default/ml-platform',
      'group:default/ml-platform',
      'group:default/ml-platform',
    ]);
    const none = await request(backend.server)
      .get('/api/aigov/scores')
      .query({ team: 'ml-platform', owner: 'research' });
    expect(none.body).toMatchObject({ items: [], totalItems: 0 });

    const csv = await request(backend.server)
      .get('/api/aigov/export.csv')
      .query({ team: 'ai-division' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="aigov-scores.csv"');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^entity_ref,kind,namespace,name,title,owner,score,grade,status,/);
    expect(lines).toHaveLength(services.length + 1);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[3])
        .sort(),
    ).toEqual(services.map((s) => s.name).sort());
  });

  it('stores a partial result, flagged as such, when a cluster is unreachable', async () => {
    const backend = await start({
      clusters: [
        { name: 'demo', url: cluster.url },
        { name: 'offline', url: await freePortUrl() },
      ],
    });
    await refresh(backend);

    const status = (await request(backend.server).get('/api/aigov/status'))
      .body as AigovStatusResponse;
    expect(status.lastRun).toMatchObject({
      entities: services.length,
      scored: services.length,
      partial: services.length,
      failed: 0,
    });
    const scan = await detail(backend, 'chat-assistant');
    expect(scan.status).toBe('partial');
    expect(scan.checks).toBeGreaterThan(0); // the reachable cluster's objects are still scored
    expect(scan.clusterErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cluster: 'offline', errorType: 'FETCH_ERROR' }),
      ]),
    );
    // nothing is known to be complete: rules that conclude absence stayed silent
    expect(scan.completeKinds).toEqual([]);
    expect(scan.findings.some((f) => f.ruleId === 'security/network-policy-missing')).toBe(false);

    const partial = await request(backend.server).get('/api/aigov/scores?status=partial&limit=1');
    expect(partial.body).toMatchObject({ totalItems: services.length, limit: 1 });
  });

  it('flags the scans of a namespace whose answers are malformed, and scores the others', async () => {
    const backend = await start();
    cluster.setFailures([
      { path: /^\/api\/v1\/namespaces\/ml-serving\/pods$/, body: '{"kind":"PodList","items":[' },
    ]);
    await refresh(backend);
    const list = (await request(backend.server).get('/api/aigov/scores?limit=500'))
      .body as AigovScoreListResponse;
    const inServing = new Set(
      services.filter((s) => s.namespace === 'ml-serving').map((s) => s.name),
    );
    expect(inServing.size).toBeGreaterThan(0);
    for (const item of list.items) {
      expect([item.name, item.status]).toEqual([
        item.name,
        inServing.has(item.name) ? 'partial' : 'ok',
      ]);
    }
  });

  it('records a failure and keeps going when the Kubernetes backend cannot answer', async () => {
    const backend = await start({ clusters: [] }); // no Kubernetes backend installed
    await refresh(backend);
    const status = (await request(backend.server).get('/api/aigov/status'))
      .body as AigovStatusResponse;
    expect(status.lastRun).toMatchObject({
      entities: services.length,
      scored: 0,
      failed: services.length,
    });
    expect(status.scoredEntities).toBe(0);
    const res = await request(backend.server).get(
      '/api/aigov/scores/component/default/chat-assistant',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(res.body.error.message).toMatch(
      /^component:default\/chat-assistant has not been scanned yet: The Kubernetes backend refused \/api\/kubernetes\/services\/chat-assistant: HTTP 404/,
    );
  });

  it('gives up on a Kubernetes backend that does not answer in time', async () => {
    const backend = await start({
      aigov: { requestTimeout: { milliseconds: 300 }, concurrency: 8 },
    });
    cluster.setFailures([{ path: /\/pods$/, delayMs: 1500 }]);
    await refresh(backend);
    const status = (await request(backend.server).get('/api/aigov/status'))
      .body as AigovStatusResponse;
    expect(status.lastRun).toMatchObject({ failed: services.length });
    const res = await request(backend.server).get(
      '/api/aigov/scores/component/default/notebook-gpu',
    );
    expect(res.body.error.message).toMatch(/did not answer within 300 ms/);
    await new Promise((r) => setTimeout(r, 1600)); // let the Kubernetes backend's requests finish
  });

  it('rescans one entity on request', async () => {
    const backend = await start();
    const res = await request(backend.server).post(
      '/api/aigov/scores/component/default/embeddings-api/refresh',
    );
    expect(res.status).toBe(200);
    const scan = res.body as AigovEntityScoreDetail;
    expect(scan.entityRef).toBe('component:default/embeddings-api');
    expect(scan.findings.length).toBeGreaterThan(0);
    expect(await detail(backend, 'embeddings-api')).toEqual(scan);
    expect(
      cluster.requests.every(
        (r) => r.query.labelSelector === 'backstage.io/kubernetes-id=embeddings-api',
      ),
    ).toBe(true);

    const unknown = await request(backend.server).post(
      '/api/aigov/scores/component/default/nope/refresh',
    );
    expect(unknown.status).toBe(404);
    const group = await request(backend.server).post(
      '/api/aigov/scores/group/default/research/refresh',
    );
    expect(group.status).toBe(400);
    expect(group.body.error).toMatchObject({ name: 'InputError' });
  });

  it('answers bad input with 400 and unknown entities with 404, as Backstage errors', async () => {
    const backend = await start();
    await refresh(backend);
    const cases: [string, number, string, RegExp][] = [
      ['/api/aigov/scores?grade=Z', 400, 'InputError', /"Z" is not one of A, B, C, D, F/],
      [
        '/api/aigov/scores?limit=0',
        400,
        'InputError',
        /"limit": expected an integer from 1 to 500/,
      ],
      ['/api/aigov/scores?limit=abc', 400, 'InputError', /"limit"/],
      ['/api/aigov/scores?orderBy=owner', 400, 'InputError', /"orderBy"/],
      ['/api/aigov/scores?owner[x]=y', 400, 'InputError', /"owner": expected text/],
      ['/api/aigov/scores?team=component:default/x', 400, 'InputError', /expected a group ref/],
      [
        '/api/aigov/scores?owner=group:',
        400,
        'InputError',
        /"owner": Entity reference "group:" was not on the form/,
      ],
      [
        '/api/aigov/scores/component/default/chat-assistant/history?from=yesterday',
        400,
        'InputError',
        /"from"/,
      ],
      [
        '/api/aigov/scores/component/default/chat-assistant/history?from=2025-02-01&to=2025-01-01',
        400,
        'InputError',
        /"from" is after "to"/,
      ],
      [
        '/api/aigov/scores/component/default/nope',
        404,
        'NotFoundError',
        /No scores for component:default\/nope/,
      ],
      ['/api/aigov/scores/component/default/nope/history', 404, 'NotFoundError', /No scores/],
      ['/api/aigov/teams/default/nope', 404, 'NotFoundError', /No group group:default\/nope/],
      ['/api/aigov/teams/default/chat-assistant', 404, 'NotFoundError', /No group/],
      ['/api/aigov/teams/default/research/history?days=0', 400, 'InputError', /"days"/],
    ];
    for (const [path, statusCode, name, message] of cases) {
      const res = await request(backend.server).get(path);
      expect([path, res.status, res.body.error?.name]).toEqual([path, statusCode, name]);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.response).toEqual({ statusCode });
    }
    // kinds compare case-insensitively; names in paths too
    const upper = await request(backend.server).get(
      '/api/aigov/scores/Component/default/Chat-Assistant',
    );
    expect(upper.status).toBe(200);
    const kind = await request(backend.server).get(
      '/api/aigov/scores?kind=COMPONENT,resource&limit=1',
    );
    expect(kind.body).toMatchObject({ totalItems: services.length });
  });
});
