import type { AigovEntityScoreDetail } from '@aigov/backstage-plugin-common';
import {
  DEMO_CATALOG,
  demoCatalogEntities,
  startDemoCluster,
  type DemoCluster,
} from '@aigov/demo-cluster';
import { evaluateLive, type LiveEvaluationResult } from '@aigov/rules';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import request from 'supertest';
import { CLUSTER_TOKEN, startAigovTestBackend } from '../__testUtils__/backend';
import { withRelations } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { readAigovConfig } from '../config';
import { KubernetesBackendClient } from '../kubernetes/KubernetesBackendClient';
import { scoreLiveObjects } from './scoreLiveObjects';

/**
 * The entity page evaluates a service's live objects in the browser with the rules core's
 * `evaluateLive` (the frontend plugin's tests check that its view is that evaluation); the
 * backend stores what `scoreLiveObjects` makes of the same answers. Here the answers are the
 * real Kubernetes backend's, over the demo cluster: both must give the same score, findings,
 * completeness and status, and the REST API must serve what was computed.
 */
describe('scores stored by the backend', () => {
  const databases = createTestDatabases();
  const entities: Entity[] = withRelations(demoCatalogEntities());
  let cluster: DemoCluster;
  let backend: Awaited<ReturnType<typeof startAigovTestBackend>>;

  beforeAll(async () => {
    cluster = await startDemoCluster({ port: 0, token: CLUSTER_TOKEN });
    backend = await startAigovTestBackend({
      clusters: [{ name: 'demo', url: cluster.url }],
      entities,
      knex: await databases.init('SQLITE_3'),
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await cluster?.close();
  });

  it('are what the entity page shows for the same Kubernetes answers', async () => {
    const port = backend.server.port();
    const client = new KubernetesBackendClient({
      discovery: {
        getBaseUrl: async (pluginId) => `http://localhost:${port}/api/${pluginId}`,
        getExternalBaseUrl: async (pluginId) => `http://localhost:${port}/api/${pluginId}`,
      },
      auth: mockServices.auth({ pluginId: 'aigov' }),
      timeoutMs: 30_000,
    });
    const { customResources, rules } = readAigovConfig(new ConfigReader({}));
    const refresh = await request(backend.server).post('/api/aigov/refresh');
    expect(refresh.status).toBe(202);

    const evaluated: LiveEvaluationResult[] = [];
    for (const service of DEMO_CATALOG.services) {
      const entity = entities.find(
        (e) => e.kind === 'Component' && e.metadata.name === service.name,
      );
      if (!entity) throw new Error(`No entity for ${service.name}`);
      const live = await client.fetchObjects(entity, customResources);
      const page = evaluateLive({ ...live, customResources }, { config: rules });
      evaluated.push(page);
      const scan = scoreLiveObjects(live, { customResources, rules });
      const res = await request(backend.server).get(
        `/api/aigov/scores/component/default/${service.name}`,
      );
      expect(res.status).toBe(200);
      const stored = res.body as AigovEntityScoreDetail;

      for (const s of [scan, stored]) {
        expect([service.name, s.score, s.grade]).toEqual([
          service.name,
          page.score.overall,
          page.score.grade,
        ]);
        expect([s.checks, s.failed]).toEqual([page.score.checks, page.score.failed]);
        expect(s.status).toBe(page.status);
        expect(s.completeKinds).toEqual(page.completeKinds);
        expect(s.objects).toBe(page.clusters.reduce((n, c) => n + c.objects, 0));
        expect(s.findings.map((f) => f.fingerprint).sort()).toEqual(
          page.findings.map((f) => f.fingerprint).sort(),
        );
        for (const [category, c] of Object.entries(page.score.categories)) {
          expect(s.categories[category as keyof typeof s.categories]).toMatchObject(c);
        }
      }
      expect(scan.findings).toEqual(expect.arrayContaining(page.findings.map((f) => ({ ...f }))));
    }
    // A real check: the demo services differ, and their findings are many.
    expect(new Set(evaluated.map((e) => e.score.overall)).size).toBeGreaterThan(2);
    expect(evaluated.reduce((n, e) => n + e.findings.length, 0)).toBeGreaterThan(20);
  });
});
