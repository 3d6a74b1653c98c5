import { allRules, docsUrl } from '@aigov/rules';
import { UsageError } from '../errors';
import type { Output } from '../output';

export function ruleList(): object[] {
  return allRules.map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    severity: meta.severity,
    description: meta.description,
    remediation: meta.remediation,
    docsUrl: docsUrl(meta.id),
    tags: meta.tags ?? [],
    anchors: meta.anchors ?? [],
    recommended: meta.recommended !== false,
    requiresComplete: meta.requiresComplete ?? false,
    emittedBy: meta.category === 'parse' ? 'loader' : 'rule',
    messages: meta.messages,
    options: meta.options ?? null,
  }));
}

export function runRules(format: string, out: Output): number {
  if (format === 'json') {
    out.stdout(`${JSON.stringify(ruleList(), null, 2)}\n`);
    return 0;
  }
  if (format !== 'text')
    throw new UsageError(`--format for rules must be text or json (got "${format}")`);
  const width = Math.max(...allRules.map((r) => r.meta.id.length));
  let category = '';
  for (const { meta } of allRules) {
    if (meta.category !== category) {
      category = meta.category;
      out.stdout(`\n${category}\n`);
    }
    const off = meta.recommended === false ? ' (off by default)' : '';
    out.stdout(
      `  ${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.description}${off}\n`,
    );
  }
  out.stdout(
    `\n${allRules.length} rules. \`aigov explain <rule-id>\` shows one rule's documentation.\n`,
  );
  return 0;
}
