import type {
  AigovEntityScore,
  AigovEntityScoreDetail,
  AigovHistoryPoint,
} from '@aigov/backstage-plugin-common';
import type { HistoryEntry, LatestScan, LatestScore, ScanSummary } from '../database/ScoreStore';
import { publicCategories } from '../scoring/weights';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function summaryFields(s: ScanSummary) {
  return {
    score: s.score,
    grade: s.grade,
    status: s.status,
    categories: publicCategories(s.categories),
    counts: { ...s.counts },
    checks: s.checks,
    failed: s.failed,
    objects: s.objects,
  };
}

/** A stored latest scan as `GET /scores` lists it. */
export function toEntityScore(latest: LatestScore): AigovEntityScore {
  const { entity } = latest;
  return {
    entityRef: entity.entityRef,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    ...(entity.title ? { title: entity.title } : {}),
    ...(entity.owner ? { owner: entity.owner } : {}),
    ...summaryFields(latest),
    scannedAt: iso(latest.takenAt),
    ...(latest.lastError && latest.lastError.at >= latest.takenAt
      ? { lastError: { message: latest.lastError.message, at: iso(latest.lastError.at) } }
      : {}),
  };
}

export function toEntityScoreDetail(scan: LatestScan): AigovEntityScoreDetail {
  return {
    ...toEntityScore(scan),
    findings: scan.findings,
    clusters: scan.clusters,
    clusterErrors: scan.clusterErrors,
    completeKinds: scan.completeKinds,
  };
}

export function toHistoryPoint(entry: HistoryEntry): AigovHistoryPoint {
  return { time: iso(entry.takenAt), ...summaryFields(entry) };
}
