import { screen, waitFor } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderInTestApp } from '@backstage/frontend-test-utils';
import { configApiRef } from '@backstage/core-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';
import { mockApis } from '@backstage/test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import aigovPlugin, { entityAigovCard, entityAigovContent, entityGpuUsageCard } from './alpha';
import { AigovCard } from './components/AigovCard';
import { entityContentRouteRef } from './routes';
import { FakeKubernetesApi } from './testUtils/FakeKubernetesApi';
import { deploymentWithPods, entity, entityWithoutAnnotations } from './testUtils/objects';
import { must } from './testUtils/must';

describe('new frontend system', () => {
  it('is a frontend plugin with the tab and both cards', () => {
    expect(aigovPlugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(aigovPlugin.pluginId).toBe('aigov');
    expect(aigovPlugin.getExtension('entity-content:aigov/compliance')).toMatchObject({
      kind: 'entity-content',
      name: 'compliance',
    });
    expect(aigovPlugin.getExtension('entity-card:aigov/compliance')).toMatchObject({
      kind: 'entity-card',
      name: 'compliance',
    });
    expect(aigovPlugin.getExtension('entity-card:aigov/gpu-usage')).toMatchObject({
      kind: 'entity-card',
      name: 'gpu-usage',
    });
  });

  it('mounts the tab at /aigov for entities with Kubernetes annotations, and renders it', async () => {
    const tester = createExtensionTester(entityAigovContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/aigov');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('AI Compliance');
    const filter = must(tester.get(EntityContentBlueprint.dataRefs.filterFunction));
    expect(filter(entity)).toBe(true);
    expect(filter(entityWithoutAnnotations)).toBe(false);

    const api = new FakeKubernetesApi({
      clusters: [{ name: 'gpu-east', objects: deploymentWithPods() }],
    });
    renderInTestApp(<EntityProvider entity={entity}>{tester.reactElement()}</EntityProvider>, {
      apis: [
        [kubernetesApiRef, api],
        [configApiRef, mockApis.config({ data: { aigov: { refreshIntervalSeconds: 0 } } })],
      ],
    });
    expect(await screen.findByText(/Findings \(/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Cluster gpu-east' })).toBeInTheDocument(),
    );
  });

  it('shows both cards only for entities with Kubernetes annotations', () => {
    const filters = [
      must(createExtensionTester(entityAigovCard).get(EntityCardBlueprint.dataRefs.filterFunction)),
      must(
        createExtensionTester(entityGpuUsageCard).get(EntityCardBlueprint.dataRefs.filterFunction),
      ),
    ];
    for (const filter of filters) {
      expect(filter(entity)).toBe(true);
      expect(filter(entityWithoutAnnotations)).toBe(false);
    }
  });
});

describe('the card in the new frontend system', () => {
  it('links to the tab through the converted route ref', async () => {
    const api = new FakeKubernetesApi({
      clusters: [{ name: 'gpu-east', objects: deploymentWithPods() }],
    });
    renderInTestApp(
      <EntityProvider entity={entity}>
        <AigovCard />
      </EntityProvider>,
      {
        apis: [
          [kubernetesApiRef, api],
          [configApiRef, mockApis.config({ data: { aigov: { refreshIntervalSeconds: 0 } } })],
        ],
        mountedRoutes: {
          '/catalog/default/component/llm-chat/aigov': convertLegacyRouteRef(entityContentRouteRef),
        },
      },
    );
    expect(await screen.findByRole('link', { name: 'View all findings' })).toHaveAttribute(
      'href',
      '/catalog/default/component/llm-chat/aigov',
    );
  });
});
