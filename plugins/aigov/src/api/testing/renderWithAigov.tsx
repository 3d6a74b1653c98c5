import type { ReactElement } from 'react';
import { useLocation } from 'react-router-dom';
import { SWRConfig } from 'swr';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import { aigovApiRef } from '../AigovApi';
import type { AigovApi } from '../AigovApi';
import { AigovClient } from '../AigovClient';
import type { FakeAigovBackend } from './FakeAigovBackend';
import { groupEntities } from './fixtures';

export interface RenderWithAigovOptions {
  /** Whether the permission framework allows `aigov.scores.refresh` (default true). */
  refreshAllowed?: boolean;
  /** The catalog's entities (default: the fixture groups); `null`: no catalog API at all. */
  catalog?: Entity[] | null;
  /** The page's URL (default `/aigov`). */
  route?: string;
  /** Use this API instead of a client of the fake backend. */
  api?: AigovApi;
}

/** Shows the router's current search string, for tests of state kept in the URL. */
export function LocationSearch() {
  return <output aria-label="Location search">{useLocation().search}</output>;
}

/**
 * Renders a scorecard component in a test app with the real {@link AigovClient} talking to
 * `backend`, the permission API, and an in-memory catalog; entity pages are mounted at
 * `/catalog/:namespace/:kind/:name`.
 */
export function renderWithAigov(
  element: ReactElement,
  backend: FakeAigovBackend,
  options: RenderWithAigovOptions = {},
) {
  const permissionApi = mockApis.permission({
    authorize: (request) =>
      request.permission.name === 'aigov.scores.refresh' && options.refreshAllowed === false
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  const api =
    options.api ??
    new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
  const catalog = options.catalog === undefined ? groupEntities() : options.catalog;
  // usePermission caches answers in SWR's global cache: a fresh one per render keeps one
  // test's permission from leaking into the next.
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [aigovApiRef, api],
          [permissionApiRef, permissionApi],
          ...(catalog ? ([[catalogApiRef, catalogApiMock({ entities: catalog })]] as const) : []),
        ]}
      >
        {element}
        <LocationSearch />
      </TestApiProvider>
    </SWRConfig>,
    {
      routeEntries: [options.route ?? '/aigov'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
