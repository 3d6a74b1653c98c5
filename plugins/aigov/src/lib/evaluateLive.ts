import { clusterOf, evaluateLive, scoreBy, severityRank } from '@aigov/rules';
import type {
  AigovConfig,
  Finding,
  LiveCluster,
  LiveClusterError,
  LiveResponses,
  ResolvedConfig,
  RuleError,
  Score,
} from '@aigov/rules';
import type { AigovScanStatus, AigovSeverityCounts } from '@aigov/backstage-plugin-common';
import { countFindings } from '@aigov/backstage-plugin-common';

export type { LiveCluster } from '@aigov/rules';

/** What the Kubernetes plugin answered for one entity, and the custom resources asked for. */
export type LiveObjectsInput = LiveResponses;

export interface LiveEvaluationOptions {
  /** Rules configuration, as in `.aigov.yaml`; default `recommended`. */
  config?: AigovConfig | ResolvedConfig;
}

export interface LiveEvaluation {
  score: Score;
  /** Worst first: severity, then cluster, object, container and rule. */
  findings: Finding[];
  counts: AigovSeverityCounts;
  /** `partial` when a cluster was unreachable or refused some kinds (a 404 is an answer). */
  status: AigovScanStatus;
  clusters: LiveCluster[];
  /** Per cluster and resource, as the Kubernetes plugin reported them. */
  clusterErrors: LiveClusterError[];
  /** The custom resources request failed as a whole. */
  customError?: string;
  /** Kinds read completely on every cluster: rules that conclude absence ran for these. */
  completeKinds: string[];
  /** Score of each evaluated object, by {@link objectKey}. */
  objectScores: ReadonlyMap<string, Score>;
  /**
   * For an object that stands for its siblings (pods of one controller that is not in the
   * response), how many there are, by {@link objectKey}.
   */
  replicas: ReadonlyMap<string, number>;
  /** Rules that threw (a bug in aigov): reported, never fatal. */
  ruleErrors: RuleError[];
}

/** Identity of an object inside one evaluation: cluster, kind, namespace and name. */
export function objectKey(
  cluster: string | undefined,
  ref: { apiVersion: string; kind: string; namespace?: string; name: string } | undefined,
): string {
  if (!ref) return `${cluster ?? ''}|`;
  return [cluster ?? '', ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name].join('|');
}

/** Orders two strings by UTF-16 code units, as `<` does. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The object a finding is about: cluster, kind, namespace and name. */
type ObjectTuple = readonly [string, string, string, string];

function compareTuples(a: ObjectTuple, b: ObjectTuple): number {
  return (
    byCodeUnits(a[0], b[0]) ||
    byCodeUnits(a[1], b[1]) ||
    byCodeUnits(a[2], b[2]) ||
    byCodeUnits(a[3], b[3])
  );
}

/**
 * The rank of each finding's object among the objects of all findings, in tuple order, and how
 * many objects there are. The objects are told apart by a tree of maps over their fields (no key
 * string per finding) and sorted once.
 */
function objectRanks(findings: readonly Finding[]): { ranks: number[]; objects: number } {
  const tree = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const tuples: ObjectTuple[] = [];
  const ids = new Array<number>(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const cluster = f.cluster ?? '';
    const kind = f.object?.kind ?? '';
    const namespace = f.object?.namespace ?? '';
    const name = f.object?.name ?? '';
    let byKind = tree.get(cluster);
    if (!byKind) tree.set(cluster, (byKind = new Map()));
    let byNamespace = byKind.get(kind);
    if (!byNamespace) byKind.set(kind, (byNamespace = new Map()));
    let byName = byNamespace.get(namespace);
    if (!byName) byNamespace.set(namespace, (byName = new Map()));
    let id = byName.get(name);
    if (id === undefined) {
      // A tuple per object, not per finding.
      id = tuples.length;
      byName.set(name, id);
      tuples.push([cluster, kind, namespace, name]);
    }
    ids[i] = id;
  }
  const order = tuples
    .map((_, id) => id)
    .sort((a, b) => compareTuples(tuples[a] as ObjectTuple, tuples[b] as ObjectTuple));
  const rankOfId = new Array<number>(tuples.length);
  order.forEach((id, rank) => {
    rankOfId[id] = rank;
  });
  return { ranks: ids.map((id) => rankOfId[id] as number), objects: tuples.length };
}

/**
 * Severity (worst first), counted before suppressed, then cluster, object (kind, namespace,
 * name), container, rule and path, each by UTF-16 code units. The findings go into buckets by
 * severity and object: only the few findings of one bucket are compared field by field, so
 * thousands of findings sort in a few milliseconds.
 */
export function sortForView<F extends Finding>(findings: readonly F[]): F[] {
  const { ranks, objects } = objectRanks(findings);
  const buckets: F[][] = [];
  findings.forEach((f, i) => {
    // Worst first, then counted before suppressed; then by object.
    const group = (3 - severityRank(f.severity)) * 2 + (f.suppressed ? 1 : 0);
    (buckets[group * objects + (ranks[i] as number)] ??= []).push(f);
  });
  const sorted: F[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    if (bucket.length > 1)
      bucket.sort(
        (a, b) =>
          byCodeUnits(a.container ?? '', b.container ?? '') ||
          byCodeUnits(a.ruleId, b.ruleId) ||
          byCodeUnits(a.path, b.path),
      );
    for (const f of bucket) sorted.push(f);
  }
  return sorted;
}

/**
 * Evaluates the live objects of one entity for the view (the entity tab, the overview card):
 * the rules core's {@link evaluateLive}, which the backend's scoring runs too, with the
 * findings in view order, counts, and a score and replica count per object. Pure and
 * synchronous; never throws because of its input.
 */
export function evaluateLiveObjects(
  input: LiveObjectsInput,
  options: LiveEvaluationOptions = {},
): LiveEvaluation {
  const result = evaluateLive(input, options.config ? { config: options.config } : {});
  const findings = sortForView(result.findings);
  const objectScores = new Map<string, Score>();
  for (const [m, score] of scoreBy(result.checks, (m) => m))
    objectScores.set(objectKey(clusterOf(m), m), score);
  const replicas = new Map<string, number>();
  for (const [m, n] of result.replicas) replicas.set(objectKey(clusterOf(m), m), n);
  return {
    score: result.score,
    findings,
    counts: countFindings(findings),
    status: result.status,
    clusters: result.clusters,
    clusterErrors: result.clusterErrors,
    ...(result.customError !== undefined ? { customError: result.customError } : {}),
    completeKinds: result.completeKinds,
    objectScores,
    replicas,
    ruleErrors: result.ruleErrors,
  };
}
