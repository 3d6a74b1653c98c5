import { corpusDir } from '../../../../test/support/corpus';
/**
 * The fast path against the `yaml` path. Wherever the fast path accepts a chunk it must give the
 * same documents, the same values (same key order, `Object.is` on scalars) and the same position
 * for every path a rule can report (existing or not). Checked on the real-world corpus, on
 * random manifest-style YAML built to hit comment and indentation edge cases, on what
 * `yaml.stringify` writes, on corpus files with random edits, and on hostile input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { parseFast, resolvePlain } from '../../src/load/fast-parse';
import { compareFast } from './fast-differential';
import type { FastComparison } from './fast-differential';
import { random, randomYaml } from './yaml-gen';

const CORPUS = corpusDir();

function corpusTexts(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      return /\.(ya?ml|json)$/.test(e.name) ? [p] : [];
    });
  return walk(CORPUS).map((f) => readFileSync(f, 'utf8'));
}

function expectSame(text: string): FastComparison {
  const r = compareFast(text);
  if (r.differences.length > 0)
    throw new Error(
      `the fast path differs from yaml:\n${JSON.stringify(r.differences.slice(0, 3), null, 1)}\non:\n${JSON.stringify(text)}`,
    );
  return r;
}

const accepted = (text: string): boolean => parseFast(text, 0, 100) !== undefined;

describe('fast path', () => {
  it('reads plain scalars as the core schema does', () => {
    const samples = [
      '',
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'yes',
      'no',
      'on',
      '0',
      '-0',
      '+12',
      '012',
      '0o17',
      '0o8',
      '0x1F',
      '0X1F',
      '0xG',
      '1_000',
      '1.5',
      '1.',
      '.5',
      '-.5',
      '1e3',
      '1E-3',
      '.1e+2',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      'nan',
      '123456789012345678901234567890',
      '1.2.3',
      '2Gi',
      '500m',
      'v1',
      '-x',
    ];
    for (const s of samples) {
      const expected: unknown = parseAllDocuments(`k: ${s}\n`)[0]?.toJS().k;
      expect({ s, value: resolvePlain(s) }).toEqual({ s, value: expected });
    }
  });

  it.each([
    [
      'a manifest with comments everywhere',
      '# head\napiVersion: v1 # a\nkind: ConfigMap\nmetadata:\n  name: x\n  # end of metadata\ndata:\n  a: "1"\n    # deeper\n# top\n',
    ],
    [
      'JSON',
      '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "data": {"a": "1", "b": [1, 2.5, true, null]}\n}\n',
    ],
    [
      'block scalars',
      'a: |\n  x\n\n\nb: >-\n  y\n\n  z\n   \nc: |+\n  keep\n\nd: >\n  folded\n  more\n\n   deeper\n  back\n',
    ],
    [
      "sequences at their key's indentation",
      'spec:\n  containers:\n  - name: a\n    args: [--x, "--y"]\n  - name: b\n  # between\nother: 1\n',
    ],
    ['empty values', 'a:\nb:\n  c:\nd: 1\n'],
    ['a document marker and an end marker', '# c\n--- # start\na: 1\n...\n'],
  ])('accepts %s and reads it as yaml does', (_, text) => {
    expect(accepted(text)).toBe(true);
    expectSame(text);
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a repeated key', 'a: 1\na: 2\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['an empty value with a comment', 'a: # nothing\nb: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a syntax error', 'a: [1, 2\nb: 3\n'],
    ['a scalar document', 'just text\n'],
  ])('hands %s to yaml', (_, text) => {
    expect(accepted(text)).toBe(false);
  });

  it('reports nesting past the limit where yaml does, without parsing the rest', () => {
    for (const text of [
      `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      `a:\n${'- '.repeat(5000)}x\n`,
      `${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`,
    ]) {
      const r = expectSame(text);
      expect(r.accepted).toBe(1);
    }
  });

  it('reads the corpus as yaml does, and accepts nearly all of it', () => {
    let chunks = 0;
    let taken = 0;
    for (const text of corpusTexts()) {
      const r = expectSame(text);
      chunks += r.chunks;
      taken += r.accepted;
    }
    expect(taken / chunks).toBeGreaterThan(0.9);
  });

  it('reads random manifest-style YAML as yaml does', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        taken += expectSame(randomYaml(random(seed))).accepted;
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it('reads what yaml.stringify writes as yaml does', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        ' ',
        '#',
        '- x',
        'a: b',
        '[',
        '"',
        "'",
        '\n',
        'x\n\n y\n',
        'null',
        '0o7',
        '1e3',
        ' lead',
        'a # b',
      ),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('seq')),
      map: fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'a b', '1', '', 'true')),
        tie('node'),
        { maxKeys: 5 },
      ),
      seq: fc.array(tie('node'), { maxLength: 5 }),
    })).node;
    const options = fc.record({
      indent: fc.integer({ min: 1, max: 4 }),
      lineWidth: fc.constantFrom(0, 20, 80),
      flowLevel: fc.constantFrom(-1, 0, 1, 2),
      indentSeq: fc.boolean(),
      defaultStringType: fc.constantFrom(
        'PLAIN',
        'QUOTE_DOUBLE',
        'QUOTE_SINGLE',
        'BLOCK_LITERAL',
        'BLOCK_FOLDED',
      ),
    } as const);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), options, (values, opts) => {
        expectSame(values.map((v) => stringify(v, opts)).join('---\n'));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads corpus files with random edits as yaml does, or hands them over', () => {
    const texts = corpusTexts().filter((t) => t.length < 8000);
    const pieces = [
      '',
      ' ',
      '\n',
      '#',
      ' #x',
      ':',
      ': ',
      '- ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '|',
      '>-',
      '|+',
      'k: v',
      '\n  # c\n',
      '\n\n',
      '...',
      '~',
      '&a ',
      '*a',
      '? ',
    ];
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.constantFrom(...pieces),
      fc.nat({ max: 4 }),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          let t = texts[which] as string;
          for (const [p, op, piece, n] of edits) {
            const at = p % (t.length + 1);
            const lineStart = t.lastIndexOf('\n', at - 1) + 1;
            if (op === 0) t = t.slice(0, at) + piece + t.slice(at);
            else if (op === 1) t = t.slice(0, at) + t.slice(at + n + 1);
            else if (op === 2) t = t.slice(0, lineStart) + ' '.repeat(n) + t.slice(lineStart);
            else t = t.slice(0, lineStart) + t.slice(lineStart + Math.min(n, 2));
          }
          expectSame(t);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
