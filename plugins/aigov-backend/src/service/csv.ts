import { RULE_CATEGORIES } from '@aigov/rules';
import type { AigovEntityScore } from '@aigov/backstage-plugin-common';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'score',
  'grade',
  'status',
  'errors',
  'warnings',
  'infos',
  'suppressed',
  'checks',
  'failed',
  'objects',
  'scanned_at',
  ...RULE_CATEGORIES.map((c) => `score_${c}`),
  'last_error',
] as const;

/** The scores as CSV, one entity per line, with a header; lines end with CRLF. */
export function scoresToCsv(scores: readonly AigovEntityScore[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of scores) {
    lines.push(
      [
        s.entityRef,
        s.kind,
        s.namespace,
        s.name,
        s.title,
        s.owner,
        s.score,
        s.grade,
        s.status,
        s.counts.error,
        s.counts.warning,
        s.counts.info,
        s.counts.suppressed,
        s.checks,
        s.failed,
        s.objects,
        s.scannedAt,
        ...RULE_CATEGORIES.map((c) => s.categories[c]?.score),
        s.lastError?.message,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
