import { createHash } from 'node:crypto';
import type {
  AigovClusterError,
  AigovFinding,
  AigovGrade,
  AigovRun,
  AigovScanStatus,
} from '@aigov/backstage-plugin-common';
import type { Knex } from 'knex';
import type { RetentionPolicy } from '../config';
import type { WeightedCategories } from '../scoring/weights';
import type {
  HistoryEntry,
  KnownEntity,
  LatestScan,
  LatestScore,
  RetentionResult,
  RunTotals,
  ScanRecord,
  ScanSummary,
  ScoredEntityInfo,
  ScoreFilter,
  ScoreStore,
  WeightsAt,
} from './ScoreStore';
import { DAY_MS, HOUR_MS } from '../time';

const ENTITIES = 'aigov_entities';
const SNAPSHOTS = 'aigov_snapshots';
const FINDING_SETS = 'aigov_finding_sets';
const RUNS = 'aigov_runs';

/** Runs kept for the status page. */
const RUNS_KEPT = 200;
/** Rows per `IN (…)` list, well under every database's bind limit. */
const CHUNK = 500;

/** PostgreSQL returns bigint columns as strings. */
type Int = number | string;

interface EntityRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner_ref: string | null;
  latest_snapshot_id: Int | null;
  last_error: string | null;
  last_error_at: Int | null;
  seen_at: Int;
}

interface SummaryColumns {
  taken_at: Int;
  score: Int;
  grade: string;
  status: string;
  passed_weight: Int;
  total_weight: Int;
  checks: Int;
  failed: Int;
  objects: Int;
  errors: Int;
  warnings: Int;
  infos: Int;
  suppressed: Int;
  categories: string;
}

interface LatestRow extends SummaryColumns {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner_ref: string | null;
  last_error: string | null;
  last_error_at: Int | null;
  snapshot_id: Int;
}

interface LatestScanRow extends LatestRow {
  details: string;
  findings: string | null;
}

interface RunRow {
  id: Int;
  started_at: Int;
  finished_at: Int | null;
  entities: Int;
  scored: Int;
  partial: Int;
  failed: Int;
  error: string | null;
}

interface ScanDetails {
  clusters: { name: string; objects: number }[];
  clusterErrors: AigovClusterError[];
  completeKinds: string[];
}

const SUMMARY_COLUMNS = [
  's.taken_at',
  's.score',
  's.grade',
  's.status',
  's.passed_weight',
  's.total_weight',
  's.checks',
  's.failed',
  's.objects',
  's.errors',
  's.warnings',
  's.infos',
  's.suppressed',
  's.categories',
];

const LATEST_COLUMNS = [
  'e.entity_ref',
  'e.kind',
  'e.namespace',
  'e.name',
  'e.title',
  'e.owner_ref',
  'e.last_error',
  'e.last_error_at',
  's.id as snapshot_id',
  ...SUMMARY_COLUMNS,
];

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** `%` and `_` match literally in a LIKE pattern with `ESCAPE '\'`. */
function likeContaining(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toSummary(row: SummaryColumns): ScanSummary {
  return {
    score: Number(row.score),
    grade: row.grade as AigovGrade,
    status: row.status as AigovScanStatus,
    passedWeight: Number(row.passed_weight),
    totalWeight: Number(row.total_weight),
    checks: Number(row.checks),
    failed: Number(row.failed),
    objects: Number(row.objects),
    counts: {
      error: Number(row.errors),
      warning: Number(row.warnings),
      info: Number(row.infos),
      suppressed: Number(row.suppressed),
    },
    categories: parseJson<WeightedCategories>(row.categories, {}),
  };
}

function toEntityInfo(row: {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner_ref: string | null;
}): ScoredEntityInfo {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner_ref ? { owner: row.owner_ref } : {}),
  };
}

function lastErrorOf(row: { last_error: string | null; last_error_at: Int | null }) {
  return row.last_error !== null && row.last_error_at !== null
    ? { lastError: { message: row.last_error, at: Number(row.last_error_at) } }
    : {};
}

function toLatest(row: LatestRow): LatestScore {
  return {
    entity: toEntityInfo(row),
    snapshotId: Number(row.snapshot_id),
    takenAt: Number(row.taken_at),
    ...toSummary(row),
    ...lastErrorOf(row),
  };
}

function toRun(row: RunRow): AigovRun {
  return {
    id: Number(row.id),
    startedAt: new Date(Number(row.started_at)).toISOString(),
    ...(row.finished_at !== null
      ? { finishedAt: new Date(Number(row.finished_at)).toISOString() }
      : {}),
    entities: Number(row.entities),
    scored: Number(row.scored),
    partial: Number(row.partial),
    failed: Number(row.failed),
    ...(row.error ? { error: row.error } : {}),
  };
}

function hashFindings(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** The score history in the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseScoreStore implements ScoreStore {
  readonly #knex: Knex;

  constructor(knex: Knex) {
    this.#knex = knex;
  }

  async recordScan(entity: ScoredEntityInfo, scan: ScanRecord, takenAt: number): Promise<number> {
    const findingsJson = JSON.stringify(scan.findings);
    const hash = hashFindings(findingsJson);
    const details: ScanDetails = {
      clusters: scan.clusters,
      clusterErrors: scan.clusterErrors,
      completeKinds: scan.completeKinds,
    };
    return this.#knex.transaction(async (trx) => {
      await trx(FINDING_SETS)
        .insert({ hash, findings: findingsJson, count: scan.findings.length })
        .onConflict('hash')
        .ignore();
      const [inserted] = await trx(SNAPSHOTS).insert(
        {
          entity_ref: entity.entityRef,
          taken_at: takenAt,
          score: scan.score,
          grade: scan.grade,
          status: scan.status,
          passed_weight: scan.passedWeight,
          total_weight: scan.totalWeight,
          checks: scan.checks,
          failed: scan.failed,
          objects: scan.objects,
          errors: scan.counts.error,
          warnings: scan.counts.warning,
          infos: scan.counts.info,
          suppressed: scan.counts.suppressed,
          categories: JSON.stringify(scan.categories),
          details: JSON.stringify(details),
          findings_hash: hash,
        },
        ['id'],
      );
      const id = Number((inserted as { id: Int }).id);
      await this.#upsertEntity(trx, entity, takenAt, {
        latest_snapshot_id: id,
        last_error: null,
        last_error_at: null,
      });
      return id;
    });
  }

  async recordFailure(entity: ScoredEntityInfo, message: string, at: number): Promise<void> {
    await this.#upsertEntity(this.#knex, entity, at, {
      last_error: message.slice(0, 2000),
      last_error_at: at,
    });
  }

  async #upsertEntity(
    db: Knex | Knex.Transaction,
    entity: ScoredEntityInfo,
    seenAt: number,
    extra: Partial<Pick<EntityRow, 'latest_snapshot_id' | 'last_error' | 'last_error_at'>>,
  ): Promise<void> {
    const info = {
      kind: entity.kind,
      namespace: entity.namespace,
      name: entity.name,
      title: entity.title ?? null,
      owner_ref: entity.owner ?? null,
      seen_at: seenAt,
    };
    await db(ENTITIES)
      .insert({ entity_ref: entity.entityRef, ...info, ...extra })
      .onConflict('entity_ref')
      .merge([...Object.keys(info), ...Object.keys(extra)]);
  }

  async removeEntitiesNotSeenSince(at: number): Promise<string[]> {
    const rows: { entity_ref: string }[] = await this.#knex(ENTITIES)
      .where('seen_at', '<', at)
      .select('entity_ref');
    const refs = rows.map((r) => r.entity_ref);
    for (const chunk of chunks(refs)) {
      await this.#knex.transaction(async (trx) => {
        await trx(ENTITIES).whereIn('entity_ref', chunk).delete();
        await trx(SNAPSHOTS).whereIn('entity_ref', chunk).delete();
      });
    }
    return refs;
  }

  #latestQuery(filter: ScoreFilter): Knex.QueryBuilder {
    const query = this.#knex({ e: ENTITIES }).join(
      { s: SNAPSHOTS },
      's.id',
      'e.latest_snapshot_id',
    );
    if (filter.owners && filter.owners.length > 0) query.whereIn('e.owner_ref', [...filter.owners]);
    if (filter.kinds && filter.kinds.length > 0)
      query.whereRaw(`lower(e.kind) in (${filter.kinds.map(() => '?').join(', ')})`, [
        ...filter.kinds,
      ]);
    if (filter.grades && filter.grades.length > 0) query.whereIn('s.grade', [...filter.grades]);
    if (filter.statuses && filter.statuses.length > 0)
      query.whereIn('s.status', [...filter.statuses]);
    if (filter.q) {
      const pattern = likeContaining(filter.q);
      query.where((q) =>
        q
          .whereRaw(`lower(e.name) like ? escape '\\'`, [pattern])
          .orWhereRaw(`lower(e.title) like ? escape '\\'`, [pattern]),
      );
    }
    return query;
  }

  async listScores(filter: ScoreFilter): Promise<{ items: LatestScore[]; totalItems: number }> {
    const order = filter.order ?? 'asc';
    const query = this.#latestQuery(filter).select(LATEST_COLUMNS);
    switch (filter.orderBy ?? 'score') {
      case 'score':
        query.orderBy('s.score', order);
        break;
      case 'name':
        query.orderByRaw(`lower(e.name) ${order === 'desc' ? 'desc' : 'asc'}`);
        break;
      case 'scannedAt':
        query.orderBy('s.taken_at', order);
        break;
    }
    query.orderBy('e.entity_ref', 'asc');
    if (filter.limit !== undefined) query.limit(filter.limit);
    if (filter.offset) query.offset(filter.offset);
    const rows: LatestRow[] = await query;
    const paged = filter.limit !== undefined || Boolean(filter.offset);
    const totalItems = paged
      ? Number(
          ((await this.#latestQuery(filter).count({ n: '*' }).first()) as { n: Int } | undefined)
            ?.n ?? 0,
        )
      : rows.length;
    return { items: rows.map(toLatest), totalItems };
  }

  async getLatestScan(entityRef: string): Promise<LatestScan | undefined> {
    const row: LatestScanRow | undefined = await this.#knex({ e: ENTITIES })
      .join({ s: SNAPSHOTS }, 's.id', 'e.latest_snapshot_id')
      .leftJoin({ f: FINDING_SETS }, 'f.hash', 's.findings_hash')
      .where('e.entity_ref', entityRef)
      .first([...LATEST_COLUMNS, 's.details', 'f.findings']);
    if (!row) return undefined;
    const details = parseJson<ScanDetails>(row.details, {
      clusters: [],
      clusterErrors: [],
      completeKinds: [],
    });
    return {
      ...toLatest(row),
      findings: parseJson<AigovFinding[]>(row.findings, []),
      clusters: details.clusters ?? [],
      clusterErrors: details.clusterErrors ?? [],
      completeKinds: details.completeKinds ?? [],
    };
  }

  async getEntity(entityRef: string): Promise<KnownEntity | undefined> {
    const row: EntityRow | undefined = await this.#knex(ENTITIES)
      .where('entity_ref', entityRef)
      .first();
    if (!row) return undefined;
    return {
      ...toEntityInfo(row),
      scanned: row.latest_snapshot_id !== null,
      ...lastErrorOf(row),
    };
  }

  async getHistory(
    entityRef: string,
    range: { from?: number; to?: number; limit: number },
  ): Promise<HistoryEntry[]> {
    const query = this.#knex({ s: SNAPSHOTS })
      .where('s.entity_ref', entityRef)
      .select(SUMMARY_COLUMNS)
      .orderBy('s.taken_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(range.limit);
    if (range.from !== undefined) query.where('s.taken_at', '>=', range.from);
    if (range.to !== undefined) query.where('s.taken_at', '<=', range.to);
    const rows: SummaryColumns[] = await query;
    return rows.reverse().map((row) => ({ takenAt: Number(row.taken_at), ...toSummary(row) }));
  }

  async getWeightsHistory(entityRefs: readonly string[], from: number): Promise<WeightsAt[]> {
    const out: WeightsAt[] = [];
    for (const chunk of chunks(entityRefs)) {
      const rows: {
        entity_ref: string;
        taken_at: Int;
        passed_weight: Int;
        total_weight: Int;
      }[] = await this.#knex(SNAPSHOTS)
        .whereIn('entity_ref', chunk)
        .where('taken_at', '>=', from)
        .select('entity_ref', 'taken_at', 'passed_weight', 'total_weight');
      for (const row of rows) {
        out.push({
          entityRef: row.entity_ref,
          takenAt: Number(row.taken_at),
          passedWeight: Number(row.passed_weight),
          totalWeight: Number(row.total_weight),
        });
      }
    }
    return out.sort((a, b) => a.takenAt - b.takenAt);
  }

  async countScoredEntities(): Promise<number> {
    const row = (await this.#knex(ENTITIES)
      .whereNotNull('latest_snapshot_id')
      .count({ n: '*' })
      .first()) as { n: Int } | undefined;
    return Number(row?.n ?? 0);
  }

  async startRun(at: number): Promise<number> {
    const [row] = await this.#knex(RUNS).insert({ started_at: at }, ['id']);
    return Number((row as { id: Int }).id);
  }

  async finishRun(id: number, at: number, totals: RunTotals): Promise<void> {
    await this.#knex(RUNS)
      .where('id', id)
      .update({
        finished_at: at,
        entities: totals.entities,
        scored: totals.scored,
        partial: totals.partial,
        failed: totals.failed,
        error: totals.error?.slice(0, 2000) ?? null,
      });
  }

  async getLastRun(): Promise<AigovRun | undefined> {
    const row: RunRow | undefined = await this.#knex(RUNS).orderBy('id', 'desc').first();
    return row ? toRun(row) : undefined;
  }

  async applyRetention(now: number, policy: RetentionPolicy): Promise<RetentionResult> {
    const allFrom = now - policy.allMs;
    const hourlyFrom = now - policy.hourlyMs;
    const dailyFrom = now - policy.dailyMs;
    let snapshots = 0;
    snapshots += await this.#keepLastPerBucket(hourlyFrom, allFrom, HOUR_MS);
    snapshots += await this.#keepLastPerBucket(dailyFrom, hourlyFrom, DAY_MS);
    snapshots += await this.#keepLatestOnly(dailyFrom);
    const findingSets = await this.#knex(FINDING_SETS)
      .whereNotExists(
        this.#knex({ s: SNAPSHOTS })
          .select(this.#knex.raw('1'))
          .whereRaw('s.findings_hash = ??', [`${FINDING_SETS}.hash`]),
      )
      .delete();
    const newestRuns = this.#knex(RUNS).select('id').orderBy('id', 'desc').limit(RUNS_KEPT);
    const oldestKept: { id: Int } | undefined = await this.#knex
      .from(newestRuns.as('kept'))
      .min({ id: 'id' })
      .first();
    const runs =
      oldestKept?.id !== undefined && oldestKept.id !== null
        ? await this.#knex(RUNS).where('id', '<', Number(oldestKept.id)).delete()
        : 0;
    return { snapshots, findingSets, runs };
  }

  /** Deletes all but the newest scan per entity and bucket in [from, to), sparing latest scans. */
  async #keepLastPerBucket(from: number, to: number, bucketMs: number): Promise<number> {
    const window = this.#knex({ s: SNAPSHOTS })
      .select(
        's.id',
        this.#knex.raw(
          `row_number() over (partition by s.entity_ref, s.taken_at / ${bucketMs} order by s.taken_at desc, s.id desc) as rn`,
        ),
      )
      .where('s.taken_at', '>=', from)
      .where('s.taken_at', '<', to);
    const superseded = this.#knex
      .from(window.as('ranked'))
      .select('ranked.id')
      .where('ranked.rn', '>', 1);
    return this.#knex(SNAPSHOTS)
      .whereIn('id', superseded)
      .whereNotIn('id', this.#latestIds())
      .delete();
  }

  async #keepLatestOnly(before: number): Promise<number> {
    return this.#knex(SNAPSHOTS)
      .where('taken_at', '<', before)
      .whereNotIn('id', this.#latestIds())
      .delete();
  }

  #latestIds(): Knex.QueryBuilder {
    return this.#knex(ENTITIES).select('latest_snapshot_id').whereNotNull('latest_snapshot_id');
  }
}
