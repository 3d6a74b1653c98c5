import type {
  AigovClusterError,
  AigovFinding,
  AigovGrade,
  AigovRun,
  AigovScanStatus,
  AigovScoreOrderBy,
  AigovSeverityCounts,
} from '@aigov/backstage-plugin-common';
import type { RetentionPolicy } from '../config';
import type { WeightedCategories } from '../scoring/weights';

/** A catalog entity as the scores are filed under it. */
export interface ScoredEntityInfo {
  /** Lower-case full ref: the key of everything stored. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Lower-case ref of the `ownedBy` target. */
  owner?: string;
}

/** The summary of one scan: what lists, history and rollups read. */
export interface ScanSummary {
  score: number;
  grade: AigovGrade;
  status: AigovScanStatus;
  passedWeight: number;
  totalWeight: number;
  checks: number;
  failed: number;
  objects: number;
  counts: AigovSeverityCounts;
  categories: WeightedCategories;
}

/** A scan to store: the summary and what the entity page shows. */
export interface ScanRecord extends ScanSummary {
  findings: AigovFinding[];
  clusters: { name: string; objects: number }[];
  clusterErrors: AigovClusterError[];
  completeKinds: string[];
}

/** An entity's latest scan. */
export interface LatestScore extends ScanSummary {
  entity: ScoredEntityInfo;
  snapshotId: number;
  /** Milliseconds since the epoch. */
  takenAt: number;
  lastError?: { message: string; at: number };
}

export interface LatestScan extends LatestScore {
  findings: AigovFinding[];
  clusters: { name: string; objects: number }[];
  clusterErrors: AigovClusterError[];
  completeKinds: string[];
}

export interface HistoryEntry extends ScanSummary {
  takenAt: number;
}

/** An entity known to the store, scanned or not. */
export interface KnownEntity extends ScoredEntityInfo {
  scanned: boolean;
  lastError?: { message: string; at: number };
}

export interface ScoreFilter {
  owners?: readonly string[];
  /** Lower case. */
  kinds?: readonly string[];
  grades?: readonly AigovGrade[];
  statuses?: readonly AigovScanStatus[];
  q?: string;
  orderBy?: AigovScoreOrderBy;
  order?: 'asc' | 'desc';
  /** No limit when absent. */
  limit?: number;
  offset?: number;
}

export interface WeightsAt {
  entityRef: string;
  takenAt: number;
  passedWeight: number;
  totalWeight: number;
}

export interface RunTotals {
  entities: number;
  scored: number;
  partial: number;
  failed: number;
  error?: string;
}

export interface RetentionResult {
  snapshots: number;
  findingSets: number;
  runs: number;
}

/** Where scans are kept: the plugin's database. */
export interface ScoreStore {
  /** Stores a scan as the entity's latest and clears its last error. Returns the scan's id. */
  recordScan(entity: ScoredEntityInfo, scan: ScanRecord, takenAt: number): Promise<number>;
  /** Notes that an entity could not be scanned; its latest scan stays as it was. */
  recordFailure(entity: ScoredEntityInfo, message: string, at: number): Promise<void>;
  /** Forgets entities (and their history) that a complete run did not see. Returns their refs. */
  removeEntitiesNotSeenSince(at: number): Promise<string[]>;

  listScores(filter: ScoreFilter): Promise<{ items: LatestScore[]; totalItems: number }>;
  getLatestScan(entityRef: string): Promise<LatestScan | undefined>;
  getEntity(entityRef: string): Promise<KnownEntity | undefined>;
  /** Oldest first; the newest `limit` scans in the range. */
  getHistory(
    entityRef: string,
    range: { from?: number; to?: number; limit: number },
  ): Promise<HistoryEntry[]>;
  /** The weights of every scan of these entities since `from`, for team trends. */
  getWeightsHistory(entityRefs: readonly string[], from: number): Promise<WeightsAt[]>;
  countScoredEntities(): Promise<number>;

  startRun(at: number): Promise<number>;
  finishRun(id: number, at: number, totals: RunTotals): Promise<void>;
  getLastRun(): Promise<AigovRun | undefined>;

  /**
   * Thins the history: every scan within `allMs`, the last per hour within `hourlyMs`, the last
   * per day (UTC) within `dailyMs`, nothing older, except each entity's latest scan.
   */
  applyRetention(now: number, policy: RetentionPolicy): Promise<RetentionResult>;
}
