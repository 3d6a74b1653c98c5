import type { AigovCategory, AigovEntityScore } from './types';

type CsvValue = string | number | undefined;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`.
 * @public
 */
export function csvField(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Each column of the scores CSV with its value, in order; the category scores go before the last. */
const COLUMNS: readonly (readonly [string, (s: AigovEntityScore) => CsvValue])[] = [
  ['entity_ref', (s) => s.entityRef],
  ['kind', (s) => s.kind],
  ['namespace', (s) => s.namespace],
  ['name', (s) => s.name],
  ['title', (s) => s.title],
  ['owner', (s) => s.owner],
  ['score', (s) => s.score],
  ['grade', (s) => s.grade],
  ['status', (s) => s.status],
  ['errors', (s) => s.counts.error],
  ['warnings', (s) => s.counts.warning],
  ['infos', (s) => s.counts.info],
  ['suppressed', (s) => s.counts.suppressed],
  ['checks', (s) => s.checks],
  ['failed', (s) => s.failed],
  ['objects', (s) => s.objects],
  ['scanned_at', (s) => s.scannedAt],
];
const LAST_COLUMN = ['last_error', (s: AigovEntityScore) => s.lastError?.message] as const;

function columnsOf(categories: readonly AigovCategory[]) {
  return [
    ...COLUMNS,
    ...categories.map(
      (c) => [`score_${c}`, (s: AigovEntityScore) => s.categories[c]?.score] as const,
    ),
    LAST_COLUMN,
  ];
}

/** The header of the scores CSV: a `score_<category>` column per category. @public */
export function scoresCsvColumns(categories: readonly AigovCategory[]): string[] {
  return columnsOf(categories).map(([name]) => name);
}

/**
 * The scores as CSV (`GET /export.csv`), one entity per line, with a header; lines end with
 * CRLF. @public
 */
export function scoresToCsv(
  scores: readonly AigovEntityScore[],
  categories: readonly AigovCategory[],
): string {
  const columns = columnsOf(categories);
  const lines = [columns.map(([name]) => name).join(',')];
  for (const s of scores) lines.push(columns.map(([, value]) => csvField(value(s))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
