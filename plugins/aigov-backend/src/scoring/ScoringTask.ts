import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { RetentionPolicy } from '../config';
import type { RunTotals, ScoreStore } from '../database/ScoreStore';
import { entityKey, KUBERNETES_ANNOTATIONS } from './entities';
import type { EntityScanner } from './EntityScanner';

/** The scheduler's id of the scoring task. */
export const SCORING_TASK_ID = 'aigov-score-entities';

/** Runs `fn` over the items with at most `limit` at a time; stops taking new ones on abort. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * One run of the scheduled task: every catalog entity with Kubernetes annotations is scanned,
 * entities that left the catalog are forgotten, and the history is thinned.
 */
export class ScoringTask {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #scanner: EntityScanner;
  readonly #store: ScoreStore;
  readonly #logger: LoggerService;
  readonly #concurrency: number;
  readonly #retention: RetentionPolicy;
  readonly #now: () => number;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    scanner: EntityScanner;
    store: ScoreStore;
    logger: LoggerService;
    concurrency: number;
    retention: RetentionPolicy;
    now?: () => number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#scanner = options.scanner;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#concurrency = options.concurrency;
    this.#retention = options.retention;
    this.#now = options.now ?? Date.now;
  }

  /** Entities with `backstage.io/kubernetes-id` or `-label-selector`, each once. */
  async listEntities(): Promise<Entity[]> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const byRef = new Map<string, Entity>();
    const pages = this.#catalog.streamEntities(
      {
        filter: KUBERNETES_ANNOTATIONS.map((key) => ({
          [`metadata.annotations.${key}`]: CATALOG_FILTER_EXISTS,
        })),
      },
      { credentials },
    );
    for await (const page of pages) {
      for (const entity of page) byRef.set(entityKey(entity), entity);
    }
    return [...byRef.values()];
  }

  async run(signal?: AbortSignal): Promise<RunTotals> {
    const startedAt = this.#now();
    const runId = await this.#store.startRun(startedAt);
    const totals: RunTotals = { entities: 0, scored: 0, partial: 0, failed: 0 };
    try {
      const entities = await this.listEntities();
      totals.entities = entities.length;
      this.#logger.info(`Scoring ${entities.length} entities with Kubernetes annotations`);
      await forEachConcurrently(
        entities,
        this.#concurrency,
        async (entity) => {
          const result = await this.#scanner.scan(entity, signal);
          if (result.outcome === 'failed') totals.failed++;
          else {
            totals.scored++;
            if (result.scan.status === 'partial') totals.partial++;
          }
        },
        signal,
      );
      if (signal?.aborted) throw new Error('The run was aborted (timeout or shutdown)');
      const removed = await this.#store.removeEntitiesNotSeenSince(startedAt);
      if (removed.length > 0) {
        this.#logger.info(`Forgot ${removed.length} entities no longer in the catalog`);
      }
      const retention = await this.#store.applyRetention(this.#now(), this.#retention);
      this.#logger.info(
        `Scored ${totals.scored} of ${totals.entities} entities (${totals.partial} partial, ${totals.failed} failed); retention removed ${retention.snapshots} scans`,
      );
      return totals;
    } catch (error) {
      totals.error = error instanceof Error ? error.message : String(error);
      this.#logger.error(`Scoring run failed: ${totals.error}`);
      throw error;
    } finally {
      await this.#store.finishRun(runId, this.#now(), totals);
    }
  }
}
