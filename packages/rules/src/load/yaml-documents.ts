/**
 * The reference path: parses a chunk with the `yaml` library, for everything the fast path
 * hands over (errors included: `yaml` gives their messages and locations) and for
 * `load(…, { parser: 'yaml' })`. Guards against hostile input before handing anything to code
 * that recurses.
 */
import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { CST, Document, Node as YamlNode } from 'yaml';
import type { JsonValue, SourceRange } from '../model';
import { deepestOffset, valueDepthExceeds } from './depth';
import type { LoadLimits } from './limits';
import type { ParsedDocument } from './parsed';
import { indexDocument } from './position-index';
import { DocumentSourceMap } from './source-map';

export const COMPOSER_OPTIONS = {
  merge: true,
  uniqueKeys: true,
  // `yaml` reports some oddities (a collection used as a key) with process.emitWarning, which
  // would print on the user's terminal in the middle of a report: they are accepted silently.
  logLevel: 'error',
} as const;

/**
 * Deepest collection nesting handed to the composer and `toJS`, which recurse: far below what
 * exhausts the stack (an overflow inside V8's regexp compiler aborts the process instead of
 * throwing), whatever limit the configuration sets.
 */
export const MAX_COMPOSE_DEPTH = 500;

class Positions {
  constructor(
    private readonly lineCounter: LineCounter,
    private readonly lineOffset: number,
    private readonly text: string,
  ) {}

  /**
   * An error range. `yaml` puts "expected more" errors at the very end of the text, which is
   * the line of the next document's `---`: they are moved back onto the last line.
   */
  errorRange(from: number, to: number): SourceRange {
    const last = this.text.endsWith('\n') ? this.text.length - 1 : this.text.length;
    return this.range(Math.min(from, last), Math.min(to, last));
  }

  range(from: number, to = from): SourceRange {
    const s = this.lineCounter.linePos(from);
    const e = this.lineCounter.linePos(Math.max(from, to));
    const o = this.lineOffset;
    return { line: s.line + o, column: s.col, endLine: e.line + o, endColumn: e.col };
  }
}

/** Tokens of one document with the directives and comments before it and its `...` after. */
function documentGroups(tokens: readonly CST.Token[]): CST.Token[][] {
  const groups: CST.Token[][] = [];
  let group: CST.Token[] = [];
  let hasDocument = false;
  for (const token of tokens) {
    const startsNext = token.type === 'document' || token.type === 'directive';
    if (startsNext && hasDocument) {
      groups.push(group);
      group = [];
      hasDocument = false;
    }
    group.push(token);
    if (token.type === 'document') hasDocument = true;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** An alias inside the node its anchor names: `toJS` would build a cyclic value. */
function recursiveAlias(doc: Document.Parsed): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      const [start, end] = alias.range ?? [0, 0];
      if (target?.range && target.range[0] <= start && end <= target.range[1]) {
        found = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The range of the first merge key (`<<`) whose value is not a map or an alias of one. */
function badMerge(doc: Document.Parsed): readonly number[] | undefined {
  let found: readonly number[] | undefined;
  const isMapLike = (node: unknown): boolean =>
    isMap(node) || (isAlias(node) && isMap(node.resolve(doc)));
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'symbol' || !key.range) return undefined;
      const value = pair.value;
      const ok = isSeq(value) ? value.items.every(isMapLike) : isMapLike(value);
      if (ok) return undefined;
      found = key.range;
      return visit.BREAK;
    },
  });
  return found;
}

/** `---` alone or comments only: no value written (an explicit `~` or `null` is a value). */
function isImplicitlyEmpty(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  if (contents === null) return true;
  return isScalar(contents) && contents.value === null && contents.source === '';
}

function toDocument(
  doc: Document.Parsed,
  positions: Positions,
  lineCounter: LineCounter,
  lineOffset: number,
  limits: LoadLimits,
): ParsedDocument | undefined {
  const firstError = doc.errors[0];
  if (!firstError && isImplicitlyEmpty(doc)) return undefined;
  if (firstError) {
    const [from, to] = firstError.pos;
    const detail = (firstError.message.split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    return { kind: 'invalid', detail, range: positions.errorRange(from, to) };
  }
  const indexed = indexDocument(doc.contents, lineCounter, lineOffset, limits.maxDepth);
  if (indexed?.kind === 'tooDeep')
    return { kind: 'tooDeep', range: positions.range(indexed.offset) };
  if (indexed) return indexed;
  return withToJS(doc, positions, lineCounter, lineOffset, limits);
}

/** Aliases, merge keys and collections as keys: `toJS`, and a source map over the nodes. */
function withToJS(
  doc: Document.Parsed,
  positions: Positions,
  lineCounter: LineCounter,
  lineOffset: number,
  limits: LoadLimits,
): ParsedDocument {
  const source = new DocumentSourceMap(doc.contents, lineCounter, doc.range[0], lineOffset);
  let value: JsonValue;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount }) as JsonValue;
  } catch (error) {
    // A ReferenceError: too many alias expansions. Anything else is input `toJS` refuses (a merge
    // key whose value is not a map): a finding, never a crash.
    if (error instanceof ReferenceError) return { kind: 'aliases', range: source.locate([]) };
    const detail = error instanceof Error ? error.message : String(error);
    const merge = badMerge(doc);
    return {
      kind: 'invalid',
      detail,
      range: merge ? positions.range(merge[0] ?? 0, merge[1] ?? 0) : source.locate([]),
    };
  }
  if (valueDepthExceeds(value, limits.maxDepth)) {
    const alias = recursiveAlias(doc);
    if (alias && isAlias(alias) && alias.range)
      return {
        kind: 'invalid',
        detail: `alias *${alias.source} is inside the node its anchor names (a recursive structure)`,
        range: positions.range(alias.range[0], alias.range[1]),
      };
    return { kind: 'tooDeep', range: source.locate([]) };
  }
  return { kind: 'value', value, source };
}

/** Parses one chunk of a stream (usually one document) with `yaml`. */
export function parseWithYaml(
  text: string,
  lineOffset: number,
  limits: LoadLimits,
): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const positions = new Positions(lineCounter, lineOffset, text);
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const depthGuard = Math.min(limits.maxDepth, MAX_COMPOSE_DEPTH);
  const out: ParsedDocument[] = [];
  const compose = (group: readonly CST.Token[]): void => {
    // forceDoc: errors in a stream without a document would otherwise be dropped.
    for (const doc of new Composer(COMPOSER_OPTIONS).compose(group, true, text.length)) {
      const parsed = toDocument(doc, positions, lineCounter, lineOffset, limits);
      if (parsed) out.push(parsed);
    }
  };
  const deep = tokens.map((t) => (t.type === 'document' ? deepestOffset(t, depthGuard) : -1));
  if (deep.every((offset) => offset < 0)) {
    compose(tokens);
    return out;
  }
  // Rare: some document nests too deep. Compose the others one by one, never that one.
  for (const group of documentGroups(tokens)) {
    const document = group.find((t) => t.type === 'document');
    const offset = document ? (deep[tokens.indexOf(document)] ?? -1) : -1;
    if (offset >= 0) out.push({ kind: 'tooDeep', range: positions.range(offset) });
    else compose(group);
  }
  return out;
}
