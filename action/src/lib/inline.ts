/**
 * Inline review comments: new findings on lines the pull request adds, the most severe first, at
 * most max-inline-comments per run, each finding commented once across pushes (its fingerprint
 * is kept in a hidden marker of the review comment).
 */
import { escapeMarkdown, severityRank } from '@aigov/rules';
import type { Finding } from '@aigov/rules';
import type { NewReviewComment, ReviewComment } from './api';
import { sameLogin } from './comment';
import type { ChangedFiles } from './scope';

export const INLINE_MARKER_PREFIX = '<!-- aigov-inline';

export function inlineMarker(fingerprint: string, key: string): string {
  return `${INLINE_MARKER_PREFIX} fingerprint="${fingerprint}"${key ? ` key="${key}"` : ''} -->`;
}

const MARKER_RE = /<!-- aigov-inline fingerprint="([0-9a-zA-Z]+)"(?: key="([^"]*)")? -->/;

/** Fingerprints already commented by us for this key, on any earlier push. */
export function postedFingerprints(
  comments: readonly ReviewComment[],
  key: string,
  login: string,
): Set<string> {
  const out = new Set<string>();
  for (const c of comments) {
    if (!sameLogin(c.user?.login, login)) continue;
    const m = MARKER_RE.exec(c.body);
    if (m?.[1] && (m[2] ?? '') === key) out.add(m[1]);
  }
  return out;
}

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

export function inlineBody(f: Finding, key: string): string {
  return [
    `${ICON[f.severity]} **${f.severity}** [\`${f.ruleId}\`](${f.docsUrl}) — ${escapeMarkdown(f.message)}`,
    '',
    `**Fix:** ${escapeMarkdown(f.remediation)}`,
    '',
    inlineMarker(f.fingerprint, key),
  ].join('\n');
}

export interface InlineSelection {
  comments: (NewReviewComment & { fingerprint: string })[];
  /** New findings on added lines left out by the limit. */
  overLimit: number;
}

/** Picks the new findings that sit on added lines and have not been commented before. */
export function selectInline(options: {
  newFindings: readonly Finding[];
  changed: ChangedFiles;
  posted: ReadonlySet<string>;
  max: number;
  key: string;
}): InlineSelection {
  const seen = new Set(options.posted);
  const candidates: Finding[] = [];
  for (const f of options.newFindings) {
    if (f.suppressed || f.file === undefined || f.line === undefined) continue;
    if (!options.changed.addedLines.get(f.file)?.has(f.line)) continue;
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    candidates.push(f);
  }
  candidates.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  const chosen = candidates.slice(0, options.max);
  return {
    comments: chosen.map((f) => ({
      path: f.file as string,
      line: f.line as number,
      side: 'RIGHT' as const,
      body: inlineBody(f, options.key),
      fingerprint: f.fingerprint,
    })),
    overLimit: candidates.length - chosen.length,
  };
}
