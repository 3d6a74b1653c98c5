import { screen, within } from '@testing-library/react';
import {
  ApiBlueprint,
  coreExtensionData,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import aigovPlugin, { aigovApi, aigovScorecardPage } from '../alpha';
import { AigovClient, aigovApiRef } from '../api';
import { FakeAigovBackend } from '../api/testing/FakeAigovBackend';
import { groupEntities, scorecardData } from '../api/testing/fixtures';

describe('the scorecard in the new frontend system', () => {
  it('is the plugin’s page at /aigov, with a title and an icon for the sidebar', () => {
    expect(aigovPlugin.getExtension('page:aigov')).toMatchObject({ kind: 'page' });
    expect(aigovPlugin.getExtension('api:aigov')).toMatchObject({ kind: 'api' });
    expect(aigovPlugin.routes).toHaveProperty('root');

    const tester = createExtensionTester(aigovScorecardPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/aigov');
    expect(tester.get(coreExtensionData.title)).toBe('AI Scorecard');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('provides the aigov API from the discovery and fetch APIs', () => {
    const factory = createExtensionTester(aigovApi).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(aigovApiRef.id);
    expect(Object.keys(factory.deps).sort()).toEqual(['discoveryApi', 'fetchApi']);
    const backend = new FakeAigovBackend(scorecardData());
    expect(
      factory.factory({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi }),
    ).toBeInstanceOf(AigovClient);
  });

  it('renders the page in an app, reading the backend through the plugin’s own API', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    renderTestApp({
      features: [aigovPlugin],
      initialRouteEntries: ['/aigov'],
      apis: [
        [discoveryApiRef, backend.discoveryApi],
        [fetchApiRef, backend.fetchApi],
        [catalogApiRef, catalogApiMock({ entities: groupEntities() })],
      ],
    });
    const teams = await screen.findByRole(
      'table',
      { name: 'Teams ranked by score' },
      { timeout: 5000 },
    );
    expect(within(teams).getByRole('button', { name: 'ML Platform' })).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /^Score trend of Chat assistant: 5 scans/ }),
    ).toBeInTheDocument();
    expect(backend.requestsTo('/status')).toHaveLength(1);
  });
});
