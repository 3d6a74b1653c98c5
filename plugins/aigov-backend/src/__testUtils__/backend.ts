import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { ServiceFactory } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import type { Knex } from 'knex';
import { aigovPlugin } from '../plugin';

/** The service account token the fake clusters require. */
export const CLUSTER_TOKEN = 'aigov-test-token';

export interface TestCluster {
  name: string;
  url: string;
  /** Leave out the Kubernetes backend's pod metrics requests. */
  skipMetricsLookup?: boolean;
}

export interface AigovTestBackendOptions {
  /** Clusters the real Kubernetes backend is configured with (none: it is left out). */
  clusters?: readonly TestCluster[];
  entities: readonly Entity[];
  knex: Knex;
  /** `aigov.*` config. */
  aigov?: JsonObject;
  /** Extra service factories, e.g. permissions that deny. */
  services?: ServiceFactory[];
}

/**
 * A Backstage backend with the aigov plugin and the real Kubernetes backend configured
 * against the given fake clusters (multiTenant, config cluster locator, service account
 * token), the catalog service mock, and a mock scheduler that never runs tasks by itself:
 * tests run the scoring task through `POST /api/aigov/refresh`.
 */
export async function startAigovTestBackend(options: AigovTestBackendOptions) {
  const clusters = options.clusters ?? [];
  const config: JsonObject = {
    ...(options.aigov ? { aigov: options.aigov } : {}),
    ...(clusters.length > 0
      ? {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: clusters.map((c) => ({
                  name: c.name,
                  url: c.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: CLUSTER_TOKEN,
                  ...(c.skipMetricsLookup ? { skipMetricsLookup: true } : {}),
                })),
              },
            ],
          },
        }
      : {}),
  };
  const features = [
    aigovPlugin,
    ...(clusters.length > 0 ? [kubernetesPlugin] : []),
    catalogServiceMock.factory({ entities: [...options.entities] }),
    mockServices.rootConfig.factory({ data: config }),
    mockServices.database.factory({ knex: options.knex }),
    mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ...(options.services ?? []),
  ];
  return startTestBackend({ features });
}
