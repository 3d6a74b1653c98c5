import { aigovPermissions } from '@aigov/backstage-plugin-common';
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readAigovConfig } from './config';
import { DatabaseScoreStore } from './database/DatabaseScoreStore';
import { connectDatabase } from './database/migrations';
import { KubernetesBackendClient } from './kubernetes/KubernetesBackendClient';
import { EntityScanner } from './scoring/EntityScanner';
import { SCORING_TASK_ID, ScoringTask } from './scoring/ScoringTask';
import { createRouter } from './service/router';

/**
 * The aigov backend plugin: scores every catalog entity with Kubernetes annotations on a
 * schedule, keeps the history, and serves scores, histories, team rollups and CSV under
 * `/api/aigov`.
 *
 * @public
 */
export const aigovPlugin = createBackendPlugin({
  pluginId: 'aigov',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        config,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        auth,
        discovery,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        const options = readAigovConfig(config);
        const store = new DatabaseScoreStore(await connectDatabase(database));
        const scanner = new EntityScanner({
          source: new KubernetesBackendClient({
            discovery,
            auth,
            timeoutMs: options.requestTimeoutMs,
          }),
          store,
          logger,
          customResources: options.customResources,
          rules: options.rules,
        });
        const task = new ScoringTask({
          catalog,
          auth,
          scanner,
          store,
          logger,
          concurrency: options.concurrency,
          retention: options.retention,
        });
        await scheduler.scheduleTask({
          id: SCORING_TASK_ID,
          scope: 'global',
          ...options.schedule,
          fn: async (signal) => {
            await task.run(signal);
          },
        });
        permissionsRegistry.addPermissions(aigovPermissions);
        httpRouter.use(
          await createRouter({
            store,
            scanner,
            catalog,
            httpAuth,
            permissions,
            scheduler,
            taskId: SCORING_TASK_ID,
            logger,
          }),
        );
      },
    });
  },
});
