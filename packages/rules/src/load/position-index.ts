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
export interface Entry {
  /** Key names in source order, as `toJS` names them; undefined for a sequence. */
  readonly keys: string[] | undefined;
  /** Number of pairs or items. */
  readonly size: number;
  /**
   * Where this collection's positions start in the document's position array: per map pair key
   * start, key end, value start, value end (-1 when the pair has no value); per sequence item
   * start, end.
   */
  readonly base: number;
  /** The entry of each value or item that is itself a collection; undefined when none is. */
  readonly children: (Entry | undefined)[] | undefined;
}

/** Thrown (and caught in `indexDocument`) when a document is not for this path. */
class Refusal {
  /** `toJS` is needed; or the document nests past the limit at `offset`. */
  constructor(readonly offset = -1) {}
}

const TO_JS = new Refusal();

/** A node as composed by `yaml`: what this module reads of it. */
interface RangedNode {
  range?: readonly number[] | null;
}

function rangeOf(node: unknown): readonly number[] {
  return (node as RangedNode).range ?? [0, 0];
}

function scalarValue(value: unknown): JsonValue {
  if (value === null) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value as JsonValue;
  throw TO_JS;
}

export function setKey(obj: JsonObject, name: string, value: JsonValue): void {
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

/**
 * Converts one document. Arrays are allocated at their final size and the positions of the whole
 * document share one array: a small array grown by `push` reserves room for 17 elements, which
 * made the index several times larger than the values.
 */
class Converter {
  readonly pos: number[] = [];
  /** The entry of the collection the last call converted (undefined for a scalar). */
  private entry: Entry | undefined;

  constructor(private readonly maxDepth: number) {}

  /** The node's value, as `toJS` gives it; sets `this.entry` for a collection. */
  node(node: unknown, depth: number): JsonValue {
    this.entry = undefined;
    if (isScalar(node)) return scalarValue(node.value);
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > this.maxDepth) throw new Refusal(rangeOf(node)[0] ?? 0);
      return isMap(node) ? this.map(node.items, depth + 1) : this.seq(node.items, depth + 1);
    }
    throw TO_JS; // an alias, or a node type only `toJS` knows
  }

  get lastEntry(): Entry | undefined {
    return this.entry;
  }

  private reserve(count: number): number {
    const base = this.pos.length;
    for (let i = 0; i < count; i++) this.pos.push(0);
    return base;
  }

  private map(items: readonly { key: unknown; value: unknown }[], depth: number): JsonObject {
    const obj: JsonObject = {};
    const size = items.length;
    const keys = new Array<string>(size);
    const base = this.reserve(4 * size);
    let children: (Entry | undefined)[] | undefined;
    for (let i = 0; i < size; i++) {
      const { key, value } = items[i] as { key: unknown; value: unknown };
      if (!isScalar(key)) throw TO_JS;
      const k = key.value;
      // A symbol is a merge key (`<<`); an object key is stringified by `toJS` with its own rules.
      if (typeof k === 'symbol' || (k !== null && typeof k === 'object')) throw TO_JS;
      const name = k === null ? '' : String(k);
      const [ks, ke] = rangeOf(key);
      const at = base + 4 * i;
      this.pos[at] = ks ?? 0;
      this.pos[at + 1] = ke ?? 0;
      let v: JsonValue = null;
      if (value !== null && value !== undefined) {
        v = this.node(value, depth);
        const [vs, ve] = rangeOf(value);
        this.pos[at + 2] = vs ?? 0;
        this.pos[at + 3] = ve ?? 0;
        if (this.entry) (children ??= new Array<Entry | undefined>(size))[i] = this.entry;
      } else {
        this.pos[at + 2] = -1;
        this.pos[at + 3] = -1;
      }
      setKey(obj, name, v);
      keys[i] = name;
    }
    this.entry = { keys, size, base, children };
    return obj;
  }

  private seq(items: readonly unknown[], depth: number): JsonValue[] {
    const size = items.length;
    const arr = new Array<JsonValue>(size);
    const base = this.reserve(2 * size);
    let children: (Entry | undefined)[] | undefined;
    for (let i = 0; i < size; i++) {
      const item = items[i];
      if (item === null || typeof item !== 'object') throw TO_JS;
      arr[i] = this.node(item, depth);
      if (this.entry) (children ??= new Array<Entry | undefined>(size))[i] = this.entry;
      const [s, e] = rangeOf(item);
      this.pos[base + 2 * i] = s ?? 0;
      this.pos[base + 2 * i + 1] = e ?? 0;
    }
    this.entry = { keys: undefined, size, base, children };
    return arr;
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
  const converter = new Converter(maxDepth);
  let value: JsonValue;
  try {
    value = converter.node(contents, 0);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return error.offset >= 0 ? { kind: 'tooDeep', offset: error.offset } : undefined;
  }
  const [start, end] = rangeOf(contents);
  return {
    kind: 'value',
    value,
    source: indexedSourceMap(
      converter.lastEntry,
      converter.pos,
      start ?? 0,
      end ?? 0,
      lineCounter,
      lineOffset,
    ),
  };
}

/**
 * A source map over positions: `root` and `pos` as built for a document whose contents span
 * `start`–`end`. Answers exactly as `DocumentSourceMap` does over the same document's nodes.
 */
export function indexedSourceMap(
  root: Entry | undefined,
  pos: readonly number[],
  start: number,
  end: number,
  lineCounter: LineCounter,
  lineOffset: number,
): SourceMap {
  return new IndexedSourceMap(root, Int32Array.from(pos), start, end, lineCounter, lineOffset);
}

/** A source map over a position index; answers exactly as `DocumentSourceMap` does. */
class IndexedSourceMap implements SourceMap {
  constructor(
    private readonly root: Entry | undefined,
    private readonly pos: Int32Array,
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
    const pos = this.pos;
    for (const segment of path) {
      if (!entry) return this.range(keyStart, keyEnd);
      let i: number;
      if (entry.keys) {
        if (typeof segment !== 'string') return this.range(keyStart, keyEnd);
        i = entry.keys.indexOf(segment);
        if (i < 0) return this.range(keyStart, keyEnd);
        const at = entry.base + 4 * i;
        keyStart = pos[at] as number;
        keyEnd = pos[at + 1] as number;
        valueStart = pos[at + 2] as number;
        valueEnd = pos[at + 3] as number;
        if (valueStart < 0) return this.range(keyStart, keyEnd);
      } else {
        if (
          typeof segment !== 'number' ||
          !Number.isInteger(segment) ||
          segment < 0 ||
          segment >= entry.size
        )
          return this.range(keyStart, keyEnd);
        i = segment;
        const at = entry.base + 2 * i;
        keyStart = valueStart = pos[at] as number;
        keyEnd = valueEnd = pos[at + 1] as number;
      }
      entry = entry.children?.[i];
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
