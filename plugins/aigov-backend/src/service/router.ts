import {
  aigovScoresReadPermission,
  aigovScoresRefreshPermission,
  scoresToCsv,
  type AigovEntityHistoryResponse,
  type AigovRefreshResponse,
  type AigovScoreListResponse,
  type AigovStatusResponse,
  type AigovTeamHistoryResponse,
} from '@aigov/backstage-plugin-common';
import { RULE_CATEGORIES } from '@aigov/rules';
import type {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult, type BasicPermission } from '@backstage/plugin-permission-common';
import type { Request, Router as ExpressRouter } from 'express';
import Router from 'express-promise-router';
import type { ScoreFilter, ScoreStore } from '../database/ScoreStore';
import { entityKey, hasKubernetesAnnotations } from '../scoring/entities';
import type { EntityScanner } from '../scoring/EntityScanner';
import { toEntityScore, toEntityScoreDetail, toHistoryPoint } from './responses';
import { teamHistory, teamRollup } from './rollups';
import { resolveTeam } from './teams';
import {
  entityNameParams,
  intParam,
  parseScoreQuery,
  timeParam,
  type RawQuery,
  type ScoreQuery,
} from './validation';
import { DAY_MS } from '../time';

export interface RouterOptions {
  store: ScoreStore;
  scanner: EntityScanner;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  taskId: string;
  logger: LoggerService;
  now?: () => number;
}

const MAX_HISTORY = 20_000;

/**
 * The aigov REST API (see README): scores, an entity's scan and history, team rollups, CSV,
 * rescans. Every route needs a user or service token and the matching aigov permission;
 * errors are thrown as @backstage/errors and answered as Backstage error JSON by the
 * backend's error handler.
 */
export async function createRouter(options: RouterOptions): Promise<ExpressRouter> {
  const { store, scanner, catalog, httpAuth, permissions, scheduler, taskId, logger } = options;
  const now = options.now ?? Date.now;
  const router = Router();

  async function authorize(
    req: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Permission ${permission.name} is required`);
    }
    return credentials;
  }

  /**
   * The filter with `team` resolved to its groups (with `owner` too: the owners within the
   * team), or undefined when nothing can match.
   */
  async function resolveFilter(
    query: ScoreQuery,
    credentials: BackstageCredentials,
  ): Promise<ScoreFilter | undefined> {
    if (!query.team) return query.filter;
    const groups = (await resolveTeam(catalog, query.team, credentials)).map((g) => g.entityRef);
    const owners = query.filter.owners
      ? query.filter.owners.filter((o) => groups.includes(o))
      : groups;
    return owners.length > 0 ? { ...query.filter, owners } : undefined;
  }

  router.get('/scores', async (req, res) => {
    const credentials = await authorize(req, aigovScoresReadPermission);
    const query = parseScoreQuery(req.query as RawQuery, { paged: true });
    const filter = await resolveFilter(query, credentials);
    const { items, totalItems } = filter
      ? await store.listScores(filter)
      : { items: [], totalItems: 0 };
    const body: AigovScoreListResponse = {
      items: items.map(toEntityScore),
      totalItems,
      limit: query.filter.limit ?? items.length,
      offset: query.filter.offset ?? 0,
    };
    res.json(body);
  });

  router.get('/export.csv', async (req, res) => {
    const credentials = await authorize(req, aigovScoresReadPermission);
    const query = parseScoreQuery(req.query as RawQuery, { paged: false });
    const filter = await resolveFilter(query, credentials);
    const { items } = filter ? await store.listScores(filter) : { items: [] };
    res
      .type('text/csv; charset=utf-8')
      .attachment('aigov-scores.csv')
      .send(scoresToCsv(items.map(toEntityScore), RULE_CATEGORIES));
  });

  router.get('/scores/:kind/:namespace/:name', async (req, res) => {
    await authorize(req, aigovScoresReadPermission);
    const ref = entityKey(entityNameParams(req.params));
    const scan = await store.getLatestScan(ref);
    if (scan) {
      res.json(toEntityScoreDetail(scan));
      return;
    }
    const known = await store.getEntity(ref);
    if (known?.lastError) {
      throw new NotFoundError(`${ref} has not been scanned yet: ${known.lastError.message}`);
    }
    throw new NotFoundError(`No scores for ${ref}`);
  });

  router.get('/scores/:kind/:namespace/:name/history', async (req, res) => {
    await authorize(req, aigovScoresReadPermission);
    const ref = entityKey(entityNameParams(req.params));
    const query = req.query as RawQuery;
    const from = timeParam(query, 'from');
    const to = timeParam(query, 'to');
    if (from !== undefined && to !== undefined && from > to) {
      throw new InputError('Invalid query: "from" is after "to"');
    }
    const limit = intParam(query, 'limit', { min: 1, max: MAX_HISTORY, fallback: 2000 });
    if (!(await store.getEntity(ref))) throw new NotFoundError(`No scores for ${ref}`);
    const items = await store.getHistory(ref, {
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      limit,
    });
    const body: AigovEntityHistoryResponse = { entityRef: ref, items: items.map(toHistoryPoint) };
    res.json(body);
  });

  router.post('/scores/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await authorize(req, aigovScoresRefreshPermission);
    const ref = entityKey(entityNameParams(req.params));
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    if (!hasKubernetesAnnotations(entity)) {
      throw new InputError(
        `${ref} has neither backstage.io/kubernetes-id nor backstage.io/kubernetes-label-selector`,
      );
    }
    const result = await scanner.scan(entity);
    if (result.outcome === 'failed') {
      throw new ServiceUnavailableError(`Could not scan ${ref}: ${result.message}`);
    }
    const scan = await store.getLatestScan(ref);
    if (!scan) throw new NotFoundError(`No scores for ${ref}`);
    res.json(toEntityScoreDetail(scan));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const credentials = await authorize(req, aigovScoresReadPermission);
    const { namespace, name } = entityNameParams({ kind: 'group', ...req.params });
    const groups = await resolveTeam(catalog, { kind: 'group', namespace, name }, credentials);
    res.json(await teamRollup(store, groups));
  });

  router.get('/teams/:namespace/:name/history', async (req, res) => {
    const credentials = await authorize(req, aigovScoresReadPermission);
    const { namespace, name } = entityNameParams({ kind: 'group', ...req.params });
    const days = intParam(req.query as RawQuery, 'days', { min: 1, max: 3660, fallback: 90 });
    const groups = await resolveTeam(catalog, { kind: 'group', namespace, name }, credentials);
    const { items } = await store.listScores({ owners: groups.map((g) => g.entityRef) });
    const at = now();
    const from = (Math.floor(at / DAY_MS) - days + 1) * DAY_MS;
    const body: AigovTeamHistoryResponse = {
      group: groups[0]?.entityRef ?? '',
      items: await teamHistory(
        store,
        items.map((i) => i.entity.entityRef),
        from,
        at,
      ),
    };
    res.json(body);
  });

  router.post('/refresh', async (req, res) => {
    await authorize(req, aigovScoresRefreshPermission);
    await scheduler.triggerTask(taskId);
    logger.info('A rescan of every entity was requested');
    const body: AigovRefreshResponse = { triggered: true };
    res.status(202).json(body);
  });

  router.get('/status', async (req, res) => {
    await authorize(req, aigovScoresReadPermission);
    const lastRun = await store.getLastRun();
    const body: AigovStatusResponse = {
      ...(lastRun ? { lastRun } : {}),
      scoredEntities: await store.countScoredEntities(),
    };
    res.json(body);
  });

  return router;
}
