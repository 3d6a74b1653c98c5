import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import { DEFAULT_CUSTOM_RESOURCES } from '@aigov/rules';
import { FakeKubernetesApi } from '../testUtils/FakeKubernetesApi';
import { deploymentWithPods, entity } from '../testUtils/objects';
import { fetchLiveObjects } from './kubernetesObjects';

describe('fetchLiveObjects', () => {
  it('asks for the objects and the configured custom resources with the same auth', async () => {
    const api = new FakeKubernetesApi({ clusters: [{ name: 'c', objects: deploymentWithPods() }] });
    const getObjects = jest.spyOn(api, 'getObjectsByEntity');
    const getCustom = jest.spyOn(api, 'getCustomObjectsByEntity');
    const authProviders: KubernetesAuthProvidersApi = {
      decorateRequestBodyForAuth: async (provider, body) => ({
        ...body,
        auth: { ...body.auth, [provider]: 'token' },
      }),
      getCredentials: async () => ({}),
    };
    const input = await fetchLiveObjects(
      { kubernetesApi: api, kubernetesAuthProvidersApi: authProviders },
      entity,
      DEFAULT_CUSTOM_RESOURCES,
    );
    expect(getObjects).toHaveBeenCalledWith({ entity, auth: { serviceAccount: 'token' } });
    expect(getCustom).toHaveBeenCalledWith({
      entity,
      auth: { serviceAccount: 'token' },
      customResources: DEFAULT_CUSTOM_RESOURCES.map(({ group, apiVersion, plural }) => ({
        group,
        apiVersion,
        plural,
      })),
    });
    expect(input.workloads).toEqual({
      items: [expect.objectContaining({ cluster: { name: 'c' } })],
    });
    expect(input.custom).toEqual({ items: [] });
    expect(input.customError).toBeUndefined();
  });

  it('keeps a failed custom resources request as customError, and throws when the objects fail', async () => {
    const api = new FakeKubernetesApi({
      clusters: [],
      customQueryError: 'Request failed with 403 Forbidden',
    });
    const input = await fetchLiveObjects({ kubernetesApi: api }, entity, DEFAULT_CUSTOM_RESOURCES);
    expect(input.customError).toBe('Request failed with 403 Forbidden');
    expect(input.custom).toBeUndefined();

    const down = new FakeKubernetesApi({
      clusters: [],
      backendError: 'Could not find the Kubernetes Backend (HTTP 404).',
    });
    await expect(
      fetchLiveObjects({ kubernetesApi: down }, entity, DEFAULT_CUSTOM_RESOURCES),
    ).rejects.toThrow('Kubernetes Backend');
  });

  it('skips the custom request when no custom resource is configured', async () => {
    const api = new FakeKubernetesApi({ clusters: [] });
    await fetchLiveObjects({ kubernetesApi: api }, entity, []);
    expect(api.calls.map((c) => c.method)).toEqual(['getObjectsByEntity']);
  });
});
