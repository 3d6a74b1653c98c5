import {
  addToCounts,
  emptySeverityCounts,
  type AigovCategory,
  type AigovFinding,
  type AigovObjectRef,
  type AigovSeverity,
  type AigovSeverityCounts,
} from '@aigov/backstage-plugin-common';
import { severityRank } from '@aigov/rules';

/**
 * Grouping, filtering and ranking of findings for display. Works on the backend's
 * `AigovFinding` (a rules-core `Finding` is one), so live results and stored scans render
 * through the same code.
 */

export interface ContainerFindings {
  /** Undefined for findings about the object or its pod spec as a whole. */
  container?: string;
  findings: AigovFinding[];
}

export interface WorkloadFindings {
  /** Unique within its cluster. */
  key: string;
  object?: AigovObjectRef;
  /** Object-level findings first, then containers by name. */
  containers: ContainerFindings[];
  /** The worst severity that counts (suppressed findings do not). */
  worst?: AigovSeverity;
  counts: AigovSeverityCounts;
}

export interface ClusterFindings {
  cluster: string;
  /** Worst first, then by kind, namespace and name. */
  workloads: WorkloadFindings[];
  counts: AigovSeverityCounts;
}

function worseOf(a: AigovSeverity | undefined, b: AigovSeverity): AigovSeverity {
  return a === undefined || severityRank(b) > severityRank(a) ? b : a;
}

/** `Deployment ml/llm`. */
export function objectLabel(ref: AigovObjectRef | undefined): string {
  if (!ref) return '(no object)';
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** Findings by cluster → workload (the object the rule reported on) → container. */
export function groupFindings(findings: readonly AigovFinding[]): ClusterFindings[] {
  const clusters = new Map<
    string,
    { counts: AigovSeverityCounts; workloads: Map<string, WorkloadFindings> }
  >();
  for (const f of findings) {
    const clusterName = f.cluster ?? '';
    let cluster = clusters.get(clusterName);
    if (!cluster)
      clusters.set(
        clusterName,
        (cluster = { counts: emptySeverityCounts(), workloads: new Map() }),
      );
    addToCounts(cluster.counts, f);

    const o = f.object;
    const key = o ? `${o.apiVersion}|${o.kind}|${o.namespace ?? ''}|${o.name}` : '';
    let workload = cluster.workloads.get(key);
    if (!workload) {
      workload = {
        key,
        containers: [],
        counts: emptySeverityCounts(),
        ...(o ? { object: o } : {}),
      };
      cluster.workloads.set(key, workload);
    }
    addToCounts(workload.counts, f);
    if (!f.suppressed) workload.worst = worseOf(workload.worst, f.severity);

    let group = workload.containers.find((c) => c.container === f.container);
    if (!group) {
      group = { findings: [], ...(f.container !== undefined ? { container: f.container } : {}) };
      workload.containers.push(group);
    }
    group.findings.push(f);
  }

  const byWorst = (a: WorkloadFindings, b: WorkloadFindings) =>
    (b.worst ? severityRank(b.worst) : 0) - (a.worst ? severityRank(a.worst) : 0) ||
    objectLabel(a.object).localeCompare(objectLabel(b.object));
  return [...clusters.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cluster, c]) => ({
      cluster,
      counts: c.counts,
      workloads: [...c.workloads.values()].sort(byWorst).map((w) => ({
        ...w,
        containers: w.containers.sort((a, b) =>
          a.container === undefined
            ? -1
            : b.container === undefined
              ? 1
              : a.container.localeCompare(b.container),
        ),
      })),
    }));
}

export interface FindingFilter {
  /** Shown severities; empty shows all. */
  severities: readonly AigovSeverity[];
  /** Shown categories; empty shows all. */
  categories: readonly AigovCategory[];
  /** Whether suppressed findings are listed (they never count). */
  showSuppressed: boolean;
}

export const NO_FILTER: FindingFilter = { severities: [], categories: [], showSuppressed: true };

export function filterFindings<F extends AigovFinding>(
  findings: readonly F[],
  filter: FindingFilter,
): F[] {
  return findings.filter(
    (f) =>
      (filter.severities.length === 0 || filter.severities.includes(f.severity)) &&
      (filter.categories.length === 0 || filter.categories.includes(f.category)) &&
      (filter.showSuppressed || !f.suppressed),
  );
}

/** The `n` worst findings that count: severity first, then the order given. */
export function worstFindings<F extends AigovFinding>(findings: readonly F[], n: number): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !f.suppressed)
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .slice(0, n)
    .map(({ f }) => f);
}
