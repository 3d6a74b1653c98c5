import type { AigovFinding } from '@aigov/backstage-plugin-common';
import type { ScanRecord, ScoredEntityInfo } from '../database/ScoreStore';
import { scoreOfWeights } from '../scoring/weights';

export function entityInfo(name: string, extra: Partial<ScoredEntityInfo> = {}): ScoredEntityInfo {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    ...extra,
  };
}

export function finding(ruleId: string, extra: Partial<AigovFinding> = {}): AigovFinding {
  return {
    ruleId,
    messageId: 'missing',
    severity: 'error',
    category: 'gpu',
    message: `${ruleId} failed`,
    remediation: 'Fix it.',
    docsUrl: `https://aigov.dev/rules/${ruleId}`,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'llm' },
    cluster: 'east',
    container: 'vllm',
    path: 'spec.template.spec.containers[0].resources',
    fingerprint: `fp-${ruleId}`,
    ...extra,
  };
}

/** A scan whose score is `passed` over `total` weight (all in one category). */
export function scan(passed: number, total: number, extra: Partial<ScanRecord> = {}): ScanRecord {
  const { score, grade } = scoreOfWeights({ passed, total });
  return {
    score,
    grade,
    status: 'ok',
    passedWeight: passed,
    totalWeight: total,
    checks: total,
    failed: total - passed,
    objects: 2,
    counts: { error: 0, warning: 0, info: 0, suppressed: 0 },
    categories: { gpu: { score, grade, passed, total } },
    findings: [],
    clusters: [{ name: 'east', objects: 2 }],
    clusterErrors: [],
    completeKinds: ['Deployment'],
    ...extra,
  };
}
