import {
  AIGOV_MAX_PAGE_SIZE,
  scoresToCsv,
  type AigovEntityHistoryResponse,
  type AigovEntityScore,
  type AigovEntityScoreDetail,
  type AigovHistoryPoint,
  type AigovRun,
  type AigovScoreListResponse,
  type AigovStatusResponse,
  type AigovTeamHistoryPoint,
  type AigovTeamRollup,
} from '@aigov/backstage-plugin-common';
import { gradeOf, RULE_CATEGORIES } from '@aigov/rules';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';

/** A catalog group as the backend sees it: its ref, title and parent (`childOf`). */
export interface FakeGroup {
  entityRef: string;
  title?: string;
  parent?: string;
}

export type FakeEntityDetail = Pick<
  AigovEntityScoreDetail,
  'findings' | 'clusters' | 'clusterErrors' | 'completeKinds'
>;

/** What the backend has stored. Entity refs are lower case, as the backend keeps them. */
export interface FakeAigovData {
  groups: FakeGroup[];
  /** The latest scan of each scored entity. */
  scores: AigovEntityScore[];
  details?: Record<string, FakeEntityDetail>;
  /** Each entity's scans, oldest first. */
  histories?: Record<string, AigovHistoryPoint[]>;
  /** Each group's daily points, oldest first. */
  teamHistories?: Record<string, AigovTeamHistoryPoint[]>;
  lastRun?: AigovRun;
}

export interface FakeFailure {
  method?: 'GET' | 'POST';
  /** Matched against the path under the plugin's base URL, e.g. `/scores`. */
  path: RegExp;
  status: number;
  /** A Backstage error body with this message (default), or `body` as is. */
  message?: string;
  body?: string;
  contentType?: string;
}

export interface FakeAigovOptions {
  /** The backend plugin is not installed: the root router answers 404 with no body. */
  notInstalled?: boolean;
  /** The user lacks `aigov.scores.read`: 403 on every GET. */
  readForbidden?: boolean;
  /** The user lacks `aigov.scores.refresh`: 403 on the POST routes. */
  refreshForbidden?: boolean;
  /** A run is in progress: `POST /refresh` answers 409. */
  runInProgress?: boolean;
  /** The connection fails, as `fetch` does when nothing listens. */
  networkError?: boolean;
  failures?: FakeFailure[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

const ERROR_NAMES: Record<number, string> = {
  400: 'InputError',
  401: 'AuthenticationError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  500: 'Error',
  503: 'ServiceUnavailableError',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A stand-in for the aigov backend behind `/api/aigov`, as a `FetchApi` and `DiscoveryApi`
 * for the real {@link AigovClient}. It serves the routes of the backend's README from stored
 * data: the filters, order and paging of `GET /scores` (and the CSV export), `team` resolved
 * to the group and its nested groups, 404 for entities without scans and groups it does not
 * know, Backstage error bodies, and the two permissions as 403. Team scores are the mean of
 * the entities' scores (the real backend weighs their checks). Every request is recorded.
 */
export class FakeAigovBackend {
  readonly baseUrl = 'http://localhost:7007/api/aigov';
  readonly requests: RecordedRequest[] = [];
  readonly discoveryApi: DiscoveryApi = {
    getBaseUrl: async (pluginId: string) => `http://localhost:7007/api/${pluginId}`,
  };
  readonly fetchApi: FetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => this.handle(input, init),
  };

  constructor(
    private data: FakeAigovData,
    private options: FakeAigovOptions = {},
  ) {}

  update(options: FakeAigovOptions): void {
    this.options = options;
  }

  setData(data: FakeAigovData): void {
    this.data = data;
  }

  /** Requests to a path (without the query), e.g. `/refresh`. */
  requestsTo(path: string | RegExp, method = 'GET'): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }

  /** Ends the run that `POST /refresh` started, as the scheduled task would. */
  finishRun(): void {
    const run = this.data.lastRun;
    if (run && !run.finishedAt)
      this.data.lastRun = {
        ...run,
        finishedAt: new Date().toISOString(),
        entities: this.data.scores.length,
        scored: this.data.scores.length,
      };
  }

  private async handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const base = new URL(this.baseUrl);
    const path = url.pathname.startsWith(base.pathname)
      ? url.pathname.slice(base.pathname.length)
      : url.pathname;
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams.entries()),
      headers,
    });
    if (this.options.networkError) throw new TypeError('Failed to fetch');
    if (
      this.options.notInstalled ||
      url.origin !== base.origin ||
      !url.pathname.startsWith(base.pathname)
    )
      return new Response(null, { status: 404, statusText: 'Not Found' });
    const failure = this.options.failures?.find(
      (f) => f.path.test(path) && (f.method === undefined || f.method === method),
    );
    if (failure) {
      if (failure.body !== undefined)
        return new Response(failure.body, {
          status: failure.status,
          statusText: STATUS_TEXT[failure.status] ?? '',
          headers: { 'content-type': failure.contentType ?? 'text/plain' },
        });
      return this.error(method, url, failure.status, failure.message ?? 'Something broke');
    }
    try {
      return this.route(method, path, url.searchParams);
    } catch (e) {
      if (e instanceof HttpError) return this.error(method, url, e.status, e.message);
      throw e;
    }
  }

  private route(method: string, path: string, query: URLSearchParams): Response {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (method === 'POST') {
      if (this.options.refreshForbidden)
        throw new HttpError(403, 'Permission aigov.scores.refresh is required');
      if (path === '/refresh') return this.refresh();
      if (segments[0] === 'scores' && segments.length === 5 && segments[4] === 'refresh')
        return Response.json(this.detail(this.entityRef(segments)));
      throw new HttpError(404, `No route for POST ${path}`);
    }
    if (method !== 'GET') throw new HttpError(404, `No route for ${method} ${path}`);
    if (this.options.readForbidden)
      throw new HttpError(403, 'Permission aigov.scores.read is required');
    if (path === '/status') return Response.json(this.status());
    if (path === '/scores') return Response.json(this.list(query, true));
    if (path === '/export.csv')
      return new Response(scoresToCsv(this.list(query, false).items, RULE_CATEGORIES), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="aigov-scores.csv"',
        },
      });
    if (segments[0] === 'scores' && segments.length === 4)
      return Response.json(this.detail(this.entityRef(segments)));
    if (segments[0] === 'scores' && segments.length === 5 && segments[4] === 'history')
      return Response.json(this.history(this.entityRef(segments), query));
    if (segments[0] === 'teams' && segments.length === 3)
      return Response.json(this.team(`group:${segments[1]}/${segments[2]}`.toLowerCase()));
    if (segments[0] === 'teams' && segments.length === 4 && segments[3] === 'history') {
      const ref = `group:${segments[1]}/${segments[2]}`.toLowerCase();
      this.group(ref);
      return Response.json({ group: ref, items: this.data.teamHistories?.[ref] ?? [] });
    }
    throw new HttpError(404, `No route for GET ${path}`);
  }

  private entityRef(segments: string[]): string {
    return `${segments[1]}:${segments[2]}/${segments[3]}`.toLowerCase();
  }

  private status(): AigovStatusResponse {
    return {
      ...(this.data.lastRun ? { lastRun: this.data.lastRun } : {}),
      scoredEntities: this.data.scores.length,
    };
  }

  private refresh(): Response {
    if (this.options.runInProgress || (this.data.lastRun && !this.data.lastRun.finishedAt))
      throw new HttpError(409, 'A run of the scoring task is already in progress');
    this.data.lastRun = {
      id: (this.data.lastRun?.id ?? 0) + 1,
      startedAt: new Date().toISOString(),
      entities: 0,
      scored: 0,
      partial: 0,
      failed: 0,
    };
    return Response.json({ triggered: true }, { status: 202, statusText: 'Accepted' });
  }

  private group(ref: string): FakeGroup {
    const group = this.data.groups.find((g) => g.entityRef === ref);
    if (!group) throw new HttpError(404, `No group ${ref} in the catalog`);
    return group;
  }

  /** The group and every group nested under it, breadth first, with their depth. */
  private team(ref: string): AigovTeamRollup {
    const root = this.group(ref);
    const nested: { group: FakeGroup; depth: number }[] = [{ group: root, depth: 0 }];
    for (let i = 0; i < nested.length; i++) {
      const current = nested[i];
      if (!current) break;
      for (const child of this.data.groups.filter((g) => g.parent === current.group.entityRef))
        nested.push({ group: child, depth: current.depth + 1 });
    }
    const owned = (refs: string[]) =>
      this.data.scores
        .filter((s) => s.owner !== undefined && refs.includes(s.owner))
        .sort((a, b) => a.score - b.score || a.entityRef.localeCompare(b.entityRef));
    const combined = (entities: AigovEntityScore[]) => {
      if (entities.length === 0) return { score: null, grade: null };
      const score = Math.floor(entities.reduce((n, e) => n + e.score, 0) / entities.length);
      return { score, grade: gradeOf(score) };
    };
    const entities = owned(nested.map((n) => n.group.entityRef));
    const counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
    for (const e of entities)
      for (const k of [...SEVERITY_ORDER, 'suppressed'] as const) counts[k] += e.counts[k];
    return {
      group: { entityRef: root.entityRef, ...(root.title ? { title: root.title } : {}) },
      groups: nested.map(({ group, depth }) => {
        const own = owned([group.entityRef]);
        return {
          entityRef: group.entityRef,
          ...(group.title ? { title: group.title } : {}),
          ...(depth > 0 && group.parent ? { parent: group.parent } : {}),
          depth,
          ...combined(own),
          entities: own.length,
        };
      }),
      ...combined(entities),
      categories: {},
      counts,
      entities,
    };
  }

  private list(query: URLSearchParams, paged: boolean): AigovScoreListResponse {
    const list = (key: string) =>
      query
        .getAll(key)
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    const limit = Number(query.get('limit') ?? 50);
    const offset = Number(query.get('offset') ?? 0);
    if (paged && (!Number.isInteger(limit) || limit < 1 || limit > AIGOV_MAX_PAGE_SIZE))
      throw new HttpError(400, `Invalid query: "limit" must be 1–${AIGOV_MAX_PAGE_SIZE}`);
    const owners = list('owner').map((o) =>
      (o.includes(':') ? o : `group:default/${o}`).toLowerCase(),
    );
    const team = query.get('team');
    const teamOwners = team
      ? this.team(team.toLowerCase()).groups.map((g) => g.entityRef)
      : undefined;
    const kinds = list('kind').map((k) => k.toLowerCase());
    const grades = list('grade');
    const statuses = list('status');
    const q = query.get('q')?.toLowerCase();
    const orderBy = query.get('orderBy') ?? 'score';
    const direction = query.get('order') === 'desc' ? -1 : 1;
    const items = this.data.scores
      .filter(
        (s) =>
          (owners.length === 0 || (s.owner !== undefined && owners.includes(s.owner))) &&
          (!teamOwners || (s.owner !== undefined && teamOwners.includes(s.owner))) &&
          (kinds.length === 0 || kinds.includes(s.kind.toLowerCase())) &&
          (grades.length === 0 || grades.includes(s.grade)) &&
          (statuses.length === 0 || statuses.includes(s.status)) &&
          (!q || s.name.toLowerCase().includes(q) || (s.title ?? '').toLowerCase().includes(q)),
      )
      .sort((a, b) => {
        const by =
          orderBy === 'name'
            ? a.name.localeCompare(b.name)
            : orderBy === 'scannedAt'
              ? Date.parse(a.scannedAt) - Date.parse(b.scannedAt)
              : a.score - b.score;
        return direction * by || a.entityRef.localeCompare(b.entityRef);
      });
    const page = paged ? items.slice(offset, offset + limit) : items;
    return { items: page, totalItems: items.length, limit: paged ? limit : items.length, offset };
  }

  private detail(ref: string): AigovEntityScoreDetail {
    const score = this.data.scores.find((s) => s.entityRef === ref);
    if (!score) throw new HttpError(404, `No scores for ${ref}`);
    return {
      ...score,
      ...(this.data.details?.[ref] ?? {
        findings: [],
        clusters: [],
        clusterErrors: [],
        completeKinds: [],
      }),
    };
  }

  private history(ref: string, query: URLSearchParams): AigovEntityHistoryResponse {
    if (!this.data.scores.some((s) => s.entityRef === ref))
      throw new HttpError(404, `No scores for ${ref}`);
    const from = query.get('from');
    const to = query.get('to');
    const limit = Number(query.get('limit') ?? 2000);
    const items = (this.data.histories?.[ref] ?? []).filter(
      (p) =>
        (!from || Date.parse(p.time) >= Date.parse(from)) &&
        (!to || Date.parse(p.time) <= Date.parse(to)),
    );
    return { entityRef: ref, items: items.slice(Math.max(0, items.length - limit)) };
  }

  private error(method: string, url: URL, status: number, message: string): Response {
    return Response.json(
      {
        error: { name: ERROR_NAMES[status] ?? 'Error', message },
        request: { method, url: url.pathname + url.search },
        response: { statusCode: status },
      },
      { status, statusText: STATUS_TEXT[status] ?? '' },
    );
  }
}
