/**
 * The reference a faster path is compared with: `doc.toJS()` for values and `DocumentSourceMap`
 * (a walk over the `yaml` nodes) for positions.
 */
import { Composer, LineCounter, Parser } from 'yaml';
import type { JsonValue, Path, SourceMap, SourceRange } from '../../src/model';
import { indexDocument } from '../../src/load/position-index';
import { DocumentSourceMap } from '../../src/load/source-map';
import { COMPOSER_OPTIONS } from '../../src/load/yaml-documents';

export interface Difference {
  what: 'value' | 'position';
  path: Path;
  expected: unknown;
  actual: unknown;
}

export interface Comparison {
  /** Documents the index converted (the others need `toJS`: aliases, merge keys…). */
  indexed: number;
  refused: number;
  paths: number;
  differences: Difference[];
}

/** Whether two values are the same: same keys in the same order, `Object.is` on scalars. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * Every path of a value, and next to each the paths a rule may report that do not exist: a
 * missing key, an index past the end, a key into a sequence, a step into a scalar.
 */
export function probePaths(value: JsonValue, limit = 20000): Path[] {
  const out: Path[] = [];
  const stack: [JsonValue, Path][] = [[value, []]];
  while (stack.length > 0 && out.length < limit) {
    const [v, path] = stack.pop() as [JsonValue, Path];
    out.push(path);
    if (Array.isArray(v)) {
      out.push([...path, v.length], [...path, 'name'], [...path, -1]);
      v.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (v !== null && typeof v === 'object') {
      out.push([...path, 'zz-missing', 'deeper'], [...path, 0]);
      for (const [k, child] of Object.entries(v)) stack.push([child ?? null, [...path, k]]);
    } else {
      out.push([...path, 'child']);
    }
  }
  return out;
}

function positionOf(map: SourceMap, path: Path): SourceRange {
  return map.locate(path);
}

/** Parses `text` as the loader's `yaml` path does and compares the index with the reference. */
export function compareWithReference(text: string, lineOffset = 0): Comparison {
  const result: Comparison = { indexed: 0, refused: 0, paths: 0, differences: [] };
  const lineCounter = new LineCounter();
  const tokens = new Parser(lineCounter.addNewLine).parse(text);
  for (const doc of new Composer(COMPOSER_OPTIONS).compose(tokens)) {
    if (doc.errors.length > 0) continue;
    const indexed = indexDocument(doc.contents, lineCounter, lineOffset, 1000);
    if (!indexed) {
      result.refused++;
      continue;
    }
    if (indexed.kind !== 'value') continue;
    result.indexed++;
    const expected = doc.toJS({ maxAliasCount: -1 }) as JsonValue;
    if (!sameValue(indexed.value, expected))
      result.differences.push({ what: 'value', path: [], expected, actual: indexed.value });
    const reference = new DocumentSourceMap(doc.contents, lineCounter, doc.range[0], lineOffset);
    for (const path of probePaths(expected)) {
      result.paths++;
      const want = positionOf(reference, path);
      const got = positionOf(indexed.source, path);
      if (
        want.line !== got.line ||
        want.column !== got.column ||
        want.endLine !== got.endLine ||
        want.endColumn !== got.endColumn
      )
        result.differences.push({ what: 'position', path, expected: want, actual: got });
    }
  }
  return result;
}
