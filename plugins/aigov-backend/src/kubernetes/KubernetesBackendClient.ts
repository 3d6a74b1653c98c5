import type { CustomResourceSpec } from '@aigov/rules';
import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { LiveObjects } from '../scoring/scoreLiveObjects';

/** Reads the live objects of an entity. The scoring task's only view of Kubernetes. */
export interface LiveObjectsSource {
  fetchObjects(
    entity: Entity,
    customResources: readonly CustomResourceSpec[],
    signal?: AbortSignal,
  ): Promise<LiveObjects>;
}

/** The Kubernetes backend answered with an error status, or not at all. */
export class KubernetesBackendError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'KubernetesBackendError';
  }
}

async function describeFailure(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let detail = text.slice(0, 300);
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null) {
      const error = (body as { error?: unknown }).error;
      if (typeof error === 'string') detail = error;
      else if (typeof error === 'object' && error !== null) {
        const message = (error as { message?: unknown }).message;
        if (typeof message === 'string') detail = message;
      }
    }
  } catch {
    // not JSON: keep the text
  }
  return `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
}

/**
 * Reads live objects through the Kubernetes backend's REST API, with a plugin-to-plugin token,
 * so that its cluster locators, auth strategies and permission checks all apply:
 * `POST /services/:entityName` for the workloads (its configured object types and custom
 * resources), then `POST /resources/custom/query` for the custom resources aigov needs.
 */
export class KubernetesBackendClient implements LiveObjectsSource {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;

  constructor(options: { discovery: DiscoveryService; auth: AuthService; timeoutMs: number }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs;
  }

  async fetchObjects(
    entity: Entity,
    customResources: readonly CustomResourceSpec[],
    signal?: AbortSignal,
  ): Promise<LiveObjects> {
    const baseUrl = await this.#discovery.getBaseUrl('kubernetes');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });
    const workloads = await this.#post(
      `${baseUrl}/services/${encodeURIComponent(entity.metadata.name)}`,
      { entity },
      token,
      signal,
    );
    if (customResources.length === 0) return { workloads };
    try {
      const custom = await this.#post(
        `${baseUrl}/resources/custom/query`,
        {
          entityRef: stringifyEntityRef(entity),
          customResources: customResources.map(({ group, apiVersion, plural }) => ({
            group,
            apiVersion,
            plural,
          })),
        },
        token,
        signal,
      );
      return { workloads, custom };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { workloads, customError: error instanceof Error ? error.message : String(error) };
    }
  }

  async #post(url: string, body: unknown, token: string, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) {
        throw new KubernetesBackendError(
          `The Kubernetes backend did not answer within ${this.#timeoutMs} ms`,
        );
      }
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new KubernetesBackendError(
        `The Kubernetes backend could not be reached${cause || (error instanceof Error ? `: ${error.message}` : '')}`,
      );
    }
    if (!response.ok) {
      throw new KubernetesBackendError(
        `The Kubernetes backend refused ${new URL(url).pathname}: ${await describeFailure(response)}`,
        response.status,
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new KubernetesBackendError(
        `The Kubernetes backend answered ${new URL(url).pathname} with malformed JSON`,
      );
    }
  }
}
