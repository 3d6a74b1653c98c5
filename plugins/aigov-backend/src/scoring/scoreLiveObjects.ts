import {
  countFindings,
  type AigovClusterError,
  type AigovFinding,
  type AigovGrade,
  type AigovScanStatus,
  type AigovSeverityCounts,
} from '@aigov/backstage-plugin-common';
import {
  evaluateLive,
  severityRank,
  type CustomResourceSpec,
  type Finding,
  type LiveResponses,
  type ResolvedConfig,
  type RuleError,
} from '@aigov/rules';
import { scoreOfWeights, weighChecks, type WeightedCategories } from './weights';

/** What the Kubernetes backend answered for one entity (the rules core's answers). */
export type LiveObjects = Omit<LiveResponses, 'customResources'>;

/** One scan of one entity, ready to store. */
export interface EntityScan {
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
  findings: AigovFinding[];
  clusters: { name: string; objects: number }[];
  clusterErrors: AigovClusterError[];
  completeKinds: string[];
  /** Rules that threw (a bug in aigov): logged, never stored. */
  ruleErrors: RuleError[];
}

export interface ScoreOptions {
  /** The custom resources that were asked for (`live.custom` answers them). */
  customResources: readonly CustomResourceSpec[];
  rules: ResolvedConfig;
}

function toApiFinding(f: Finding): AigovFinding {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    category: f.category,
    message: f.message,
    remediation: f.remediation,
    docsUrl: f.docsUrl,
    ...(f.object ? { object: { ...f.object } } : {}),
    ...(f.cluster !== undefined ? { cluster: f.cluster } : {}),
    ...(f.container !== undefined ? { container: f.container } : {}),
    path: f.path,
    fingerprint: f.fingerprint,
    ...(f.suppressed ? { suppressed: { ...f.suppressed } } : {}),
  };
}

function objectKey(f: AigovFinding): string {
  const o = f.object;
  return o ? `${f.cluster ?? ''}/${o.namespace ?? ''}/${o.kind}/${o.name}` : '';
}

/** Errors first, then by rule, object and path: the order the entity page lists them in. */
export function compareApiFindings(a: AigovFinding, b: AigovFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.ruleId.localeCompare(b.ruleId) ||
    objectKey(a).localeCompare(objectKey(b)) ||
    a.path.localeCompare(b.path) ||
    (a.container ?? '').localeCompare(b.container ?? '')
  );
}

/**
 * Scores the live objects of one entity with the rules core's `evaluateLive`, the function the
 * entity page evaluates them with in the browser: same objects, same completeness, same
 * findings and score. Adds what the API stores: findings in its shape and order, the weights
 * behind the score (so that scans add up to team scores), and the custom resources request
 * failing as a whole as one more cluster error.
 */
export function scoreLiveObjects(live: LiveObjects, options: ScoreOptions): EntityScan {
  const result = evaluateLive(
    { ...live, customResources: options.customResources },
    { config: options.rules },
  );
  const { overall, categories } = weighChecks(result.checks);
  const findings = result.findings.map(toApiFinding).sort(compareApiFindings);
  const clusterErrors: AigovClusterError[] = result.clusterErrors.map((e) => ({ ...e }));
  if (result.customError !== undefined) {
    clusterErrors.push({
      cluster: '*',
      errorType: 'FETCH_ERROR',
      message: `Custom resources could not be read: ${result.customError}`,
    });
  }
  return {
    ...scoreOfWeights(overall),
    status: result.status,
    passedWeight: overall.passed,
    totalWeight: overall.total,
    checks: result.score.checks,
    failed: result.score.failed,
    objects: result.clusters.reduce((n, c) => n + c.objects, 0),
    counts: countFindings(findings),
    categories,
    findings,
    clusters: result.clusters.map(({ name, objects }) => ({ name, objects })),
    clusterErrors,
    completeKinds: result.completeKinds,
    ruleErrors: result.ruleErrors,
  };
}
