/**
 * Plain values and a compact position index from a composed YAML document, in one walk.
 *
 * `doc.toJS()` builds the values, and a source map over the document's nodes would keep every
 * node alive for the whole scan (about 20 times the size of the text). This keeps only offsets:
 * for each map the key names and the ranges of its keys and values, for each sequence the ranges
 * of its items. Values and positions are the same as `toJS` and `DocumentSourceMap` give (a
 * differential test proves it); documents with what only `toJS` handles (aliases, merge keys,
 * keys that are collections) return undefined and keep the node-based path.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { LineCounter } from 'yaml';
import type { JsonObject, JsonValue, Path, SourceMap, SourceRange } from '../model';

/** Positions inside one map or sequence. */
interface Entry {
  /** Key names in source order, as `toJS` names them; undefined for a sequence. */
  readonly keys: string[] | undefined;
  /**
   * Per map pair: key start, key end, value start, value end (-1 when the pair has no value).
   * Per sequence item: start, end.
   */
  readonly pos: number[];
  /** The entry of each value or item that is itself a collection. */
  readonly children: (Entry | undefined)[];
}

type Converted = { value: JsonValue; entry: Entry | undefined };

/** Why a node was not converted: `toJS` needed, or nested past the limit at `offset`. */
type Refusal = { refused: 'toJS' } | { refused: 'depth'; offset: number };

const TO_JS: Refusal = { refused: 'toJS' };

function isRefusal(c: Converted | Refusal): c is Refusal {
  return 'refused' in c;
}

/** A node as composed by `yaml`: what this module reads of it. */
interface RangedNode {
  range?: readonly number[] | null;
}

function rangeOf(node: unknown): readonly number[] {
  return (node as RangedNode).range ?? [0, 0];
}

function scalarValue(value: unknown): JsonValue | undefined {
  if (value === null) return null;
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? (value as JsonValue) : undefined;
}

function setKey(obj: JsonObject, name: string, value: JsonValue): void {
  // Like `toJS`: a name the object already has, own or inherited (`__proto__`, `constructor`),
  // becomes an own property instead of changing the prototype.
  if (name in obj)
    Object.defineProperty(obj, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else obj[name] = value;
}

class Converter {
  constructor(private readonly maxDepth: number) {}

  node(node: unknown, depth: number): Converted | Refusal {
    if (isScalar(node)) {
      const value = scalarValue(node.value);
      return value === undefined ? TO_JS : { value, entry: undefined };
    }
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > this.maxDepth) return { refused: 'depth', offset: rangeOf(node)[0] ?? 0 };
      return isMap(node) ? this.map(node.items, depth + 1) : this.seq(node.items, depth + 1);
    }
    return TO_JS; // an alias, or a node type only `toJS` knows
  }

  private map(
    items: readonly { key: unknown; value: unknown }[],
    depth: number,
  ): Converted | Refusal {
    const obj: JsonObject = {};
    const entry: Entry = { keys: [], pos: [], children: [] };
    for (const { key, value } of items) {
      if (!isScalar(key)) return TO_JS;
      const k = key.value;
      // A symbol is a merge key (`<<`); an object key is stringified by `toJS` with its own rules.
      if (typeof k === 'symbol' || (k !== null && typeof k === 'object')) return TO_JS;
      const name = k === null ? '' : String(k);
      const [ks, ke] = rangeOf(key);
      let converted: Converted = { value: null, entry: undefined };
      if (value !== null && value !== undefined) {
        const c = this.node(value, depth);
        if (isRefusal(c)) return c;
        converted = c;
        const [vs, ve] = rangeOf(value);
        entry.pos.push(ks ?? 0, ke ?? 0, vs ?? 0, ve ?? 0);
      } else {
        entry.pos.push(ks ?? 0, ke ?? 0, -1, -1);
      }
      setKey(obj, name, converted.value);
      entry.keys?.push(name);
      entry.children.push(converted.entry);
    }
    return { value: obj, entry };
  }

  private seq(items: readonly unknown[], depth: number): Converted | Refusal {
    const arr: JsonValue[] = [];
    const entry: Entry = { keys: undefined, pos: [], children: [] };
    for (const item of items) {
      if (item === null || typeof item !== 'object') return TO_JS;
      const c = this.node(item, depth);
      if (isRefusal(c)) return c;
      const [s, e] = rangeOf(item);
      arr.push(c.value);
      entry.pos.push(s ?? 0, e ?? 0);
      entry.children.push(c.entry);
    }
    return { value: arr, entry };
  }
}

export type IndexedDocument =
  { kind: 'value'; value: JsonValue; source: SourceMap } | { kind: 'tooDeep'; offset: number };

/**
 * The value of a document's contents and its source map, or the offset of the first collection
 * nested deeper than `maxDepth`, or undefined when only `toJS` can convert it.
 */
export function indexDocument(
  contents: unknown,
  lineCounter: LineCounter,
  lineOffset: number,
  maxDepth: number,
): IndexedDocument | undefined {
  const converted = new Converter(maxDepth).node(contents, 0);
  if (isRefusal(converted))
    return converted.refused === 'depth'
      ? { kind: 'tooDeep', offset: converted.offset }
      : undefined;
  const [start, end] = rangeOf(contents);
  return {
    kind: 'value',
    value: converted.value,
    source: new IndexedSourceMap(converted.entry, start ?? 0, end ?? 0, lineCounter, lineOffset),
  };
}

/** A source map over a position index; answers exactly as `DocumentSourceMap` does. */
class IndexedSourceMap implements SourceMap {
  constructor(
    private readonly root: Entry | undefined,
    private readonly rootStart: number,
    private readonly rootEnd: number,
    private readonly lineCounter: LineCounter,
    private readonly lineOffset: number,
  ) {}

  locate(path: Path): SourceRange {
    // The key (or sequence item) that leads to the current value: where a missing child goes.
    let keyStart = this.rootStart;
    let keyEnd = this.rootEnd;
    let entry = this.root;
    let isScalarValue = entry === undefined;
    let valueStart = this.rootStart;
    let valueEnd = this.rootEnd;
    for (const segment of path) {
      if (!entry) return this.range(keyStart, keyEnd);
      const { keys, pos } = entry;
      let i: number;
      if (keys) {
        if (typeof segment !== 'string') return this.range(keyStart, keyEnd);
        i = keys.indexOf(segment);
        if (i < 0) return this.range(keyStart, keyEnd);
        keyStart = pos[4 * i] as number;
        keyEnd = pos[4 * i + 1] as number;
        valueStart = pos[4 * i + 2] as number;
        valueEnd = pos[4 * i + 3] as number;
        if (valueStart < 0) return this.range(keyStart, keyEnd);
      } else {
        if (
          typeof segment !== 'number' ||
          !Number.isInteger(segment) ||
          segment < 0 ||
          segment >= entry.children.length
        )
          return this.range(keyStart, keyEnd);
        i = segment;
        keyStart = valueStart = pos[2 * i] as number;
        keyEnd = valueEnd = pos[2 * i + 1] as number;
      }
      entry = entry.children[i];
      isScalarValue = entry === undefined;
    }
    return isScalarValue ? this.range(valueStart, valueEnd) : this.range(keyStart, keyEnd);
  }

  private range(start: number, end: number): SourceRange {
    const s = this.lineCounter.linePos(start);
    const e = this.lineCounter.linePos(Math.max(start, end));
    const o = this.lineOffset;
    return { line: s.line + o, column: s.col, endLine: e.line + o, endColumn: e.col };
  }
}
