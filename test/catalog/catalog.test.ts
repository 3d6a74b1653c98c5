import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '@aigov/rules';
import { REPO_ROOT, runCli } from '../support/cli';
import { corpusDir } from '../support/corpus';

/** The required catalog, `../shared/RULES.md` (beside the corpus). */
function requiredIds(): string[] {
  const file = path.join(path.dirname(corpusDir()), 'RULES.md');
  const ids = [...readFileSync(file, 'utf8').matchAll(/^\| ([a-z]+\/[a-z0-9-]+) \|/gm)].map(
    (m) => m[1] as string,
  );
  return ids;
}

describe('the rule catalog', () => {
  const ids = requiredIds();
  const listed = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as {
    id: string;
    category: string;
    severity: string;
    description: string;
    remediation: string;
    docsUrl: string;
  }[];

  it('RULES.md lists the catalog', () => {
    expect(ids.length).toBeGreaterThanOrEqual(78);
  });

  it.each(ids)('%s is listed by `aigov rules --format json` with its metadata', (id) => {
    const rule = listed.find((r) => r.id === id);
    expect(rule).toBeDefined();
    expect(rule?.description.length).toBeGreaterThan(10);
    expect(rule?.remediation.length).toBeGreaterThan(10);
    expect(rule?.docsUrl).toContain(`${id}.md`);
    expect(rule?.category).toBe(id.split('/')[0]);
  });

  it.each(ids)('%s has a doc page and a test with valid and invalid cases', (id) => {
    expect(existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`))).toBe(true);
    const test = path.join(REPO_ROOT, 'packages', 'rules', 'test', 'rules', `${id}.test.ts`);
    const text = readFileSync(test, 'utf8');
    expect(text).toMatch(/new RuleTester\([^)]*\)\.run\(/);
    // Both lists hold at least one case: `valid: [` and `invalid: [` followed by something other than `]`.
    expect(text).toMatch(/\bvalid: \[\s*[^\s\]]/);
    expect(text).toMatch(/\binvalid: \[\s*[^\s\]]/);
  });

  it('has the default severities of RULES.md', () => {
    const rows = readFileSync(path.join(path.dirname(corpusDir()), 'RULES.md'), 'utf8').matchAll(
      /^\| ([a-z]+\/[a-z0-9-]+) \|.*\| (error|warning|info) \|/gm,
    );
    const bySeverity = Object.fromEntries([...rows].map((m) => [m[1], m[2]]));
    for (const rule of allRules)
      if (bySeverity[rule.meta.id])
        expect([rule.meta.id, rule.meta.severity]).toEqual([
          rule.meta.id,
          bySeverity[rule.meta.id],
        ]);
  });
});
