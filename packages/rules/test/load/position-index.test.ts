import { corpusDir } from '../../../../test/support/corpus';
/**
 * Differential test: the compact position index gives the same values as `toJS` and the same
 * positions as the node-based source map, on the real-world corpus, on awkward YAML written by
 * hand, and on YAML that `yaml.stringify` writes for random manifests-shaped objects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { compareWithReference } from './differential';

const CORPUS = corpusDir();

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.(ya?ml|json)$/.test(e.name) ? [p] : [];
  });
}

const AWKWARD: [string, string][] = [
  [
    'comments everywhere',
    '# top\na: 1 # after\n# between\nb:\n  # inside\n  c: 2\n  # end of map\n# end\n',
  ],
  ['empty values', 'a:\nb:   \nc: # x\n  \nd: 1\ne: {x: , y}\nf: [~, null, ""]\n'],
  ['empty sequence items', 'a:\n  - \n  -\n  - # c\n  - x\n'],
  [
    'block scalars',
    'a: |\n  x\n\n\nb: >-\n  y\n\n  z\n   \nc: |+\n  keep\n\nd: |2\n    indented\ne: >\n  folded\n  more\n\n  para\n',
  ],
  [
    'block scalar last in a sequence item',
    'items:\n  - name: a\n    script: |\n      echo 1\n\n  - name: b\n',
  ],
  [
    'flow collections over lines',
    'k: [a, {b: c},\n  d]   # t\nl: {}\nm: {x: [1, 2], y: {z: w}}\nn: [\n  "q",\n  \'r\',\n]\n',
  ],
  ['quoted keys and values', '"a b": "c\\td"\n\'e\': \'f\'\'g\'\n"": empty key\n'],
  [
    'scalars of every type',
    'a: 0x1F\nb: 0o17\nc: -0\nd: .inf\ne: -.Inf\nf: .nan\ng: 1e3\nh: 012\ni: +5\nj: 1.50\nk: true\nl: False\nm: ~\nn: 123456789012345678901234567890\no: "123"\n',
  ],
  ['non-string keys', '1: one\n2.5: two\ntrue: yes\n~: tilde\n0x10: hex\n.inf: inf\n'],
  [
    'keys that name prototype members',
    '__proto__: {polluted: true}\nconstructor: c\ntoString: s\n',
  ],
  ['keys equal as strings', '1: number\n"1": string\n'],
  ['explicit keys', '? a\n: 1\n? |\n  block key\n: 2\n'],
  ['tags', 'a: !!str 123\nb: !custom {x: 1}\nc: !!int "7"\nd: !!float 1\n'],
  ['anchors without aliases', 'a: &x {b: 1}\nc: &y [1]\n'],
  ['a scalar document', 'just text\n'],
  ['a sequence document', '- a\n- b: c\n  d: e\n- [f]\n'],
  ['CRLF', 'a: 1\r\nb:\r\n  - x\r\n  - y: |\r\n      z\r\n'],
  [
    'multi-line plain and quoted scalars',
    'a: one\n  two\n\n  three\nb: "x\n  y\\\n  z"\nc: \'p\n\n  q\'\n',
  ],
  ['compact nested sequences', '- - a\n  - b\n- - - c\n'],
  [
    'a map in a sequence in a map',
    'spec:\n  containers:\n  - name: a\n    env:\n    - name: X\n      value: "1"\n  - name: b\n',
  ],
  ['unicode', 'ä: "😀"\nb: [é, "\\u00e9"]\n'],
  ['documents', 'a: 1\n---\nb: 2\n...\n---\n- c\n'],
  ['aliases (refused)', 'a: &x {b: 1}\nc: *x\n'],
  ['merge keys (refused)', 'a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n'],
  ['collection keys (refused)', '[a, b]: 1\n'],
];

describe('position index against the reference', () => {
  it.each(AWKWARD)('%s', (_, text) => {
    const r = compareWithReference(text);
    expect(r.differences).toEqual([]);
    expect(r.indexed + r.refused).toBeGreaterThan(0);
  });

  it('refuses only what needs toJS', () => {
    for (const [name, text] of AWKWARD) {
      const r = compareWithReference(text);
      expect({ name, refused: r.refused > 0 }).toEqual({
        name,
        refused: name.endsWith('(refused)'),
      });
    }
  });

  it('offsets lines for documents after the first', () => {
    expect(compareWithReference('a:\n  b: [1, 2]\n', 41).differences).toEqual([]);
  });

  it('agrees on every document of the corpus', () => {
    let indexed = 0;
    let paths = 0;
    for (const file of yamlFiles(CORPUS)) {
      const r = compareWithReference(readFileSync(file, 'utf8'));
      expect({ file, differences: r.differences }).toEqual({ file, differences: [] });
      indexed += r.indexed;
      paths += r.paths;
    }
    expect(indexed).toBeGreaterThan(300);
    expect(paths).toBeGreaterThan(20000);
  });

  it('agrees on whatever yaml.stringify writes', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        ' ',
        '#',
        '- x',
        'a: b',
        '{x}',
        '[',
        '"',
        "'",
        '\n',
        'line\nline\n',
        'yes',
        'null',
        '0o7',
        '1e3',
        '-0',
      ),
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('seq')),
      map: fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'a b', '1', '')),
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
    });
    fc.assert(
      fc.property(value, options, (v, opts) => {
        const text = stringify(v, opts);
        const r = compareWithReference(text);
        return r.differences.length === 0 && r.refused === 0;
      }),
      { numRuns: 400 },
    );
  });
});
