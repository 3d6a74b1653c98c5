import type {
  AigovEntityScore,
  AigovEntityScoreDetail,
  AigovFinding,
} from '@aigov/backstage-plugin-common';
import { severityRank } from '@aigov/rules';
import type { AigovApi } from '../../api/AigovApi';
import { aigovErrorMessage, aigovProblemOf } from '../../api/errors';

/** Services whose findings are read (one request each). */
export const WORST_SERVICES = 5;
/** Findings listed. */
export const WORST_FINDINGS = 10;

export interface ServiceFinding {
  service: AigovEntityScore;
  finding: AigovFinding;
}

export interface WorstFindingsResult {
  findings: ServiceFinding[];
  /** Services whose findings were read. */
  services: AigovEntityScore[];
  /** Services with findings that were asked for (read or not). */
  asked: number;
  /** Services whose findings could not be read, with why. */
  failures: string[];
}

/**
 * The worst findings of the lowest-scored services among `services` (as ordered, worst
 * first): errors before warnings before info, then the service with the lower score;
 * suppressed findings do not count. Reads the first {@link WORST_SERVICES} services that have
 * findings.
 */
export async function loadWorstFindings(
  api: AigovApi,
  services: readonly AigovEntityScore[],
): Promise<WorstFindingsResult> {
  const candidates = services
    .filter((s) => s.counts.error + s.counts.warning + s.counts.info > 0)
    .slice(0, WORST_SERVICES);
  const errors: (string | undefined)[] = [];
  const details = await Promise.all(
    candidates.map(async (s, i): Promise<AigovEntityScoreDetail | undefined> => {
      try {
        return await api.getEntityScore(s);
      } catch (e) {
        // 404: the entity was forgotten since the list was read; nothing to show for it.
        if (aigovProblemOf(e) !== 'not-found')
          errors[i] = `${s.title ?? s.name}: ${aigovErrorMessage(e)}`;
        return undefined;
      }
    }),
  );
  const failures = errors.filter((e): e is string => e !== undefined);
  const findings = candidates
    .flatMap((service, i) =>
      (details[i]?.findings ?? [])
        .filter((f) => !f.suppressed)
        .map((finding) => ({ service, finding })),
    )
    .sort(
      (a, b) =>
        severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
        a.service.score - b.service.score ||
        a.finding.ruleId.localeCompare(b.finding.ruleId),
    )
    .slice(0, WORST_FINDINGS);
  return {
    findings,
    services: candidates.filter((_, i) => details[i] !== undefined),
    asked: candidates.length,
    failures,
  };
}
