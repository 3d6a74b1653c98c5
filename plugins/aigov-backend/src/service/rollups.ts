import {
  emptySeverityCounts,
  type AigovTeamGroup,
  type AigovTeamHistoryPoint,
  type AigovTeamRollup,
  type AigovSeverityCounts,
} from '@aigov/backstage-plugin-common';
import type { LatestScore, ScoreStore } from '../database/ScoreStore';
import { combineWeights, publicCategories, scoreOfWeights } from '../scoring/weights';
import { toEntityScore } from './responses';
import type { TeamGroup } from './teams';
import { DAY_MS } from '../time';

function sumCounts(scores: readonly LatestScore[]): AigovSeverityCounts {
  const counts = emptySeverityCounts();
  for (const s of scores) {
    counts.error += s.counts.error;
    counts.warning += s.counts.warning;
    counts.info += s.counts.info;
    counts.suppressed += s.counts.suppressed;
  }
  return counts;
}

function scoreOrNull(scores: readonly LatestScore[]) {
  if (scores.length === 0) return { score: null, grade: null };
  return scoreOfWeights(combineWeights(scores).overall);
}

/**
 * A team's rollup: the services the group and its nested groups own, scored together as the
 * rules core scores one set of checks (weights added up), worst service first.
 */
export async function teamRollup(
  store: ScoreStore,
  groups: readonly TeamGroup[],
): Promise<AigovTeamRollup> {
  const root = groups[0];
  if (!root) throw new Error('A team has at least its own group');
  const { items } = await store.listScores({
    owners: groups.map((g) => g.entityRef),
    orderBy: 'score',
    order: 'asc',
  });
  const byOwner = new Map<string, LatestScore[]>();
  for (const item of items) {
    const owner = item.entity.owner ?? '';
    const list = byOwner.get(owner);
    if (list) list.push(item);
    else byOwner.set(owner, [item]);
  }
  const combined = combineWeights(items);
  const teamGroups: AigovTeamGroup[] = groups.map((g) => {
    const own = byOwner.get(g.entityRef) ?? [];
    return {
      entityRef: g.entityRef,
      ...(g.title ? { title: g.title } : {}),
      ...(g.parent ? { parent: g.parent } : {}),
      depth: g.depth,
      ...scoreOrNull(own),
      entities: own.length,
    };
  });
  return {
    group: { entityRef: root.entityRef, ...(root.title ? { title: root.title } : {}) },
    groups: teamGroups,
    ...(items.length > 0 ? scoreOfWeights(combined.overall) : { score: null, grade: null }),
    categories: items.length > 0 ? publicCategories(combined.categories) : {},
    counts: sumCounts(items),
    entities: items.map(toEntityScore),
  };
}

/**
 * A team's daily trend since `from`: at the end of each UTC day, the latest scan of each
 * entity so far (within the range) is combined; days before the first scan are left out.
 */
export async function teamHistory(
  store: ScoreStore,
  entityRefs: readonly string[],
  from: number,
  now: number,
): Promise<AigovTeamHistoryPoint[]> {
  if (entityRefs.length === 0) return [];
  const scans = await store.getWeightsHistory(entityRefs, from);
  const latest = new Map<string, { passed: number; total: number }>();
  const out: AigovTeamHistoryPoint[] = [];
  let i = 0;
  for (let day = Math.floor(from / DAY_MS); day <= Math.floor(now / DAY_MS); day++) {
    const end = (day + 1) * DAY_MS;
    for (; i < scans.length && (scans[i] as { takenAt: number }).takenAt < end; i++) {
      const s = scans[i] as (typeof scans)[number];
      latest.set(s.entityRef, { passed: s.passedWeight, total: s.totalWeight });
    }
    if (latest.size === 0) continue;
    let passed = 0;
    let total = 0;
    for (const w of latest.values()) {
      passed += w.passed;
      total += w.total;
    }
    out.push({
      date: new Date(day * DAY_MS).toISOString().slice(0, 10),
      ...scoreOfWeights({ passed, total }),
      entities: latest.size,
    });
  }
  return out;
}
