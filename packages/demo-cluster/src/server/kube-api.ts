import type { HttpResult } from '../util/http';
import type { KubeObject } from '../util/json';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from './discovery';
import { listResponse } from './list';
import type { ListBody, ListQuery } from './list';
import { nodeMetrics, podMetrics } from './metrics-api';
import type { ResourceRegistry } from './registry';
import type { ResourceType } from './resources';
import type { KubeRoute } from './routes';
import { badRequest, objectNotFound, resourceNotFound } from './status';
import type { KubeStatus } from './status';
import type { ObjectStore } from './store';

export interface KubeApiState {
  registry: ResourceRegistry;
  store: ObjectStore;
  /** `host:port` the server advertises in `GET /api`. */
  serverAddress: string;
  now: () => number;
}

function isStatus(body: ListBody | KubeStatus): body is KubeStatus {
  return body.kind === 'Status';
}

function ok(json: HttpResult['json']): HttpResult {
  return { status: 200, json };
}

function status(body: { code: number } & HttpResult['json']): HttpResult {
  return { status: body.code, json: body };
}

/** Objects of a type: stored ones, or computed ones for the metrics API. */
function objectsOf(state: KubeApiState, type: ResourceType): readonly KubeObject[] {
  if (!state.registry.isMetrics(type)) return state.store.list(type);
  const now = new Date(state.now());
  const pods = state.store.ofKind('Pod');
  return type.plural === 'pods'
    ? podMetrics(pods, now)
    : nodeMetrics(state.store.ofKind('Node'), pods, now);
}

/** Answers a read request of the Kubernetes API from the state. */
export function answerKubeRequest(
  state: KubeApiState,
  route: KubeRoute,
  query: ListQuery & { watch?: string },
): HttpResult {
  switch (route.type) {
    case 'version':
      return ok({ ...VERSION_INFO });
    case 'health':
      return { status: 200, text: 'ok' };
    case 'api':
      return ok(apiVersions(state.serverAddress));
    case 'apis':
      return ok(apiGroupList(state.registry));
    case 'group': {
      const body = apiGroup(state.registry, route.group);
      return body ? ok(body) : status(resourceNotFound());
    }
    case 'resources': {
      const body = apiResourceList(state.registry, route.group, route.version);
      return body ? ok(body) : status(resourceNotFound());
    }
    case 'list':
    case 'get':
      break;
  }
  const type = state.registry.find(route.group, route.version, route.plural);
  if (!type) return status(resourceNotFound());
  if (route.namespace !== undefined && !type.namespaced) return status(resourceNotFound());
  if (route.type === 'list') {
    if (query.watch === 'true' || query.watch === '1')
      return status(badRequest('watch is not supported by the aigov demo cluster'));
    const all = objectsOf(state, type);
    const objects =
      route.namespace === undefined
        ? all
        : all.filter((o) => o.metadata.namespace === route.namespace);
    const body = listResponse(type, objects, query, state.store.resourceVersion);
    return isStatus(body) ? status(body) : ok(body);
  }
  if (type.namespaced !== (route.namespace !== undefined)) return status(resourceNotFound());
  if (route.subresource !== undefined && route.subresource !== 'status')
    return status(resourceNotFound());
  const found = objectsOf(state, type).find(
    (o) => o.metadata.name === route.name && o.metadata.namespace === route.namespace,
  );
  return found ? ok(found) : status(objectNotFound(type.group, type.plural, route.name));
}
