import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { getRule, allRules } from '@aigov/rules';
import { UsageError } from '../errors';
import type { Output } from '../output';

/** Rule docs: copied into the package by the build (scripts/copy-docs.js), else the repository's. */
const DOC_ROOTS = [
  path.join(__dirname, '..', '..', 'docs', 'rules'),
  path.join(__dirname, '..', '..', '..', '..', 'docs', 'rules'),
];

export async function runExplain(ruleId: string | undefined, out: Output): Promise<number> {
  if (!ruleId)
    throw new UsageError('explain needs a rule id, for example: aigov explain gpu/shm-missing');
  const rule = getRule(ruleId);
  if (!rule) {
    const sameName = allRules.filter((r) => r.meta.id.endsWith(`/${ruleId}`)).map((r) => r.meta.id);
    throw new UsageError(
      `unknown rule "${ruleId}"${sameName.length > 0 ? ` (did you mean ${sameName.join(' or ')}?)` : '; `aigov rules` lists them'}`,
    );
  }
  for (const root of DOC_ROOTS) {
    const text = await fs
      .readFile(path.join(root, `${rule.meta.id}.md`), 'utf8')
      .catch(() => undefined);
    if (text !== undefined) {
      out.stdout(text.endsWith('\n') ? text : `${text}\n`);
      return 0;
    }
  }
  throw new UsageError(`the documentation of ${rule.meta.id} is not installed`);
}
