/**
 * `npm start -w @aigov/backstage-plugin-backend`: the plugin alone, on http://127.0.0.1:7008,
 * with the real Kubernetes backend reading the demo cluster (started here on a free port) and
 * the demo catalog, mock auth (every request is the mock user) and SQLite in memory. The task
 * runs every 5 minutes, 5 seconds after start; `POST /api/aigov/refresh` runs it now.
 */
import { DEMO_CATALOG, demoCatalogEntities, startDemoCluster } from '@aigov/demo-cluster';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { withRelations } from '../src/__testUtils__/catalog';

const TOKEN = 'aigov-dev-token';
const PORT = Number(process.env.PORT ?? 7008);

async function main() {
  const cluster = await startDemoCluster({ port: 0, token: TOKEN });
  console.log(`demo cluster on ${cluster.url} (${DEMO_CATALOG.services.length} services)`);

  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${PORT}`,
          listen: { host: '127.0.0.1', port: PORT },
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        kubernetes: {
          serviceLocatorMethod: { type: 'multiTenant' },
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'demo',
                  url: cluster.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: TOKEN,
                },
              ],
            },
          ],
        },
        aigov: {
          schedule: {
            frequency: { minutes: 5 },
            timeout: { minutes: 4 },
            initialDelay: { seconds: 5 },
          },
        },
      },
    }),
  );
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(catalogServiceMock.factory({ entities: withRelations(demoCatalogEntities()) }));
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  backend.add(import('../src'));
  await backend.start();

  const stop = async () => {
    await backend.stop();
    await cluster.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
