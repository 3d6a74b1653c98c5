/**
 * Properties of the whole core on arbitrary input:
 * - the engine, with every rule on, never throws and no rule fails, on manifest-shaped objects
 *   of every known kind with wrong-typed values anywhere (complete or partial sets);
 * - the loader never throws on arbitrary text, and every finding it gives is on a line of it;
 * - YAML written by `yaml.stringify` loads back to the same objects, and a scan of it gives
 *   findings on real lines only.
 * A failing run prints the smallest counterexample fast-check finds.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { evaluateManifests, scan } from '../../src/engine/scan';
import type { EvaluationResult } from '../../src/engine/scan';
import { load } from '../../src/load/loader';
import type { LoadedManifest } from '../../src/load/loader';
import type { Finding, JsonObject } from '../../src/model';
import { manifestObject, manifestSet } from './arbitraries';

const ALL_RULES = { extends: 'all' } as const;

function live(objects: readonly JsonObject[]): LoadedManifest[] {
  return objects.map((object) => {
    const apiVersion = String(object.apiVersion);
    const metadata = object.metadata;
    const meta =
      metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata) ? metadata : {};
    return {
      apiVersion,
      kind: String(object.kind),
      group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
      name: typeof meta.name === 'string' ? meta.name : '',
      namespace:
        typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined,
      object,
      origin: { type: 'live', cluster: 'property' },
    };
  });
}

/** Fails with the rules that threw and the input, so a report can name the culprit. */
function expectNoRuleErrors(result: EvaluationResult, input: unknown): void {
  if (result.ruleErrors.length === 0) return;
  const errors = result.ruleErrors.map((e) => `${e.ruleId}: ${e.message}`).join('\n  ');
  throw new Error(`rules failed:\n  ${errors}\ninput:\n${JSON.stringify(input, null, 1)}`);
}

/** The lines of a text as the source map counts them (a final newline ends the last line). */
function lineCount(text: string): number {
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

function expectOnRealLines(findings: readonly Finding[], text: string): void {
  const lines = Math.max(1, lineCount(text));
  for (const f of findings) {
    const { line = 0, endLine = 0, column = 0 } = f;
    if (line < 1 || line > lines || endLine < line || endLine > lines + 1 || column < 1)
      throw new Error(
        `${f.ruleId} at ${line}:${column}-${endLine} outside the ${lines} line(s) of:\n${JSON.stringify(text)}`,
      );
  }
}

describe('engine properties', () => {
  it('never throws and no rule fails, on any manifest-shaped objects', () => {
    fc.assert(
      fc.property(manifestSet, fc.boolean(), (objects, complete) => {
        const result = evaluateManifests(live(objects), { config: ALL_RULES, complete });
        expectNoRuleErrors(result, objects);
      }),
      { numRuns: 2000 },
    );
  });

  it('scans YAML written by yaml.stringify back to the same objects, findings on real lines', () => {
    fc.assert(
      fc.property(
        manifestSet,
        fc.boolean(),
        fc.record({ indentSeq: fc.boolean(), flowLevel: fc.constantFrom(-1, 1, 3) }),
        (objects, complete, options) => {
          const text = objects.map((o) => stringify(o, options)).join('---\n');
          const result = scan([{ file: 'p.yaml', text }], { config: ALL_RULES, complete });
          expectNoRuleErrors(result, objects);
          expect(result.manifests.map((m) => m.object)).toEqual(objects);
          expectOnRealLines(result.findings, text);
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('loader properties', () => {
  const yamlish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '\n',
          ' ',
          '  ',
          '- ',
          ': ',
          '---\n',
          '...\n',
          '#',
          '"',
          "'",
          '[',
          ']',
          '{',
          '}',
          ',',
          '&a ',
          '*a',
          '<<: ',
          '|\n',
          '>-\n',
          '? ',
          '!!str ',
          '%YAML 1.2\n',
          '\t',
          '\r\n',
          '\ufeff',
          '{{ .Values.x }}',
          'apiVersion: v1\n',
          'kind: Pod\n',
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('never throws on arbitrary text, and puts every finding on a line of it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), yamlish), (text) => {
        const r = load([{ file: 'x.yaml', text }]);
        expect(r.files).toHaveLength(1);
        expectOnRealLines(r.findings, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = load([{ file: 'x.yaml', bytes }]);
        expect(r.files).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it('loads one stringified manifest exactly, whatever its values', () => {
    fc.assert(
      fc.property(manifestObject, (object) => {
        const r = load([{ file: 'x.yaml', text: stringify(object) }]);
        expect(r.findings).toEqual([]);
        expect(r.manifests.map((m) => m.object)).toEqual([object]);
      }),
      { numRuns: 300 },
    );
  });
});
