import '@backstage/ui/css/styles.css';
import { createRoot } from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import { PageBlueprint, createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';
import { TestApiProvider } from '@backstage/test-utils';
import { Flex, Link, Text } from '@backstage/ui';
import { AigovCard } from '../src/components/AigovCard';
import { AigovContent } from '../src/components/AigovContent';
import { GpuUsageCard } from '../src/components/GpuUsageCard';
import { entity } from '../src/testUtils/objects';
import { SCENARIOS, scenario } from './scenarios';
import type { Scenario } from './scenarios';

/**
 * `npm start -w @aigov/backstage-plugin`: the tab and both cards on one page, against a fake
 * Kubernetes API and a fake Prometheus (the test fakes), in a new-frontend-system app. Pick a
 * scenario with `?scenario=partial` (an unreachable cluster), `prometheus-down` or `demo-data`.
 * For the real thing, run the demo portal (`npm start` at the repository root).
 */
function DevPage() {
  const requested = new URLSearchParams(window.location.search).get('scenario');
  const name: Scenario = SCENARIOS.find((s) => s === requested) ?? 'healthy';
  const { kubernetesApi, prometheus } = scenario(name);
  return (
    <TestApiProvider
      apis={[
        [kubernetesApiRef, kubernetesApi],
        [fetchApiRef, prometheus.fetchApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <Flex direction="column" gap="4" style={{ padding: 24 }}>
          <Flex gap="3" align="center">
            <Text variant="title-small">Scenario:</Text>
            {SCENARIOS.map((s) => (
              <Link key={s} href={`?scenario=${s}`} weight={s === name ? 'bold' : 'regular'}>
                {s}
              </Link>
            ))}
          </Flex>
          <Flex gap="4" align="start" style={{ flexWrap: 'wrap' }}>
            <div style={{ flex: '1 1 360px' }}>
              <AigovCard />
            </div>
            <div style={{ flex: '2 1 640px' }}>
              <GpuUsageCard />
            </div>
          </Flex>
          <AigovContent />
        </Flex>
      </EntityProvider>
    </TestApiProvider>
  );
}

const devPlugin = createFrontendPlugin({
  pluginId: 'aigov-dev',
  extensions: [
    PageBlueprint.make({
      params: { path: '/', title: 'aigov dev', loader: async () => <DevPage /> },
    }),
  ],
});

const app = createApp({ features: [devPlugin] });
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(app.createRoot());
