import { compatWrapper, convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isAigovAvailable } from '../conditions';
import { entityContentRouteRef } from '../routes';

/** The "AI Compliance" tab on entities with Kubernetes annotations. */
export const entityAigovContent = EntityContentBlueprint.make({
  name: 'compliance',
  params: {
    path: '/aigov',
    title: 'AI Compliance',
    group: 'deployment',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: isAigovAvailable,
    loader: () =>
      import('../components/AigovContent').then((m) => compatWrapper(<m.AigovContent />)),
  },
});
