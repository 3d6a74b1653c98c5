/**
 * The aigov backend's REST API, as JSON. Times are ISO 8601 strings in UTC; entity refs are
 * the catalog's full refs in lower case (`component:default/llm-chat`, `group:default/ml`).
 */

/** @public */
export type AigovGrade = 'A' | 'B' | 'C' | 'D' | 'F';

/** @public */
export type AigovSeverity = 'error' | 'warning' | 'info';

/** The rule categories of the rules core, and `parse` (which never enters scores). @public */
export type AigovCategory =
  'parse' | 'resources' | 'gpu' | 'scaling' | 'storage' | 'security' | 'monitoring' | 'reliability';

/** @public */
export const AIGOV_GRADES: readonly AigovGrade[] = ['A', 'B', 'C', 'D', 'F'];

/**
 * `ok`: every cluster answered for every kind that was asked for (a custom resource whose
 * definition is not installed, HTTP 404, still counts as answered).
 * `partial`: a cluster was unreachable or refused some kinds; the score covers what was read,
 * and rules that conclude absence stayed silent for the kinds that are missing.
 *
 * @public
 */
export type AigovScanStatus = 'ok' | 'partial';

/** @public */
export const AIGOV_SCAN_STATUSES: readonly AigovScanStatus[] = ['ok', 'partial'];

/** @public */
export interface AigovCategoryScore {
  /** 0–100, floored. */
  score: number;
  grade: AigovGrade;
}

/** Findings that count against the score, by severity, and the suppressed ones. @public */
export interface AigovSeverityCounts {
  error: number;
  warning: number;
  info: number;
  suppressed: number;
}

/** @public */
export interface AigovObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * One finding on a live object: the rules core's `Finding` without file positions.
 *
 * @public
 */
export interface AigovFinding {
  ruleId: string;
  messageId: string;
  severity: AigovSeverity;
  category: AigovCategory;
  message: string;
  remediation: string;
  docsUrl: string;
  object?: AigovObjectRef;
  cluster?: string;
  container?: string;
  /** Path inside the object, e.g. `spec.template.spec.containers[0].resources`. */
  path: string;
  /** Stable across scans while the same problem remains. */
  fingerprint: string;
  suppressed?: { kind: 'annotation' | 'exemption'; reason?: string };
}

/** A cluster that did not answer fully during a scan. @public */
export interface AigovClusterError {
  cluster: string;
  /** As the Kubernetes plugin reports it: `FETCH_ERROR`, `NOT_FOUND`, `UNAUTHORIZED_ERROR`… */
  errorType: string;
  statusCode?: number;
  resourcePath?: string;
  message: string;
}

/** The latest scan of one entity, without its findings. @public */
export interface AigovEntityScore {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** The owner's entity ref (from the `ownedBy` relation), when the entity has one. */
  owner?: string;
  score: number;
  grade: AigovGrade;
  status: AigovScanStatus;
  categories: Partial<Record<AigovCategory, AigovCategoryScore>>;
  counts: AigovSeverityCounts;
  /** Rule checks that applied, and how many failed (suppressed failures count as passed). */
  checks: number;
  failed: number;
  /** Live objects evaluated (controllers; what they own is not counted twice). */
  objects: number;
  scannedAt: string;
  /** The last attempt failed after `scannedAt` (Kubernetes backend down…); the score is older. */
  lastError?: { message: string; at: string };
}

/** `GET /scores/:kind/:namespace/:name` @public */
export interface AigovEntityScoreDetail extends AigovEntityScore {
  /** Sorted by severity (errors first), then rule id, object and path. */
  findings: AigovFinding[];
  clusters: { name: string; objects: number }[];
  clusterErrors: AigovClusterError[];
  /** Kinds read completely on every cluster: rules that conclude absence ran for these. */
  completeKinds: string[];
}

/** `GET /scores` @public */
export interface AigovScoreListResponse {
  items: AigovEntityScore[];
  /** All entities matching the filters, beyond this page. */
  totalItems: number;
  limit: number;
  offset: number;
}

/** One scan in an entity's history. @public */
export interface AigovHistoryPoint {
  time: string;
  score: number;
  grade: AigovGrade;
  status: AigovScanStatus;
  categories: Partial<Record<AigovCategory, AigovCategoryScore>>;
  counts: AigovSeverityCounts;
  checks: number;
  failed: number;
  objects: number;
}

/** `GET /scores/:kind/:namespace/:name/history` — oldest first. @public */
export interface AigovEntityHistoryResponse {
  entityRef: string;
  items: AigovHistoryPoint[];
}

/** A group in a team rollup. @public */
export interface AigovTeamGroup {
  entityRef: string;
  title?: string;
  /** The parent group's ref; absent for the requested group. */
  parent?: string;
  /** 0 for the requested group, 1 for its children… */
  depth: number;
  /** Score of the services this group owns itself (null when it owns none that are scored). */
  score: number | null;
  grade: AigovGrade | null;
  entities: number;
}

/**
 * `GET /teams/:namespace/:name` — a group with its nested groups and the services they own.
 * The score is the rules core's score over all their checks together (passed weight over
 * applicable weight), not an average of averages.
 *
 * @public
 */
export interface AigovTeamRollup {
  group: { entityRef: string; title?: string };
  /** The group first, then its descendants, breadth first. */
  groups: AigovTeamGroup[];
  /** Null when no owned entity has been scored. */
  score: number | null;
  grade: AigovGrade | null;
  categories: Partial<Record<AigovCategory, AigovCategoryScore>>;
  counts: AigovSeverityCounts;
  /** Worst score first. */
  entities: AigovEntityScore[];
}

/** One day of a team's history: each entity's last scan of that day, combined. @public */
export interface AigovTeamHistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  score: number;
  grade: AigovGrade;
  entities: number;
}

/** `GET /teams/:namespace/:name/history` — oldest first. @public */
export interface AigovTeamHistoryResponse {
  group: string;
  items: AigovTeamHistoryPoint[];
}

/** A run of the scheduled scoring task. @public */
export interface AigovRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  /** Entities with Kubernetes annotations found in the catalog. */
  entities: number;
  scored: number;
  partial: number;
  failed: number;
  /** Set when the run itself stopped early (catalog unreachable, aborted). */
  error?: string;
}

/** `GET /status` @public */
export interface AigovStatusResponse {
  lastRun?: AigovRun;
  /** Entities that have at least one scan. */
  scoredEntities: number;
}

/** `POST /refresh` (202) @public */
export interface AigovRefreshResponse {
  triggered: true;
}
