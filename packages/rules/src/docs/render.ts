import { docsUrl } from '../engine/rule';
import type { JsonSchema, Rule } from '../engine/rule';
import { CATEGORY_TITLES, RULE_CATEGORIES } from '../model';
import { ruleTextMarkdown } from '../report/escape-markdown';

export const GENERATED_START =
  '<!-- aigov:generated:start — edit the rule metadata and run `npm run docs`, not this part -->';
export const GENERATED_END = '<!-- aigov:generated:end -->';

function optionRows(schema: JsonSchema, defaults: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(schema.properties ?? {}).map(
    ([name, s]) =>
      `| \`${name}\` | ${s.type ?? (s.enum ? 'enum' : '')} | \`${JSON.stringify(defaults[name] ?? null)}\` | ${s.description ?? ''} |`,
  );
}

/** The part of a rule's doc page that comes from its metadata. */
export function renderGenerated(rule: Rule): string {
  const m = rule.meta;
  const lines = [
    GENERATED_START,
    `# ${m.id}`,
    '',
    ruleTextMarkdown(m.description),
    '',
    '| | |',
    '| --- | --- |',
    `| Severity | ${m.severity}${m.category === 'parse' ? ' (reported by the loader)' : ''} |`,
    `| Category | ${m.category} |`,
    `| In \`recommended\` | ${m.recommended === false ? 'no (enable it in .aigov.yaml)' : 'yes'} |`,
  ];
  if (m.requiresComplete) {
    const live = m.completeKinds?.length
      ? `; for live objects, when these kinds were fetched: ${m.completeKinds.join(', ')}`
      : '; not for live objects';
    lines.push(
      `| Needs the complete set | yes: runs only when the scanned set holds every object of its namespaces${live} |`,
    );
  }
  if (m.tags && m.tags.length > 0) lines.push(`| Tags | ${m.tags.join(', ')} |`);
  if (m.anchors && m.anchors.length > 0)
    lines.push(`| Equivalent checks | ${m.anchors.join(', ')} |`);
  else if (m.category !== 'parse') lines.push('| Equivalent checks | none: new in aigov |');
  lines.push(
    '',
    '## Why',
    '',
    ruleTextMarkdown(m.rationale),
    '',
    '## How to fix',
    '',
    ruleTextMarkdown(m.remediation),
    '',
  );
  if (m.options) {
    lines.push(
      '## Options',
      '',
      '| option | type | default | description |',
      '| --- | --- | --- | --- |',
      ...optionRows(m.options.schema, m.options.defaults),
      '',
    );
    lines.push(`Set them in .aigov.yaml: \`rules: { ${m.id}: [${m.severity}, { … }] }\`.`, '');
  }
  const messages = Object.values<string>(m.messages).map(
    (t) => `- ${ruleTextMarkdown(t.replace(/\{\{\s*(\w+)\s*\}\}/g, '`<$1>`'))}`,
  );
  lines.push('## Messages', '', ...messages, '');
  lines.push(GENERATED_END);
  return lines.join('\n');
}

/** Replaces the generated part of an existing page, keeping the hand-written rest. */
export function updatePage(existing: string, rule: Rule): string {
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END);
  if (start < 0 || end < start) return `${renderGenerated(rule)}\n\n${existing.trim()}\n`;
  return (
    existing.slice(0, start) + renderGenerated(rule) + existing.slice(end + GENERATED_END.length)
  );
}

/** The generated part of a page, or undefined when it has none. */
export function generatedPart(page: string): string | undefined {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  return start < 0 || end < start ? undefined : page.slice(start, end + GENERATED_END.length);
}

export interface DocExample {
  kind: 'bad' | 'good';
  code: string;
  /** 1-based line of the opening fence, for error messages. */
  line: number;
}

/** Code blocks fenced as ```yaml bad and ```yaml good. */
export function docExamples(page: string): DocExample[] {
  const out: DocExample[] = [];
  const re = /^```ya?ml[ \t]+(bad|good)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = re.exec(page); m !== null; m = re.exec(page)) {
    out.push({
      kind: m[1] as 'bad' | 'good',
      code: m[2] as string,
      line: page.slice(0, m.index).split('\n').length,
    });
  }
  return out;
}

/** A new page: the generated part and a skeleton for the examples, which must be filled in. */
export function newPage(rule: Rule): string {
  return `${renderGenerated(rule)}

## Examples

### Bad

\`\`\`yaml bad
# TODO: a manifest this rule reports
\`\`\`

### Good

\`\`\`yaml good
# TODO: the same manifest, fixed
\`\`\`
`;
}

/** docs/rules/README.md: every rule by category. */
export function renderIndex(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    'Generated from the rule metadata by `npm run docs`. Ids are stable: use them in `.aigov.yaml`,',
    '`aigov.dev/ignore` annotations and dashboards.',
    '',
  ];
  for (const category of ['parse', ...RULE_CATEGORIES] as const) {
    const inCategory = rules.filter((r) => r.meta.category === category);
    if (inCategory.length === 0) continue;
    lines.push(
      `## ${CATEGORY_TITLES[category]}${category === 'parse' ? ' (reported by the loader)' : ''}`,
      '',
      '| rule | severity | flags |',
      '| --- | --- | --- |',
    );
    for (const { meta } of inCategory) {
      const off = meta.recommended === false ? ' (off in `recommended`)' : '';
      lines.push(
        `| [${meta.id}](${meta.id}.md) | ${meta.severity}${off} | ${ruleTextMarkdown(meta.description)} |`,
      );
    }
    lines.push('');
  }
  lines.push(`${rules.length} rules. Online: ${docsUrl('').replace(/\.md$/, '')}`);
  return `${lines.join('\n')}\n`;
}
