import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AigovClient, aigovApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The aigov frontend plugin for apps on the legacy frontend system. Apps on the new frontend
 * system install `@aigov/backstage-plugin/alpha` instead.
 *
 * @public
 */
export const aigovPlugin = createPlugin({
  id: 'aigov',
  apis: [
    createApiFactory({
      api: aigovApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new AigovClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The scorecard page: teams ranked by score, their services with score, grade and trend, the
 * worst findings, filters, CSV export and rescans, read from the aigov backend
 * (`@aigov/backstage-plugin-backend`). Mount it in the app's routes, e.g. at `/aigov`.
 *
 * @public
 */
export const AigovScorecardPage = aigovPlugin.provide(
  createRoutableExtension({
    name: 'AigovScorecardPage',
    component: () => import('./components/ScorecardPage').then((m) => m.ScorecardPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "AI Compliance" entity tab: live objects evaluated with the aigov rules.
 *
 * @public
 */
export const EntityAigovContent = aigovPlugin.provide(
  createRoutableExtension({
    name: 'EntityAigovContent',
    component: () => import('./components/AigovContent').then((m) => m.AigovContent),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * Overview card: score, grade, findings by severity and the three worst.
 *
 * @public
 */
export const EntityAigovCard = aigovPlugin.provide(
  createComponentExtension({
    name: 'EntityAigovCard',
    component: {
      lazy: () => import('./components/AigovCard').then((m) => m.AigovCard),
    },
  }),
);

/**
 * GPU card: GPUs per pod and container, node capacity, live utilisation and memory.
 *
 * @public
 */
export const EntityGpuUsageCard = aigovPlugin.provide(
  createComponentExtension({
    name: 'EntityGpuUsageCard',
    component: {
      lazy: () => import('./components/GpuUsageCard').then((m) => m.GpuUsageCard),
    },
  }),
);
