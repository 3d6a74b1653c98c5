import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node as YamlNode, Pair } from 'yaml';
import type { Path, SourceMap, SourceRange } from '../model';

type Range = readonly [number, number];

function nodeRange(node: YamlNode): Range | undefined {
  const r = node.range;
  return r ? [r[0], r[1]] : undefined;
}

/** The key as `toJS` names it in a plain object (`null` becomes ""). */
function keyName(value: unknown): string | undefined {
  if (value === null) return '';
  return typeof value === 'symbol' ? undefined : String(value);
}

function findPair(map: { items: Pair[] }, key: string): Pair | undefined {
  for (const pair of map.items) {
    const k = pair.key;
    if (isScalar(k) && keyName(k.value) === key) return pair;
  }
  return undefined;
}

/** A merge key `<<` (its value is a symbol when merge keys are enabled). */
function findMergePair(map: { items: Pair[] }): Pair | undefined {
  return map.items.find(
    (pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol' && pair.key.source === '<<',
  );
}

/**
 * Source map over one parsed YAML document. Lookups walk the document's nodes on demand, so
 * only findings pay for positions.
 */
export class DocumentSourceMap implements SourceMap {
  constructor(
    private readonly root: YamlNode | null,
    private readonly lineCounter: LineCounter,
    /** Where the document starts, for a path into an empty or non-collection document. */
    private readonly documentStart: number,
    /** Lines before the text this document was parsed from. */
    private readonly lineOffset = 0,
  ) {}

  locate(path: Path): SourceRange {
    return this.toSourceRange(this.rangeOf(path, false));
  }

  /** The range of the key that holds `path` (of the item, for a sequence index). */
  locateKey(path: Path): SourceRange {
    return this.toSourceRange(this.rangeOf(path, true));
  }

  private rangeOf(path: Path, keyOnly: boolean): Range {
    let node: YamlNode | null = this.root;
    const anchor: Range | undefined = node ? nodeRange(node) : undefined;
    if (!node || !anchor) return [this.documentStart, this.documentStart];
    // The key (or sequence item) that leads to the current node: where a missing child goes.
    let keyRange: Range = anchor;
    for (const segment of path) {
      if (isAlias(node)) return keyRange;
      let next: YamlNode | null | undefined;
      let nextKey: Range | undefined;
      if (isMap(node) && typeof segment === 'string') {
        const pair = findPair(node, segment);
        if (!pair) {
          const merge = findMergePair(node);
          return merge && isScalarOrNode(merge.key) ? (nodeRange(merge.key) ?? keyRange) : keyRange;
        }
        nextKey = isScalarOrNode(pair.key) ? nodeRange(pair.key) : undefined;
        next = isScalarOrNode(pair.value) ? pair.value : null;
        if (!next) return nextKey ?? keyRange;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        next = isScalarOrNode(item) ? item : undefined;
        if (!next) return keyRange;
        nextKey = nodeRange(next);
      } else {
        return keyRange;
      }
      node = next;
      keyRange = nextKey ?? keyRange;
    }
    // The whole path exists: a scalar's own range, a collection's key.
    if (keyOnly) return keyRange;
    if (isScalar(node) || isAlias(node)) return nodeRange(node) ?? keyRange;
    return keyRange;
  }

  private toSourceRange([start, end]: Range): SourceRange {
    const s = this.lineCounter.linePos(start);
    const e = this.lineCounter.linePos(Math.max(start, end));
    const o = this.lineOffset;
    return { line: s.line + o, column: s.col, endLine: e.line + o, endColumn: e.col };
  }
}

function isScalarOrNode(value: unknown): value is YamlNode {
  return value !== null && typeof value === 'object' && !isPair(value) && 'range' in value;
}
