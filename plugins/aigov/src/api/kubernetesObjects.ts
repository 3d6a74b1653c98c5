import type { Entity } from '@backstage/catalog-model';
import type { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';
import type { KubernetesApi, KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { CustomResourceSpec } from '@aigov/rules';
import type { LiveObjectsInput } from '../lib/evaluateLive';

export interface KubernetesDeps {
  kubernetesApi: KubernetesApi;
  /** Adds client-side credentials (OIDC, Google…) as the Kubernetes plugin does; optional. */
  kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
}

/** The `auth` of a request for clusters whose credentials come from the browser. */
export async function requestAuth(
  entity: Entity,
  { kubernetesApi, kubernetesAuthProvidersApi }: KubernetesDeps,
): Promise<KubernetesRequestAuth> {
  if (!kubernetesAuthProvidersApi) return {};
  const clusters = await kubernetesApi.getClusters();
  const providers = [
    ...new Set(
      clusters.map(
        (c) => `${c.authProvider}${c.oidcTokenProvider ? `.${c.oidcTokenProvider}` : ''}`,
      ),
    ),
  ];
  let body: { entity: Entity; auth?: KubernetesRequestAuth } = { entity };
  for (const provider of providers)
    body = await kubernetesAuthProvidersApi.decorateRequestBodyForAuth(provider, body);
  return body.auth ?? {};
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads an entity's live objects through the Kubernetes plugin: its objects, and the custom
 * resources the view evaluates (one request each, in parallel). A failure of the custom
 * resources request is kept as `customError`, not thrown: the objects still get evaluated.
 */
export async function fetchLiveObjects(
  deps: KubernetesDeps,
  entity: Entity,
  customResources: readonly CustomResourceSpec[],
): Promise<LiveObjectsInput> {
  const auth = await requestAuth(entity, deps);
  const [objects, custom] = await Promise.all([
    deps.kubernetesApi.getObjectsByEntity({ auth, entity }),
    customResources.length === 0
      ? Promise.resolve({ items: [] })
      : deps.kubernetesApi
          .getCustomObjectsByEntity({
            auth,
            entity,
            customResources: customResources.map(({ group, apiVersion, plural }) => ({
              group,
              apiVersion,
              plural,
            })),
          })
          .catch((e: unknown) => ({ error: messageOf(e) })),
  ]);
  if ('error' in custom) return { workloads: objects, customResources, customError: custom.error };
  return { workloads: objects, custom, customResources };
}
