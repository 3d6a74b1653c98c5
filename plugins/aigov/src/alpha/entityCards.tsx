import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isAigovAvailable } from '../conditions';

/** Overview card: score, grade, counts by severity, the three worst findings. */
export const entityAigovCard = EntityCardBlueprint.make({
  name: 'compliance',
  params: {
    filter: isAigovAvailable,
    loader: () => import('../components/AigovCard').then((m) => compatWrapper(<m.AigovCard />)),
  },
});

/** GPU card: allocation per pod and container, node capacity, live usage from Prometheus. */
export const entityGpuUsageCard = EntityCardBlueprint.make({
  name: 'gpu-usage',
  params: {
    filter: isAigovAvailable,
    loader: () =>
      import('../components/GpuUsageCard').then((m) => compatWrapper(<m.GpuUsageCard />)),
  },
});
