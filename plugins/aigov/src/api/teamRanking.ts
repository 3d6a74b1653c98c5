import {
  AIGOV_MAX_PAGE_SIZE,
  type AigovEntityScore,
  type AigovTeamRollup,
} from '@aigov/backstage-plugin-common';
import {
  RELATION_CHILD_OF,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import type { AigovApi } from './AigovApi';
import { aigovErrorMessage, aigovProblemOf } from './errors';

/** A team in the ranking: a catalog group and its rollup over its nested groups. */
export interface RankedTeam {
  /** Lower case, as the backend keeps refs: `group:default/ml-platform`. */
  entityRef: string;
  namespace: string;
  name: string;
  title: string;
  /** The parent group, when it is in the ranking too. */
  parent?: { entityRef: string; title: string };
  rollup: AigovTeamRollup;
}

export interface TeamRanking {
  /** Best score first; teams without a score last. */
  teams: RankedTeam[];
  /** Kinds of the scored entities, for the kind filter (as the catalog spells them). */
  kinds: string[];
  /** Scored entities read to find the teams. */
  entities: number;
  /** What could not be read; the ranking shows the rest. */
  problems: string[];
}

/** Pages of `GET /scores` read to find the owners (at most 10,000 entities). */
const MAX_SCORE_PAGES = 20;
/** Group ancestry followed upwards at most this far (cycles, runaway trees). */
const MAX_DEPTH = 20;
/** Rollups requested at most (one request each). */
export const MAX_TEAMS = 200;
const CONCURRENCY = 4;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Runs `fn` over `items`, `limit` at a time, keeping the order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function listAllScores(
  api: AigovApi,
): Promise<{ items: AigovEntityScore[]; complete: boolean }> {
  const items: AigovEntityScore[] = [];
  for (let page = 0; page < MAX_SCORE_PAGES; page++) {
    const answer = await api.getScores({
      orderBy: 'name',
      limit: AIGOV_MAX_PAGE_SIZE,
      offset: page * AIGOV_MAX_PAGE_SIZE,
    });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.totalItems)
      return { items, complete: true };
  }
  return { items, complete: false };
}

function groupRef(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  try {
    const parsed = parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' });
    return parsed.kind.toLocaleLowerCase('en-US') === 'group'
      ? lower(stringifyEntityRef(parsed))
      : undefined;
  } catch {
    return undefined;
  }
}

/** The group's parent: its `childOf` relation, or `spec.parent` before relations exist. */
function parentOf(group: Entity): string | undefined {
  const relation = group.relations?.find(
    (r) => r.type === RELATION_CHILD_OF && groupRef(r.targetRef) !== undefined,
  );
  if (relation) return groupRef(relation.targetRef);
  const parent = group.spec?.parent;
  if (typeof parent !== 'string' || !parent) return undefined;
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(parent, {
          defaultKind: 'group',
          defaultNamespace: group.metadata.namespace ?? 'default',
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

function titleOf(group: Entity): string | undefined {
  const profile = group.spec?.profile;
  const displayName =
    typeof profile === 'object' && profile !== null && 'displayName' in profile
      ? (profile as { displayName?: unknown }).displayName
      : undefined;
  return typeof displayName === 'string' && displayName ? displayName : group.metadata.title;
}

interface GroupInfo {
  title?: string;
  parent?: string;
}

/**
 * The groups that own scored entities and every group above them, read from the catalog
 * (`childOf`). Without the catalog, only the owners.
 */
async function resolveGroups(
  owners: string[],
  catalogApi: CatalogApi | undefined,
  problems: string[],
): Promise<Map<string, GroupInfo>> {
  const groups = new Map<string, GroupInfo>(owners.map((o) => [o, {}]));
  if (!catalogApi) return groups;
  let frontier = owners;
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    let items: (Entity | undefined)[];
    try {
      ({ items } = await catalogApi.getEntitiesByRefs({
        entityRefs: frontier,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile.displayName',
          'spec.parent',
          'relations',
        ],
      }));
    } catch (e) {
      problems.push(
        `Could not read the groups from the catalog, so teams are shown without the groups above them: ${e instanceof Error ? e.message : String(e)}`,
      );
      return groups;
    }
    const next: string[] = [];
    frontier.forEach((ref, i) => {
      const entity = items[i];
      if (!entity) return;
      const parent = parentOf(entity);
      const title = titleOf(entity);
      groups.set(ref, { ...(title ? { title } : {}), ...(parent ? { parent } : {}) });
      if (parent && !groups.has(parent) && groups.size < MAX_TEAMS) {
        groups.set(parent, {});
        next.push(parent);
      }
    });
    frontier = next;
  }
  return groups;
}

/**
 * Teams ranked by score: the catalog groups that own scored entities and the groups above
 * them, each with its rollup (`GET /teams/:namespace/:name`) over its nested groups.
 * Errors reading the scores reject (the page shows them); a group whose rollup fails is left
 * out and named in `problems`.
 */
export async function loadTeamRanking(
  api: AigovApi,
  catalogApi: CatalogApi | undefined,
): Promise<TeamRanking> {
  const problems: string[] = [];
  const { items, complete } = await listAllScores(api);
  if (!complete)
    problems.push(`Only the first ${items.length} scored entities were read to find their teams.`);
  const owners = [...new Set(items.flatMap((s) => groupRef(s.owner) ?? []))].sort();
  const kinds = [...new Set(items.map((s) => s.kind))].sort((a, b) => a.localeCompare(b));
  const groups = await resolveGroups(owners, catalogApi, problems);
  const refs = [...groups.keys()].slice(0, MAX_TEAMS);
  if (groups.size > MAX_TEAMS)
    problems.push(`Only ${MAX_TEAMS} of ${groups.size} groups are ranked.`);

  const failed: string[] = [];
  const rollups = await mapConcurrently(refs, CONCURRENCY, async (ref) => {
    const { namespace, name } = parseEntityRef(ref);
    try {
      return await api.getTeam({ namespace, name });
    } catch (e) {
      // 404: the group left the catalog since its entities were scored.
      if (aigovProblemOf(e) !== 'not-found') failed.push(`${ref}: ${aigovErrorMessage(e)}`);
      return undefined;
    }
  });
  if (failed.length > 0) problems.push(`Could not read some teams: ${failed.join('; ')}`);

  const titles = new Map(
    refs.map((ref, i) => [
      ref,
      groups.get(ref)?.title ?? rollups[i]?.group.title ?? parseEntityRef(ref).name,
    ]),
  );
  const teams = refs.flatMap((ref, i): RankedTeam[] => {
    const rollup = rollups[i];
    if (!rollup) return [];
    const { namespace, name } = parseEntityRef(ref);
    const parentRef = groups.get(ref)?.parent;
    const parentTitle = parentRef ? titles.get(parentRef) : undefined;
    return [
      {
        entityRef: ref,
        namespace,
        name,
        title: titles.get(ref) ?? name,
        ...(parentRef && parentTitle
          ? { parent: { entityRef: parentRef, title: parentTitle } }
          : {}),
        rollup,
      },
    ];
  });
  teams.sort(
    (a, b) => (b.rollup.score ?? -1) - (a.rollup.score ?? -1) || a.title.localeCompare(b.title),
  );
  return { teams, kinds, entities: items.length, problems };
}
