import { compatWrapper, convertLegacyRouteRef } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { Container } from '@backstage/ui';
import { AigovIcon } from '../components/AigovIcon';
import { rootRouteRef } from '../routes';

/** The scorecard page (`page:aigov`) at `/aigov`, with a sidebar item. */
export const aigovScorecardPage = PageBlueprint.make({
  params: {
    path: '/aigov',
    title: 'AI Scorecard',
    icon: <AigovIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/ScorecardPage').then(({ AigovScorecard }) =>
        compatWrapper(
          <Container pt="4">
            <AigovScorecard />
          </Container>,
        ),
      ),
  },
});
