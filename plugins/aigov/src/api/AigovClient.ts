import { isObject } from '@aigov/rules';
import {
  AIGOV_PLUGIN_ID,
  aigovApiPaths,
  aigovScoreQueryString,
  type AigovEntityHistoryResponse,
  type AigovEntityName,
  type AigovEntityScoreDetail,
  type AigovRefreshResponse,
  type AigovScoreListResponse,
  type AigovScoreQuery,
  type AigovStatusResponse,
  type AigovTeamHistoryResponse,
  type AigovTeamRollup,
} from '@aigov/backstage-plugin-common';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AigovResponseFormatError,
  type AigovApi,
  type AigovGroupName,
  type AigovHistoryOptions,
} from './AigovApi';

type Json = Record<string, unknown>;

/** The fields each answer must have to be used at all; the rest is trusted as typed. */
const SHAPES = {
  status: (v: Json) => typeof v.scoredEntities === 'number',
  scores: (v: Json) => Array.isArray(v.items) && typeof v.totalItems === 'number',
  entityScore: (v: Json) => typeof v.entityRef === 'string' && Array.isArray(v.findings),
  history: (v: Json) => Array.isArray(v.items),
  team: (v: Json) => isObject(v.group) && Array.isArray(v.groups) && Array.isArray(v.entities),
  refresh: (v: Json) => v.triggered === true,
} as const;

/**
 * {@link AigovApi} over HTTP: `discoveryApi.getBaseUrl('aigov')` and the app's `fetchApi`, so
 * the user's Backstage token goes with every request (the CSV download too).
 *
 * @public
 */
export class AigovClient implements AigovApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getStatus(): Promise<AigovStatusResponse> {
    return this.json('GET', aigovApiPaths.status, SHAPES.status);
  }

  async getScores(query: AigovScoreQuery = {}): Promise<AigovScoreListResponse> {
    return this.json('GET', withQuery(aigovApiPaths.scores, query), SHAPES.scores);
  }

  async getEntityScore(entity: AigovEntityName): Promise<AigovEntityScoreDetail> {
    return this.json('GET', aigovApiPaths.entityScore(entity), SHAPES.entityScore);
  }

  async getEntityHistory(
    entity: AigovEntityName,
    options: AigovHistoryOptions = {},
  ): Promise<AigovEntityHistoryResponse> {
    const params = new URLSearchParams();
    if (options.from) params.set('from', options.from.toISOString());
    if (options.to) params.set('to', options.to.toISOString());
    if (options.limit !== undefined) params.set('limit', String(options.limit));
    const qs = params.toString();
    const path = aigovApiPaths.entityHistory(entity);
    return this.json('GET', qs ? `${path}?${qs}` : path, SHAPES.history);
  }

  async getTeam(group: AigovGroupName): Promise<AigovTeamRollup> {
    return this.json('GET', aigovApiPaths.team(group), SHAPES.team);
  }

  async getTeamHistory(
    group: AigovGroupName,
    options: { days?: number } = {},
  ): Promise<AigovTeamHistoryResponse> {
    const days = options.days !== undefined ? `?days=${options.days}` : '';
    return this.json('GET', `${aigovApiPaths.teamHistory(group)}${days}`, SHAPES.history);
  }

  async exportCsv(query: AigovScoreQuery = {}): Promise<Blob> {
    const filters = { ...query, limit: undefined, offset: undefined };
    const response = await this.request('GET', withQuery(aigovApiPaths.exportCsv, filters));
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/csv'))
      throw new AigovResponseFormatError(
        `The aigov backend answered GET ${aigovApiPaths.exportCsv} with ${type || 'no content type'}, not CSV.`,
      );
    return response.blob();
  }

  async refreshAll(): Promise<AigovRefreshResponse> {
    return this.json('POST', aigovApiPaths.refresh, SHAPES.refresh);
  }

  async refreshEntity(entity: AigovEntityName): Promise<AigovEntityScoreDetail> {
    return this.json('POST', aigovApiPaths.entityRefresh(entity), SHAPES.entityScore);
  }

  private async request(method: 'GET' | 'POST', path: string): Promise<Response> {
    const url = `${await this.discoveryApi.getBaseUrl(AIGOV_PLUGIN_ID)}${path}`;
    const response = await this.fetchApi.fetch(url, { method });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json<T>(
    method: 'GET' | 'POST',
    path: string,
    hasShape: (value: Json) => boolean,
  ): Promise<T> {
    const response = await this.request(method, path);
    const what = `${method} ${path.split('?')[0]}`;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      const type = response.headers.get('content-type');
      throw new AigovResponseFormatError(
        `The aigov backend answered ${what} with ${type ?? 'a body'} that is not JSON.`,
      );
    }
    if (!isObject(body) || !hasShape(body))
      throw new AigovResponseFormatError(
        `The aigov backend answered ${what} with JSON that is not what its API returns.`,
      );
    return body as T;
  }
}

function withQuery(path: string, query: AigovScoreQuery): string {
  const qs = aigovScoreQueryString(query);
  return qs ? `${path}?${qs}` : path;
}
