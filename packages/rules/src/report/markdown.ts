import type { Category, Finding, Severity } from '../model';
import { CATEGORY_TITLES, SEVERITIES } from '../model';
import { utf8Length } from '../load/decode';
import {
  byPosition,
  categoryOrder,
  countBySeverity,
  groupBy,
  joinWords,
  objectLabel,
  placeOf,
  plural,
  severityCount,
} from './common';
import type { SeverityCounts } from './common';
import { escapeMarkdown, ruleTextMarkdown } from './escape-markdown';
import type { ReportInput } from './types';

/** GitHub refuses comments over 65,536 characters; bytes are the stricter measure. */
export const MARKDOWN_MAX_BYTES = 65000;

/** How the findings of a pull request compare with its base branch, by fingerprint. */
export interface MarkdownComparison {
  /** Introduced by the change: not on the base branch. */
  new: readonly Finding[];
  /** Already on the base branch. */
  existing: readonly Finding[];
  /** On the base branch, gone with the change (their lines are the base's). */
  fixed: readonly Finding[];
}

export interface MarkdownOptions {
  /** Upper bound of the output in UTF-8 bytes (default 65,000). Details are left out to fit. */
  maxBytes?: number;
  /** A link to a line of the scanned revision, e.g. `https://github.com/o/r/blob/<sha>/<file>#L<line>`. */
  fileUrl?: (file: string, line: number) => string;
  /** The heading, as markdown (default `aigov`). */
  title?: string;
  comparison?: MarkdownComparison;
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

// ---------------------------------------------------------------------------------------------
// Links and code; escaping is in escape-markdown.ts.

/** A link destination that cannot break out of `(…)`. */
function safeUrl(url: string): string {
  return url.replace(
    // eslint-disable-next-line no-control-regex -- encoding control characters is the point
    /[\s<>()"'`\\\u0000-\u001f\u007f]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function link(text: string, url: string): string {
  return `[${text}](${safeUrl(url)})`;
}

/** A code span around text that may itself hold backticks. */
function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

// ---------------------------------------------------------------------------------------------
// Items: one per finding, rendered once; the layout decides which of them fit.

type SectionKind = 'new' | 'fixed' | 'existing' | 'findings' | 'suppressed';

interface Item {
  finding: Finding;
  text: string;
  /** Position in the order items are kept in: the first `k` are shown. */
  rank: number;
}

interface Section {
  kind: SectionKind;
  /** Display order: by file, then object, then line. */
  items: Item[];
}

function ruleLink(f: Finding): string {
  return link(code(f.ruleId), f.docsUrl);
}

function lineRef(f: Finding, fileUrl: MarkdownOptions['fileUrl']): string {
  if (f.line === undefined) return '';
  const label = `line ${f.line}`;
  return f.file !== undefined && fileUrl ? link(label, fileUrl(f.file, f.line)) : label;
}

function suppressionNote(f: Finding): string {
  const s = f.suppressed;
  if (!s) return '';
  const how = s.kind === 'annotation' ? 'an annotation' : 'an exemption in the configuration';
  return `Suppressed by ${how}: ${s.reason ? escapeMarkdown(s.reason) : '_no reason given_'}`;
}

/** Two lines: what and where, then how to fix it (or why it is suppressed). */
function findingText(f: Finding, fileUrl: MarkdownOptions['fileUrl']): string {
  const where = lineRef(f, fileUrl);
  const head = `- ${ICON[f.severity]} **${f.severity}**${where ? ` ${where}` : ''} — ${escapeMarkdown(f.message)} ${ruleLink(f)}`;
  const second = f.suppressed ? suppressionNote(f) : `↳ ${ruleTextMarkdown(f.remediation)}`;
  return `${head}\n  <br>${second}`;
}

/** One line: fixed findings refer to the base revision, so their lines are not linked. */
function fixedText(f: Finding): string {
  const where = [placeOf(f) + (f.line !== undefined ? `:${f.line}` : ''), objectLabel(f.object)]
    .filter(Boolean)
    .map(escapeMarkdown)
    .join(', ');
  return `- ✅ ${f.severity} ${ruleLink(f)} — ${escapeMarkdown(f.message)} (${where})`;
}

function sortForDisplay(findings: readonly Finding[]): Finding[] {
  // Grouped by place, then by object in order of first appearance, lines ascending inside.
  const sorted = [...findings].sort(byPosition);
  const out: Finding[] = [];
  for (const inPlace of groupBy(sorted, placeOf).values())
    for (const ofObject of groupBy(inPlace, (f) => objectLabel(f.object)).values())
      out.push(...ofObject);
  return out;
}

function makeSection(
  kind: SectionKind,
  findings: readonly Finding[],
  render: (f: Finding) => string,
): Section {
  return {
    kind,
    items: sortForDisplay(findings).map((finding) => ({ finding, text: render(finding), rank: 0 })),
  };
}

/**
 * Ranks every item: what is left out first goes last. New findings outrank fixed ones, which
 * outrank existing ones, which outrank suppressed ones; inside each, errors before warnings
 * before info, then display order.
 */
function rankItems(sections: readonly Section[]): number {
  const order: SectionKind[] = ['new', 'findings', 'fixed', 'existing', 'suppressed'];
  let rank = 0;
  for (const kind of order)
    for (const section of sections.filter((s) => s.kind === kind))
      for (const severity of SEVERITIES)
        for (const item of section.items)
          if (item.finding.severity === severity) item.rank = rank++;
  return rank;
}

// ---------------------------------------------------------------------------------------------
// Layout

function countsPhrase(counts: SeverityCounts): string {
  return joinWords(SEVERITIES.filter((s) => counts[s] > 0).map((s) => severityCount(counts[s], s)));
}

function verdictIcon(counts: SeverityCounts): string {
  if (counts.error > 0) return ICON.error;
  if (counts.warning > 0) return ICON.warning;
  if (counts.info > 0) return ICON.info;
  return '✅';
}

function scannedPhrase(input: ReportInput, suppressed: number): string {
  const objects = input.files.reduce((n, f) => n + f.objects, 0);
  const parts = [`Scanned ${plural(input.files.length, 'file')} with ${plural(objects, 'object')}`];
  if (suppressed > 0) parts.push(`${plural(suppressed, 'finding')} suppressed`);
  return parts.join(' · ');
}

function verdict(
  input: ReportInput,
  active: readonly Finding[],
  suppressed: number,
  comparison: MarkdownComparison | undefined,
): string[] {
  const score = `score **${input.score.overall}/100 (${input.score.grade})**`;
  const counts = countBySeverity(active);
  if (!comparison) {
    const what = active.length === 0 ? '**No problems found**' : `**${countsPhrase(counts)}**`;
    return [`${verdictIcon(counts)} ${what} · ${score}`, '', scannedPhrase(input, suppressed)];
  }
  const fresh = countBySeverity(comparison.new);
  const what =
    comparison.new.length === 0
      ? '**This change introduces no new problems**'
      : `**This change introduces ${countsPhrase(fresh)}**`;
  const total =
    active.length === 0
      ? 'no findings'
      : `${plural(active.length, 'finding')} in all (${countsPhrase(counts)})`;
  return [
    `${verdictIcon(fresh)} ${what} · ${comparison.fixed.length} fixed · ${comparison.existing.length} existing`,
    '',
    `${score.charAt(0).toUpperCase()}${score.slice(1)} · ${total} · ${scannedPhrase(input, suppressed)}`,
  ];
}

function categoryTable(input: ReportInput, active: readonly Finding[]): string[] {
  const byCategory = groupBy(active, (f) => f.category);
  const categories = [
    ...new Set<Category>([
      ...(Object.keys(input.score.categories) as Category[]),
      ...byCategory.keys(),
    ]),
  ].sort(categoryOrder);
  if (categories.length === 0) return [];
  const rows = categories.map((c) => {
    const s = input.score.categories[c];
    const n = countBySeverity(byCategory.get(c) ?? []);
    const title = CATEGORY_TITLES[c] ?? escapeMarkdown(c);
    return `| ${title} | ${s ? s.score : '—'} | ${s ? s.grade : '—'} | ${n.error} | ${n.warning} | ${n.info} |`;
  });
  return [
    '| Category | Score | Grade | Errors | Warnings | Info |',
    '| --- | ---: | :---: | ---: | ---: | ---: |',
    ...rows,
  ];
}

function omissionNote(omitted: readonly Finding[]): string {
  if (omitted.length === 0) return '';
  const counts = countBySeverity(omitted);
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  const only = present.length === 1 ? present[0] : undefined;
  const what = only
    ? `${counts[only]} ${only} finding${omitted.length === 1 ? '' : 's'}`
    : `${plural(omitted.length, 'finding')} (${countsPhrase(counts)})`;
  return `_… ${what} not shown, to keep this report within its size limit._`;
}

/** Items grouped under file and object headings, with a note for what did not fit. */
function groupedBody(shown: readonly Item[], omitted: readonly Finding[]): string[] {
  const lines: string[] = [];
  for (const [place, inPlace] of groupBy(shown, (i) => placeOf(i.finding))) {
    lines.push(`#### 📄 ${escapeMarkdown(place)}`, '');
    for (const [label, ofObject] of groupBy(inPlace, (i) => objectLabel(i.finding.object))) {
      if (label) lines.push(`**${escapeMarkdown(label)}**`, '');
      lines.push(...ofObject.map((i) => i.text), '');
    }
  }
  const note = omissionNote(omitted);
  if (note) lines.push(note, '');
  return lines;
}

function flatBody(shown: readonly Item[], omitted: readonly Finding[]): string[] {
  const lines = shown.map((i) => i.text);
  if (lines.length > 0) lines.push('');
  const note = omissionNote(omitted);
  if (note) lines.push(note, '');
  return lines;
}

function details(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '</details>', ''];
}

function renderSection(section: Section, kept: number): string[] {
  const shown = section.items.filter((i) => i.rank < kept);
  const omitted = section.items.filter((i) => i.rank >= kept).map((i) => i.finding);
  const n = section.items.length;
  const counts = countsPhrase(countBySeverity(section.items.map((i) => i.finding)));
  switch (section.kind) {
    case 'new':
      return [`### Introduced by this change (${n})`, '', ...groupedBody(shown, omitted)];
    case 'findings':
      return [`### Findings (${n})`, '', ...groupedBody(shown, omitted)];
    case 'fixed':
      return [`### Fixed by this change (${n})`, '', ...flatBody(shown, omitted)];
    case 'existing':
      return details(
        `${plural(n, 'existing finding')} (${counts}), already on the base branch`,
        groupedBody(shown, omitted),
      );
    case 'suppressed':
      return details(`${plural(n, 'suppressed finding')} (${counts})`, groupedBody(shown, omitted));
  }
}

/** Cuts at a line boundary so the text and the note fit in `maxBytes`. */
function truncate(text: string, maxBytes: number): string {
  const note = `\n\n_… report truncated to ${maxBytes} bytes._\n`;
  const budget = maxBytes - utf8Length(note);
  if (budget <= 0) return '';
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > budget) break;
    bytes += size;
    end += ch.length;
  }
  const cut = text.lastIndexOf('\n', end);
  return `${text.slice(0, cut > 0 ? cut : end)}${note}`;
}

/**
 * The pull-request comment and job summary: a verdict, scores by category and the findings by
 * file and object. With a comparison, new findings come first, fixed ones are listed and
 * existing ones folded. Stays within `maxBytes`, leaving out the least important findings first
 * (suppressed, then existing, then fixed, then new; info before warnings before errors) and
 * saying how many of each were left out.
 */
export function formatMarkdown(input: ReportInput, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? MARKDOWN_MAX_BYTES;
  const { comparison, fileUrl } = options;
  const active = input.findings.filter((f) => !f.suppressed);
  const suppressed = input.findings.filter((f) => f.suppressed);
  const asFinding = (f: Finding): string => findingText(f, fileUrl);
  // Suppressed findings are listed once, with their reasons, whatever their comparison class.
  const compared = comparison && {
    new: comparison.new.filter((f) => !f.suppressed),
    existing: comparison.existing.filter((f) => !f.suppressed),
    fixed: comparison.fixed,
  };
  const sections: Section[] = compared
    ? [
        makeSection('new', compared.new, asFinding),
        makeSection('fixed', compared.fixed, fixedText),
        makeSection('existing', compared.existing, asFinding),
      ]
    : [makeSection('findings', active, asFinding)];
  sections.push(makeSection('suppressed', suppressed, asFinding));
  const total = rankItems(sections);

  const head = [
    `## ${options.title ?? 'aigov'}`,
    '',
    ...verdict(input, active, suppressed.length, compared),
    '',
    ...categoryTable(input, active),
    '',
  ];
  const render = (kept: number): string => {
    const body = sections.flatMap((s) => (s.items.length > 0 ? renderSection(s, kept) : []));
    return `${[...head, ...body]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  };

  // The largest number of items that fits: the size grows with each item kept.
  const fits = (kept: number): boolean => utf8Length(render(kept)) <= maxBytes;
  if (fits(total)) return render(total);
  let lo = 0;
  let hi = total;
  if (!fits(lo)) return truncate(render(0), maxBytes);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return render(lo);
}
