import type { Finding, Severity } from '../model';
import type { ReportInput } from './types';

export interface TextOptions {
  color?: boolean;
}

const CODES = {
  red: 31,
  yellow: 33,
  blue: 34,
  gray: 90,
  bold: 1,
  green: 32,
  underline: 4,
} as const;
type Style = keyof typeof CODES;

function painter(enabled: boolean): (style: Style, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

function objectLabel(f: Finding): string {
  if (!f.object) return '';
  const ns = f.object.namespace ? `${f.object.namespace}/` : '';
  return `${f.object.kind} ${ns}${f.object.name}`;
}

/** Human-readable report grouped by file, like ESLint's stylish formatter. */
export function formatText(input: ReportInput, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const key = f.file ?? (f.cluster !== undefined ? `cluster ${f.cluster}` : '(live)');
    const list = byFile.get(key);
    if (list) list.push(f);
    else byFile.set(key, [f]);
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const [file, findings] of byFile) {
    lines.push(paint('underline', file));
    for (const f of findings) {
      if (f.suppressed) {
        suppressed++;
        continue;
      }
      counts[f.severity]++;
      const where = f.line !== undefined ? `${f.line}:${f.column ?? 1}` : '';
      const obj = objectLabel(f);
      lines.push(
        `  ${paint('gray', where.padEnd(8))} ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(7))} ${f.message}${obj ? paint('gray', ` (${obj})`) : ''}  ${paint('gray', f.ruleId)}`,
      );
      lines.push(`  ${' '.repeat(8)} ${' '.repeat(7)} ${paint('gray', `→ ${f.remediation}`)}`);
    }
    lines.push('');
  }
  const objects = input.files.reduce((n, f) => n + f.objects, 0);
  const total = counts.error + counts.warning + counts.info;
  const summary =
    total === 0
      ? paint('green', '✔ No problems found')
      : paint(counts.error > 0 ? 'red' : 'yellow', `✖ ${total} problem${total === 1 ? '' : 's'}`);
  lines.push(
    `${summary} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${input.files.length} file${input.files.length === 1 ? '' : 's'}, ${objects} object${objects === 1 ? '' : 's'}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`,
  );
  const cats = Object.entries(input.score.categories)
    .map(([c, s]) => `${c} ${s?.score}`)
    .join(' · ');
  lines.push(
    `${paint('bold', `Score ${input.score.overall}/100 (${input.score.grade})`)}${cats ? paint('gray', `  ${cats}`) : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
