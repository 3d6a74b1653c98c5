import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { createElement } from 'react';
import { AigovIcon } from '../components/AigovIcon';
import { entityContentRouteRef, rootRouteRef } from '../routes';
import { aigovApi } from './apis';
import { entityAigovCard, entityGpuUsageCard } from './entityCards';
import { entityAigovContent } from './entityContent';
import { aigovScorecardPage } from './pages';

/**
 * The aigov plugin for the new frontend system: the "AI Compliance" entity tab and the
 * compliance and GPU usage cards, for entities with Kubernetes annotations, and the scorecard
 * page at `/aigov`. It reads objects through the Kubernetes plugin's API, which the app must
 * also install, and scores through the aigov backend's API.
 *
 * @alpha
 */
export const aigovFrontendPlugin = createFrontendPlugin({
  pluginId: 'aigov',
  title: 'AI Compliance',
  icon: createElement(AigovIcon),
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    aigovApi,
    aigovScorecardPage,
    entityAigovContent,
    entityAigovCard,
    entityGpuUsageCard,
  ],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    entityContent: convertLegacyRouteRef(entityContentRouteRef),
  },
});
