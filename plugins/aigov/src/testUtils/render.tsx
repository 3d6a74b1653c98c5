import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { configApiRef, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import type { KubernetesApi } from '@backstage/plugin-kubernetes-react';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import { entityContentRouteRef } from '../routes';
import { FakePrometheus } from './FakePrometheus';
import { entity as defaultEntity } from './objects';

type ConfigData = NonNullable<NonNullable<Parameters<typeof mockApis.config>[0]>['data']>;

export interface RenderOptions {
  kubernetesApi: KubernetesApi;
  prometheus?: FakePrometheus;
  config?: ConfigData;
  entity?: Entity;
  /** Mount the "AI Compliance" tab's route (default true). */
  mountTab?: boolean;
}

/** Renders an entity-page component in a test app with the given Kubernetes and Prometheus. */
export function renderOnEntityPage(element: ReactElement, options: RenderOptions) {
  const prometheus = options.prometheus ?? new FakePrometheus({ notConfigured: true });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [kubernetesApiRef, options.kubernetesApi],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
        [discoveryApiRef, mockApis.discovery({ baseUrl: 'http://localhost:7007' })],
        [fetchApiRef, prometheus.fetchApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? defaultEntity}>{element}</EntityProvider>
    </TestApiProvider>,
    options.mountTab === false
      ? {}
      : { mountedRoutes: { '/catalog/default/component/llm-chat/aigov': entityContentRouteRef } },
  );
}

/** A promise the test settles later: a request that is still running. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
