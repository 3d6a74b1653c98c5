import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema } from '../src/engine/config-schema';
import { resolveConfig } from '../src/engine/config';
import { scan } from '../src/engine/scan';
import { docExamples, generatedPart, renderGenerated, renderIndex } from '../src/docs/render';
import { allRules } from '../src/rules';

const DOCS = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules');
const TESTS = path.resolve(__dirname, 'rules');

/** An example may start with `# aigov settings: {json}`: the settings it assumes. */
function exampleSettings(code: string): Record<string, unknown> | undefined {
  const m = /^# aigov settings: (\{.*\})\s*$/m.exec(code);
  return m ? (JSON.parse(m[1] as string) as Record<string, unknown>) : undefined;
}

function findingsOf(ruleId: string, code: string): string[] {
  const rule = allRules.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(ruleId);
  const config = resolveConfig({ extends: 'all', settings: exampleSettings(code) }, [rule]);
  const result = scan([{ file: 'example.yaml', text: code }], {
    config,
    complete: true,
    rules: [rule],
  });
  expect(result.ruleErrors).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.line}: ${f.message}`);
}

describe('rule documentation', () => {
  it('docs/rules/README.md lists every rule (run `npm run docs` to regenerate)', () => {
    expect(readFileSync(path.join(DOCS, 'README.md'), 'utf8')).toBe(renderIndex(allRules));
  });

  it('schema/aigov.schema.json is generated from the registry (run the build)', () => {
    const file = JSON.parse(
      readFileSync(path.resolve(__dirname, '..', 'schema', 'aigov.schema.json'), 'utf8'),
    ) as unknown;
    expect(file).toEqual(JSON.parse(JSON.stringify(configSchema(allRules))));
  });

  describe.each(allRules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const page = path.join(DOCS, `${id}.md`);

    it('has a test file', () => {
      expect(existsSync(path.join(TESTS, `${id}.test.ts`))).toBe(true);
    });

    it('has a doc page whose generated part matches the metadata', () => {
      expect(existsSync(page)).toBe(true);
      expect(generatedPart(readFileSync(page, 'utf8'))).toBe(renderGenerated(rule));
    });

    it('has examples the rule agrees with', () => {
      const examples = docExamples(readFileSync(page, 'utf8'));
      expect(examples.filter((e) => e.kind === 'bad').length).toBeGreaterThan(0);
      expect(examples.filter((e) => e.kind === 'good').length).toBeGreaterThan(0);
      for (const example of examples) {
        const found = findingsOf(id, example.code);
        if (example.kind === 'bad')
          expect({ line: example.line, found: found.length > 0 }).toEqual({
            line: example.line,
            found: true,
          });
        else expect({ line: example.line, found }).toEqual({ line: example.line, found: [] });
      }
    });
  });
});
