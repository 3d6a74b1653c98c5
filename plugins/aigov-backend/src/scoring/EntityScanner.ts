import type { CustomResourceSpec, ResolvedConfig } from '@aigov/rules';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { ScoreStore } from '../database/ScoreStore';
import type { LiveObjectsSource } from '../kubernetes/KubernetesBackendClient';
import { entityInfoOf } from './entities';
import { scoreLiveObjects, type EntityScan } from './scoreLiveObjects';

export type ScanOutcome =
  | { outcome: 'scored'; entityRef: string; snapshotId: number; scan: EntityScan }
  | { outcome: 'failed'; entityRef: string; message: string };

/** Scans one entity: reads its live objects, scores them, stores the result or the failure. */
export class EntityScanner {
  readonly #source: LiveObjectsSource;
  readonly #store: ScoreStore;
  readonly #logger: LoggerService;
  readonly #customResources: readonly CustomResourceSpec[];
  readonly #rules: ResolvedConfig;
  readonly #now: () => number;

  constructor(options: {
    source: LiveObjectsSource;
    store: ScoreStore;
    logger: LoggerService;
    customResources: readonly CustomResourceSpec[];
    rules: ResolvedConfig;
    now?: () => number;
  }) {
    this.#source = options.source;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#customResources = options.customResources;
    this.#rules = options.rules;
    this.#now = options.now ?? Date.now;
  }

  async scan(entity: Entity, signal?: AbortSignal): Promise<ScanOutcome> {
    const info = entityInfoOf(entity);
    let scan: EntityScan;
    try {
      const live = await this.#source.fetchObjects(entity, this.#customResources, signal);
      scan = scoreLiveObjects(live, { customResources: this.#customResources, rules: this.#rules });
    } catch (error) {
      if (signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.warn(`Could not scan ${info.entityRef}: ${message}`);
      await this.#store.recordFailure(info, message, this.#now());
      return { outcome: 'failed', entityRef: info.entityRef, message };
    }
    for (const e of scan.ruleErrors) {
      this.#logger.error(`Rule ${e.ruleId} failed on ${info.entityRef}: ${e.message}`);
    }
    if (scan.status === 'partial') {
      const errors = scan.clusterErrors.map((e) => `${e.cluster}: ${e.message}`).join('; ');
      this.#logger.warn(`Partial scan of ${info.entityRef}: ${errors}`);
    }
    const snapshotId = await this.#store.recordScan(info, scan, this.#now());
    return { outcome: 'scored', entityRef: info.entityRef, snapshotId, scan };
  }
}
