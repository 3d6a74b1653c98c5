/**
 * The fast path: builds plain values and the position index straight from the text of a
 * document, for the YAML that manifests are written in, without `yaml`'s token, CST and node
 * trees (which cost more than everything else in a scan).
 *
 * It accepts a subset it can read with certainty: block maps and sequences with consistent
 * indentation, single-line plain and quoted scalars, flow collections, literal and folded block
 * scalars, comments. Anything else (anchors, aliases, tags, multi-line plain or quoted scalars,
 * tabs, CRLF, explicit keys, empty values written with a comment, repeated keys…) is refused:
 * `parseFast` returns undefined and the loader parses that chunk with `yaml`, which also gives
 * every error message and position. What it accepts, it must read exactly as `yaml` does: the
 * same values, and the same ranges for keys, values and collections, which follow how `yaml`'s
 * parser attaches comments and line ends. A differential test over the corpus, generated and
 * random input proves it.
 */
import { CST, LineCounter } from 'yaml';
import type { JsonObject, JsonValue } from '../model';
import type { ParsedDocument } from './parsed';
import { indexedSourceMap, setKey } from './position-index';
import type { Entry } from './position-index';

const SPACE = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const QUESTION = 0x3f;
const PLUS = 0x2b;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** Thrown when the input is outside the subset; the chunk goes to `yaml`. */
class Refused {
  readonly reason = 'outside the subset of the fast path';
}
const REFUSED = new Refused();

function refuse(): never {
  throw REFUSED;
}

/** Thrown at the first collection nested deeper than the limit. */
class TooDeep {
  constructor(readonly offset: number) {}
}

/** Characters that cannot start a plain scalar (or start something this path refuses). */
function isPlainStartRefused(ch: number): boolean {
  switch (ch) {
    case 0x26: // & anchor
    case 0x2a: // * alias
    case 0x21: // ! tag
    case 0x25: // % directive
    case 0x40: // @ reserved
    case 0x60: // ` reserved
    case PIPE: // block scalar
    case GREATER: // block scalar
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case DQUOTE:
    case SQUOTE:
      return true;
    default:
      return false;
  }
}

function isFlowIndicator(ch: number): boolean {
  return ch === COMMA || ch === LBRACKET || ch === RBRACKET || ch === LBRACE || ch === RBRACE;
}

const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tested in `yaml`'s order. */
export function resolvePlain(s: string): JsonValue {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  const c = s.charCodeAt(0);
  // Only these first characters can start a non-string: skip the tests for everything else.
  const maybe =
    (c >= 0x30 && c <= 0x39) ||
    c === PLUS ||
    c === DASH ||
    c === DOT ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46;
  if (!maybe) return s;
  if (BOOL.test(s)) return c === 0x74 || c === 0x54;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : s.charCodeAt(0) === DASH
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** A map key's name as `toJS` gives it: the key's value turned into a string (null → ""). */
function keyName(value: JsonValue): string {
  return value === null ? '' : String(value);
}

function onScalarError(): never {
  refuse();
}

class FastParser {
  readonly pos: number[] = [];
  private readonly n: number;

  // The last node parsed: its value, positions and end (`range[2]` in `yaml`).
  private value: JsonValue = null;
  private entry: Entry | undefined;
  private start = 0;
  private end = 0;
  private nodeEnd = 0;

  // Where parsing goes on: the start of the next content line, its indentation (-1 at the end
  // of the document), and the deepest comment in the lines skipped to get there (-1: none).
  private next = 0;
  private nextIndent = -1;
  private trailComment = -1;

  // The last key scanned.
  private keyStart = 0;
  private keyEnd = 0;
  private keyValue: JsonValue = null;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.n = text.length;
  }

  private at(i: number): number {
    return this.text.charCodeAt(i);
  }

  private lineEnd(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl < 0 ? this.n : nl;
  }

  /** The offset after a line's newline (or the end of the text). */
  private afterLine(eol: number): number {
    return eol < this.n ? eol + 1 : this.n;
  }

  private column(i: number): number {
    return i - (this.text.lastIndexOf('\n', i - 1) + 1);
  }

  /** Whether `-`, `?` or `:` at `i` is an indicator: followed by a space, a line end or the end. */
  private isIndicator(i: number): boolean {
    const next = this.at(i + 1);
    return i + 1 >= this.n || next === SPACE || next === NL;
  }

  private isDash(i: number): boolean {
    return this.at(i) === DASH && this.isIndicator(i);
  }

  /** The closing quote of the quoted scalar at `i` (escapes and `''` skipped), or -1. */
  private closingQuote(i: number): number {
    const { text } = this;
    const quote = text.charCodeAt(i);
    let close = i;
    for (;;) {
      close = text.indexOf(quote === DQUOTE ? '"' : "'", close + 1);
      if (close < 0) return -1;
      if (quote === SQUOTE) {
        if (text.charCodeAt(close + 1) !== SQUOTE) return close;
        close++;
        continue;
      }
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return close;
    }
  }

  /** `...` or `---` at column 0 followed by a space, a line end or the end. */
  private isDocumentMarker(lineStart: number): boolean {
    const c = this.at(lineStart);
    if (c !== DOT && c !== DASH) return false;
    if (this.at(lineStart + 1) !== c || this.at(lineStart + 2) !== c) return false;
    const after = this.at(lineStart + 3);
    return lineStart + 3 >= this.n || after === SPACE || after === NL;
  }

  /**
   * Skips blank and comment lines from the line start `from` to the next content line. When a
   * value was just read (`absorbAbove` ≥ -1), comment lines indented deeper than its collection
   * and only blank lines before them are part of that value's end, as `yaml` attaches them:
   * returns the end of the last one, or -1. Sets `next`, `nextIndent` and `trailComment`.
   */
  private skipLines(from: number, absorbAbove: number): number {
    const { text, n } = this;
    let absorbing = absorbAbove >= -1;
    let absorbed = -1;
    let trail = -1;
    let lineStart = from;
    while (lineStart < n) {
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === NL) {
        lineStart = i + 1;
        continue;
      }
      if (c === HASH) {
        const eol = this.lineEnd(i);
        const indent = i - lineStart;
        if (absorbing && indent > absorbAbove) absorbed = this.afterLine(eol);
        else {
          absorbing = false;
          if (indent > trail) trail = indent;
        }
        lineStart = this.afterLine(eol);
        continue;
      }
      this.trailComment = trail;
      this.next = lineStart;
      if (i === lineStart && this.isDocumentMarker(lineStart)) {
        if (c === DASH) refuse();
        this.nextIndent = -1; // `...`: the end of the document
      } else this.nextIndent = i - lineStart;
      return absorbed;
    }
    this.trailComment = trail;
    this.next = n;
    this.nextIndent = -1;
    return absorbed;
  }

  /** Where the token that closes collections starts: the next content, or the end. */
  private popAt(): number {
    return this.nextIndent < 0 ? this.next : this.next + this.nextIndent;
  }

  /**
   * `range[2]` of a block collection being closed: `yaml` keeps trailing comment lines in the
   * innermost collection they are not less indented than (never in one at column 0), and its
   * end then runs to the token that closed it.
   */
  private closeEnd(indent: number, lastEnd: number): number {
    if (indent > 0 && this.trailComment >= indent) {
      this.trailComment = -1;
      return this.popAt();
    }
    return lastEnd;
  }

  /** The rest of a line after a value: spaces and an optional comment. Returns the line end. */
  private restOfLine(i: number): number {
    const { text, n } = this;
    let j = i;
    while (text.charCodeAt(j) === SPACE) j++;
    if (j >= n) return n;
    const c = text.charCodeAt(j);
    if (c === NL) return j;
    if (c === HASH && j > i) return this.lineEnd(j);
    return refuse();
  }

  // ---- scalars -------------------------------------------------------------------------------

  /** A quoted scalar on one line; sets value, start and end. */
  private quoted(i: number): void {
    const { text } = this;
    const quote = text.charCodeAt(i);
    const close = this.closingQuote(i);
    if (close < 0) refuse();
    const nl = text.indexOf('\n', i);
    if (nl >= 0 && nl < close) refuse(); // a multi-line quoted scalar
    const source = text.slice(i, close + 1);
    const resolved = CST.resolveAsScalar(
      {
        type: quote === DQUOTE ? 'double-quoted-scalar' : 'single-quoted-scalar',
        offset: i,
        indent: 0,
        source,
      },
      true,
      onScalarError,
    );
    if (!resolved) refuse();
    this.value = resolved.value;
    this.entry = undefined;
    this.start = i;
    this.end = close + 1;
  }

  /** A plain scalar in block context, on one line; sets value, start and end. */
  private blockPlain(i: number): void {
    const { text, n } = this;
    let end = i;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === NL) break;
      if (c === COLON) {
        const next = text.charCodeAt(j + 1);
        if (j + 1 >= n || next === SPACE || next === NL) refuse(); // `a: b: c`
      } else if (c === SPACE) {
        if (text.charCodeAt(j + 1) === HASH) break;
        continue;
      }
      end = j + 1;
    }
    this.value = resolvePlain(text.slice(i, end));
    this.entry = undefined;
    this.start = i;
    this.end = end;
  }

  /**
   * A map key at `i` (plain or quoted, on one line, followed by `:` and a space or the line end).
   * Sets keyStart, keyEnd and keyValue; returns the offset after the `:`, or -1 if not a key.
   */
  private scanKey(i: number): number {
    const { text, n } = this;
    const c = text.charCodeAt(i);
    let colon: number;
    if (c === DQUOTE || c === SQUOTE) {
      // A quoted scalar followed by `:` on the same line.
      const close = this.closingQuote(i);
      if (close < 0 || close > this.lineEnd(i)) return -1;
      colon = close + 1;
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) return -1;
      const after = text.charCodeAt(colon + 1);
      if (!(colon + 1 >= n || after === SPACE || after === NL)) return -1;
      this.quoted(i);
      this.keyValue = this.value;
      this.keyStart = i;
      this.keyEnd = close + 1;
      return colon + 1;
    }
    if (isPlainStartRefused(c) || c === NL || i >= n) return -1;
    if ((c === DASH || c === QUESTION || c === COLON) && this.isIndicator(i)) return -1;
    let end = i;
    for (let j = i; j < n; j++) {
      const ch = text.charCodeAt(j);
      if (ch === NL) return -1;
      if (ch === COLON) {
        const next = text.charCodeAt(j + 1);
        if (j + 1 >= n || next === SPACE || next === NL) {
          colon = j;
          if (end - i > 1024) refuse();
          const raw = text.slice(i, end);
          if (raw === '<<') refuse(); // a merge key
          this.keyValue = resolvePlain(raw);
          this.keyStart = i;
          this.keyEnd = end;
          return colon + 1;
        }
      } else if (ch === SPACE) {
        if (text.charCodeAt(j + 1) === HASH) return -1;
        continue;
      }
      end = j + 1;
    }
    return -1;
  }

  // ---- block scalars -------------------------------------------------------------------------

  /**
   * A literal or folded block scalar whose header is at `h`, in a collection at `parentIndent`.
   * Where its text ends follows `yaml`'s lexer; its value comes from `yaml` itself.
   */
  private blockScalar(h: number, parentIndent: number): void {
    const { text, n } = this;
    let j = h + 1;
    let chomp = 0;
    while (text.charCodeAt(j) === DASH || text.charCodeAt(j) === PLUS) {
      if (chomp) refuse();
      chomp = text.charCodeAt(j);
      j++;
    }
    const headerEnd = j;
    const props: CST.Token[] = [
      { type: 'block-scalar-header', offset: h, indent: parentIndent, source: text.slice(h, j) },
    ];
    const spaces = j;
    while (text.charCodeAt(j) === SPACE) j++;
    if (j > spaces)
      props.push({
        type: 'space',
        offset: spaces,
        indent: parentIndent,
        source: text.slice(spaces, j),
      });
    let eol = j;
    if (j < n && text.charCodeAt(j) === HASH) {
      if (j === headerEnd) refuse();
      eol = this.lineEnd(j);
      props.push({ type: 'comment', offset: j, indent: parentIndent, source: text.slice(j, eol) });
    } else if (j < n && text.charCodeAt(j) !== NL) refuse(); // an indentation indicator, or junk
    if (eol < n) props.push({ type: 'newline', offset: eol, indent: parentIndent, source: '\n' });
    const contentStart = this.afterLine(eol);

    // The first line with content sets the indentation.
    let nl = contentStart - 1;
    let indent = 0;
    let i = contentStart;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) indent++;
      else if (c === NL) {
        nl = i;
        indent = 0;
      } else break;
    }
    if (i >= n || indent < parentIndent + 1) refuse(); // empty, or not indented
    for (;;) {
      const cs = this.continueBlockScalar(nl + 1, indent);
      if (cs < 0) break;
      nl = text.indexOf('\n', cs);
      if (nl < 0) break;
    }
    if (nl < 0) nl = n;
    if (chomp !== PLUS) {
      // Trailing lines of spaces no deeper than the content are not part of it.
      for (;;) {
        let k = nl - 1;
        const lastChar = k;
        while (text.charCodeAt(k) === SPACE) k--;
        if (text.charCodeAt(k) === NL && k >= contentStart && k + 1 + indent > lastChar) nl = k;
        else break;
      }
    }
    const end = Math.min(nl + 1, n);
    const resolved = CST.resolveAsScalar(
      {
        type: 'block-scalar',
        offset: h,
        indent: parentIndent,
        props,
        source: text.slice(contentStart, end),
      },
      true,
      onScalarError,
    );
    if (!resolved) refuse();
    this.value = resolved.value;
    this.entry = undefined;
    this.start = h;
    this.end = end;
    this.nodeEnd = end;
  }

  /** Whether the line at `offset` continues a block scalar indented `indent`: its content start. */
  private continueBlockScalar(offset: number, indent: number): number {
    let spaces = 0;
    while (this.at(offset + spaces) === SPACE) spaces++;
    const c = this.at(offset + spaces);
    if (offset + spaces >= this.n) return spaces >= indent ? offset + spaces : -1;
    return c === NL || spaces >= indent ? offset + spaces : -1;
  }

  // ---- flow collections ----------------------------------------------------------------------

  /** Skips spaces and line breaks inside a flow collection; lines must stay indented. */
  private flowSpace(i: number, minIndent: number): number {
    const { text, n } = this;
    let j = i;
    for (;;) {
      if (j >= n) refuse(); // unclosed
      const c = text.charCodeAt(j);
      if (c === SPACE) j++;
      else if (c === NL) {
        j++;
        let spaces = 0;
        while (text.charCodeAt(j + spaces) === SPACE) spaces++;
        const first = text.charCodeAt(j + spaces);
        if (first !== NL && j + spaces < n && spaces < minIndent) refuse();
        if (spaces === 0 && this.isDocumentMarker(j)) refuse();
        j += spaces;
      } else if (c === HASH) refuse();
      else return j;
    }
  }

  /** A plain scalar inside a flow collection, on one line; sets value, start and end. */
  private flowPlain(i: number, minIndent: number): void {
    const { text, n } = this;
    const c = text.charCodeAt(i);
    if (isPlainStartRefused(c) || c === NL) refuse();
    if (c === DASH || c === QUESTION || c === COLON) {
      const next = text.charCodeAt(i + 1);
      if (next === SPACE || next === NL || isFlowIndicator(next)) refuse();
    }
    let end = i;
    let j = i;
    for (; j < n; j++) {
      const ch = text.charCodeAt(j);
      if (ch === NL || isFlowIndicator(ch)) break;
      if (ch === COLON) {
        const next = text.charCodeAt(j + 1);
        if (j + 1 >= n || next === SPACE || next === NL || isFlowIndicator(next)) break;
      } else if (ch === SPACE) {
        if (text.charCodeAt(j + 1) === HASH) refuse();
        continue;
      }
      end = j + 1;
    }
    if (text.charCodeAt(j) === NL || (j < n && text.charCodeAt(j) === SPACE)) {
      // A line break after the scalar makes it a multi-line scalar (or a multi-line key) unless
      // the collection goes on with `,` or its end.
      const k = this.flowSpace(j, minIndent);
      const next = text.charCodeAt(k);
      if (text.slice(j, k).includes('\n') && next !== COMMA && next !== RBRACKET && next !== RBRACE)
        refuse();
    }
    this.value = resolvePlain(text.slice(i, end));
    this.entry = undefined;
    this.start = i;
    this.end = end;
  }

  /** A flow node: a nested collection, a quoted or a plain scalar. */
  private flowNode(i: number, minIndent: number, depth: number): void {
    const c = this.at(i);
    if (c === LBRACKET || c === LBRACE) this.flow(i, minIndent, depth + 1);
    else if (c === DQUOTE || c === SQUOTE) this.quoted(i);
    else this.flowPlain(i, minIndent);
  }

  /** A flow sequence or map at `i`; continuation lines indented at least `minIndent`. */
  private flow(i: number, minIndent: number, depth: number): void {
    if (depth > this.maxDepth) throw new TooDeep(i);
    if (this.at(i) === LBRACKET) this.flowSeq(i, minIndent, depth);
    else this.flowMap(i, minIndent, depth);
    this.start = i;
  }

  private flowSeq(open: number, minIndent: number, depth: number): void {
    const items: JsonValue[] = [];
    const local: number[] = [];
    const kids: (Entry | undefined)[] = [];
    let hasKids = false;
    let i = this.flowSpace(open + 1, minIndent);
    if (this.at(i) !== RBRACKET)
      for (;;) {
        this.flowNode(i, minIndent, depth);
        items.push(this.value);
        local.push(this.start, this.end);
        kids.push(this.entry);
        if (this.entry) hasKids = true;
        i = this.flowSpace(this.end, minIndent);
        const c = this.at(i);
        if (c === RBRACKET) break;
        if (c !== COMMA) refuse(); // `[a: b]`, junk
        i = this.flowSpace(i + 1, minIndent);
        if (this.at(i) === RBRACKET || this.at(i) === COMMA) refuse(); // `[a,]`, `[a,,b]`
      }
    this.value = items.slice();
    this.entry = this.makeEntry(undefined, local, hasKids ? kids : undefined, items.length);
    this.end = i + 1;
  }

  private flowMap(open: number, minIndent: number, depth: number): void {
    const obj: JsonObject = {};
    const keys: string[] = [];
    const local: number[] = [];
    const kids: (Entry | undefined)[] = [];
    let hasKids = false;
    let i = this.flowSpace(open + 1, minIndent);
    if (this.at(i) !== RBRACE)
      for (;;) {
        const k = this.at(i);
        if (k === LBRACKET || k === LBRACE) refuse(); // a collection as a key
        if (k === DQUOTE || k === SQUOTE) this.quoted(i);
        else this.flowPlain(i, minIndent);
        const name = keyName(this.value);
        if (name === '<<' || Object.prototype.hasOwnProperty.call(obj, name)) refuse();
        const ks = this.start;
        const ke = this.end;
        i = this.flowSpace(ke, minIndent);
        if (this.at(i) === COLON && this.text.slice(ke, i).includes('\n')) refuse(); // `"a"⏎: b`
        let value: JsonValue = null;
        if (this.at(i) === COLON) {
          const v = this.flowSpace(i + 1, minIndent);
          const c = this.at(v);
          if (c === COMMA || c === RBRACE) refuse(); // an empty value
          this.flowNode(v, minIndent, depth);
          value = this.value;
          local.push(ks, ke, this.start, this.end);
          kids.push(this.entry);
          if (this.entry) hasKids = true;
          i = this.flowSpace(this.end, minIndent);
        } else {
          local.push(ks, ke, -1, -1); // `{a, b}`: a key without a value
          kids.push(undefined);
        }
        setKey(obj, name, value);
        keys.push(name);
        const c = this.at(i);
        if (c === RBRACE) break;
        if (c !== COMMA) refuse();
        i = this.flowSpace(i + 1, minIndent);
        if (this.at(i) === RBRACE || this.at(i) === COMMA) refuse();
      }
    this.value = obj;
    this.entry = this.makeEntry(keys, local, hasKids ? kids : undefined, keys.length);
    this.end = i + 1;
  }

  /**
   * The entry of a collection, its positions appended to the document's. Arrays built with
   * `push` keep spare room (17 slots for a small one) for as long as they live: the ones the
   * index keeps are copied to their exact size.
   */
  private makeEntry(
    keys: string[] | undefined,
    local: readonly number[],
    children: (Entry | undefined)[] | undefined,
    size: number,
  ): Entry {
    const base = this.pos.length;
    for (const p of local) this.pos.push(p);
    return { keys: keys?.slice(), size, base, children: children?.slice() };
  }

  // ---- block collections ---------------------------------------------------------------------

  /**
   * A value written after `key: ` or `- ` at `i`, in a block collection indented `parentIndent`:
   * a scalar, a flow collection or a block scalar. Sets the node and where parsing goes on.
   */
  private inline(i: number, parentIndent: number, depth: number): void {
    const c = this.at(i);
    if (c === PIPE || c === GREATER) {
      this.blockScalar(i, parentIndent);
      this.skipLines(this.end, -2);
      return;
    }
    if (c === LBRACKET || c === LBRACE) this.flow(i, parentIndent + 1, depth + 1);
    else if (c === DQUOTE || c === SQUOTE) this.quoted(i);
    else {
      if (isPlainStartRefused(c)) refuse();
      if ((c === DASH || c === QUESTION || c === COLON) && this.isIndicator(i)) refuse();
      this.blockPlain(i);
    }
    const eol = this.restOfLine(this.end);
    const lineEnd = this.afterLine(eol);
    const absorbed = this.skipLines(lineEnd, parentIndent);
    this.nodeEnd = absorbed >= 0 ? absorbed : lineEnd;
  }

  /**
   * A block map or sequence starting at `i`, a line's first content, indented `indent` (a
   * scalar on a line of its own is refused by `blockMap`).
   */
  private blockNode(i: number, indent: number, depth: number): void {
    if (this.isDash(i)) this.blockSeq(i, indent, depth + 1);
    else this.blockMap(i, indent, depth + 1);
  }

  /** The value after `key:` at `c` (just after the colon), in a map indented `indent`. */
  private mapValue(c: number, indent: number, depth: number): void {
    const { text, n } = this;
    let i = c;
    while (text.charCodeAt(i) === SPACE) i++;
    const ch = text.charCodeAt(i);
    if (i < n && ch !== NL && ch !== HASH) {
      this.inline(i, indent, depth);
      return;
    }
    const eol = this.lineEnd(i);
    const following = this.afterLine(eol);
    this.skipLines(following, -2);
    if (this.nextIndent > indent) {
      this.blockNode(this.next + this.nextIndent, this.nextIndent, depth);
    } else if (this.nextIndent === indent && this.isDash(this.next + indent)) {
      this.blockSeq(this.next + indent, indent, depth + 1);
    } else {
      // An empty value: only `key:` right before the next line (the other forms place `yaml`'s
      // empty node after comments and blank lines, which this path does not model).
      if (i !== c || ch !== NL || this.next !== following) refuse();
      this.value = null;
      this.entry = undefined;
      this.start = this.end = this.nodeEnd = c;
    }
  }

  private blockMap(first: number, indent: number, depth: number): void {
    if (depth > this.maxDepth) throw new TooDeep(first);
    const obj: JsonObject = {};
    const keys: string[] = [];
    const local: number[] = [];
    const kids: (Entry | undefined)[] = [];
    let hasKids = false;
    let at = first;
    let lastEnd = 0;
    for (;;) {
      const afterColon = this.scanKey(at);
      if (afterColon < 0) refuse();
      const name = keyName(this.keyValue);
      if (Object.prototype.hasOwnProperty.call(obj, name)) refuse(); // `yaml` decides
      const ks = this.keyStart;
      const ke = this.keyEnd;
      this.mapValue(afterColon, indent, depth);
      setKey(obj, name, this.value);
      keys.push(name);
      local.push(ks, ke, this.start, this.end);
      kids.push(this.entry);
      if (this.entry) hasKids = true;
      lastEnd = this.nodeEnd;
      if (this.nextIndent > indent) refuse();
      if (this.nextIndent < indent) break;
      at = this.next + indent;
      if (this.isDash(at)) refuse(); // a sequence item among map keys
    }
    this.value = obj;
    this.entry = this.makeEntry(keys, local, hasKids ? kids : undefined, keys.length);
    this.start = first;
    this.end = lastEnd;
    this.nodeEnd = this.closeEnd(indent, lastEnd);
  }

  private blockSeq(first: number, indent: number, depth: number): void {
    if (depth > this.maxDepth) throw new TooDeep(first);
    const items: JsonValue[] = [];
    const local: number[] = [];
    const kids: (Entry | undefined)[] = [];
    let hasKids = false;
    let dash = first;
    let lastEnd = 0;
    for (;;) {
      this.seqItem(dash, indent, depth);
      items.push(this.value);
      local.push(this.start, this.end);
      kids.push(this.entry);
      if (this.entry) hasKids = true;
      lastEnd = this.nodeEnd;
      if (this.nextIndent > indent) refuse();
      if (this.nextIndent < indent || !this.isDash(this.next + indent)) break;
      dash = this.next + indent;
    }
    this.value = items.slice();
    this.entry = this.makeEntry(undefined, local, hasKids ? kids : undefined, items.length);
    this.start = first;
    this.end = lastEnd;
    this.nodeEnd = this.closeEnd(indent, lastEnd);
  }

  /** The item after the `-` at `dash` of a sequence indented `indent`. */
  private seqItem(dash: number, indent: number, depth: number): void {
    const { text, n } = this;
    let i = dash + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i >= n || c === NL || c === HASH) {
      this.skipLines(this.afterLine(this.lineEnd(i)), -2);
      if (this.nextIndent <= indent) refuse(); // an empty item
      this.blockNode(this.next + this.nextIndent, this.nextIndent, depth);
      return;
    }
    if (this.isDash(i)) this.blockSeq(i, this.column(i), depth + 1);
    else if (this.scanKey(i) >= 0) this.blockMap(i, this.column(i), depth + 1);
    else this.inline(i, indent, depth);
  }

  // ---- document ------------------------------------------------------------------------------

  /** The document: [] when it holds nothing, or its value and index. */
  document(lineOffset: number): ParsedDocument[] {
    const { text, n } = this;
    // Before the content: blank lines, comments, one `---` line (with at most a comment).
    let lineStart = 0;
    let seenStart = false;
    let content = -1;
    while (lineStart < n) {
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      const eol = this.lineEnd(i);
      const c = text.charCodeAt(i);
      if (i >= n || c === NL || c === HASH) {
        lineStart = this.afterLine(eol);
        continue;
      }
      if (c === 0x25) refuse(); // a directive
      if (i === lineStart && this.isDocumentMarker(lineStart)) {
        if (c === DOT || seenStart) refuse();
        seenStart = true;
        this.restOfLine(lineStart + 3);
        lineStart = this.afterLine(eol);
        continue;
      }
      content = i;
      break;
    }
    if (content < 0) return [];
    const indent = content - lineStart;
    const c = text.charCodeAt(content);
    if (c === LBRACKET || c === LBRACE) {
      this.flow(content, 0, 1);
      const eol = this.restOfLine(this.end);
      this.skipLines(this.afterLine(eol), -2);
    } else this.blockNode(content, indent, 0);
    // After the content: only the end of the text, or `...` and nothing else.
    if (this.nextIndent >= 0) refuse();
    if (this.next < n) {
      this.restOfLine(this.next + 3);
      this.skipLines(this.afterLine(this.lineEnd(this.next + 3)), -2);
      if (this.next < n) refuse();
    }
    return [
      {
        kind: 'value',
        value: this.value,
        source: indexedSourceMap(
          this.entry,
          this.pos,
          this.start,
          this.end,
          lineCounterOf(text),
          lineOffset,
        ),
      },
    ];
  }
}

/** Line starts as `yaml`'s parser records them: 0 and after every line feed. */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/**
 * Parses one chunk (one document) on the fast path, or returns undefined when the chunk is
 * outside the subset and must go to `yaml`.
 */
export function parseFast(
  text: string,
  lineOffset: number,
  maxDepth: number,
): ParsedDocument[] | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const parser = new FastParser(text, maxDepth);
  try {
    return parser.document(lineOffset);
  } catch (error) {
    if (error === REFUSED) return undefined;
    if (error instanceof TooDeep) {
      const { line, col } = lineCounterOf(text).linePos(error.offset);
      return [
        {
          kind: 'tooDeep',
          range: {
            line: line + lineOffset,
            column: col,
            endLine: line + lineOffset,
            endColumn: col,
          },
        },
      ];
    }
    throw error;
  }
}
