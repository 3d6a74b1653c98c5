/**
 * The PromQL the demo Prometheus answers, and nothing more:
 *
 * ```
 * query      = vector { "or" vector }                          (union, as Prometheus: left
 *                                                               first, then right series whose
 *                                                               label set the left lacks)
 * vector     = aggregation | selector
 * selector   = metric_name [ "{" [ matcher { "," matcher } [","] ] "}" ]
 *            | "{" matcher { "," matcher } [","] "}"            (with __name__)
 * matcher    = label_name ( "=" | "!=" | "=~" | "!~" ) string   (regexes fully anchored)
 * aggregation= op [ grouping ] "(" selector ")" [ grouping ]
 * op         = "sum" | "avg" | "min" | "max" | "count"
 * grouping   = "by" "(" [ label_name { "," label_name } [","] ] ")"
 * ```
 *
 * Anything else (functions, range selectors, offsets, other binary operators, `without`) is a
 * `bad_data` error naming what is not supported.
 */

export type MatchOperator = '=' | '!=' | '=~' | '!~';
export type AggregationOperator = 'sum' | 'avg' | 'min' | 'max' | 'count';

export interface LabelMatcher {
  name: string;
  operator: MatchOperator;
  value: string;
}

export interface SelectorExpr {
  type: 'selector';
  matchers: LabelMatcher[];
}

export interface AggregationExpr {
  type: 'aggregation';
  operator: AggregationOperator;
  /** Labels kept (`by`); empty: one series for everything. */
  by: string[];
  expr: SelectorExpr;
}

export type VectorExpr = SelectorExpr | AggregationExpr;

export interface OrExpr {
  type: 'or';
  left: PromQLExpr;
  right: VectorExpr;
}

export type PromQLExpr = VectorExpr | OrExpr;

export class PromQLError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromQLError';
  }
}

const AGGREGATIONS: ReadonlySet<string> = new Set(['sum', 'avg', 'min', 'max', 'count']);
const UNSUPPORTED_AGGREGATIONS = new Set([
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
  'count_values',
  'limitk',
  'limit_ratio',
]);

type TokenType = 'ident' | 'string' | 'number' | 'punct' | 'op' | 'end';

interface Token {
  type: TokenType;
  text: string;
  /** Decoded string value for `string` tokens. */
  value?: string;
  /** 1-based column. */
  col: number;
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

function fail(col: number, message: string): never {
  throw new PromQLError(`1:${col}: parse error: ${message}`);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[A-Za-z_:]/.test(ch)) {
      let j = i + 1;
      while (j < input.length && /[A-Za-z0-9_:]/.test(input[j] as string)) j++;
      tokens.push({ type: 'ident', text: input.slice(i, j), col });
      i = j;
    } else if (/[0-9.]/.test(ch)) {
      let j = i + 1;
      while (j < input.length && /[0-9.eE+\-a-zA-Z]/.test(input[j] as string)) j++;
      tokens.push({ type: 'number', text: input.slice(i, j), col });
      i = j;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= input.length) fail(col, 'unterminated quoted string');
        const c = input[j] as string;
        if (c === ch) break;
        if (c === '\\' && ch !== '`') {
          const next = input[j + 1];
          if (next === undefined || ESCAPES[next] === undefined)
            fail(j + 1, `unknown escape sequence '\\${next ?? ''}'`);
          value += ESCAPES[next];
          j += 2;
          continue;
        }
        value += c;
        j++;
      }
      tokens.push({ type: 'string', text: input.slice(i, j + 1), value, col });
      i = j + 1;
    } else {
      const two = input.slice(i, i + 2);
      if (['=~', '!~', '!=', '==', '>=', '<='].includes(two)) {
        tokens.push({ type: 'op', text: two, col });
        i += 2;
      } else if ('=<>+-*/%^'.includes(ch)) {
        tokens.push({ type: 'op', text: ch, col });
        i++;
      } else if ('{}()[],@'.includes(ch)) {
        tokens.push({ type: 'punct', text: ch, col });
        i++;
      } else {
        fail(col, `unexpected character: '${ch}'`);
      }
    }
  }
  tokens.push({ type: 'end', text: 'end of input', col: input.length + 1 });
  return tokens;
}

function describe(t: Token): string {
  if (t.type === 'end') return 'end of input';
  if (t.type === 'ident') return `identifier "${t.text}"`;
  if (t.type === 'string') return `string ${t.text}`;
  if (t.type === 'number') return `number "${t.text}"`;
  return `"${t.text}"`;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return (this.tokens[this.pos + offset] ?? this.tokens[this.tokens.length - 1]) as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.pos++;
    return t;
  }

  private expect(text: string, context: string): Token {
    const t = this.next();
    if (t.text !== text || (t.type !== 'punct' && t.type !== 'op'))
      fail(t.col, `unexpected ${describe(t)} ${context}, expected "${text}"`);
    return t;
  }

  parse(): PromQLExpr {
    const first = this.peek();
    if (first.type === 'end') fail(first.col, 'no expression found in input');
    let expr: PromQLExpr = this.expression();
    while (this.peek().type === 'ident' && this.peek().text === 'or') {
      this.next();
      expr = { type: 'or', left: expr, right: this.expression() };
    }
    const rest = this.peek();
    if (rest.type !== 'end') {
      if (rest.type === 'op')
        fail(rest.col, `binary operator "${rest.text}" is not supported by the demo Prometheus`);
      if (rest.text === '[')
        fail(rest.col, 'range vector selectors are not supported by the demo Prometheus');
      if (rest.text === '@' || rest.text === 'offset')
        fail(rest.col, `"${rest.text}" modifiers are not supported by the demo Prometheus`);
      fail(rest.col, `unexpected ${describe(rest)}`);
    }
    return expr;
  }

  private expression(): VectorExpr {
    const t = this.peek();
    if (t.type === 'ident' && AGGREGATIONS.has(t.text)) {
      const after = this.peek(1);
      if (after.text === '(' || after.text === 'by' || after.text === 'without')
        return this.aggregation();
    }
    if (t.type === 'ident' && UNSUPPORTED_AGGREGATIONS.has(t.text))
      fail(t.col, `aggregation "${t.text}" is not supported by the demo Prometheus`);
    if (t.type === 'ident' && this.peek(1).text === '(')
      fail(t.col, `function "${t.text}" is not supported by the demo Prometheus`);
    if (t.type === 'ident' || t.text === '{') return this.selector();
    if (t.text === '(')
      fail(t.col, 'parenthesised expressions are not supported by the demo Prometheus');
    if (t.type === 'number')
      fail(t.col, 'scalar expressions are not supported by the demo Prometheus');
    if (t.type === 'string')
      fail(t.col, 'string expressions are not supported by the demo Prometheus');
    return fail(t.col, `unexpected ${describe(t)}`);
  }

  private grouping(): string[] {
    const keyword = this.next();
    if (keyword.text === 'without')
      fail(keyword.col, '"without" is not supported by the demo Prometheus; use "by"');
    this.expect('(', 'in grouping opts');
    const labels: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.text === ')') break;
      if (t.type !== 'ident')
        fail(t.col, `unexpected ${describe(t)} in grouping opts, expected label`);
      labels.push(t.text);
      const sep = this.next();
      if (sep.text === ')') break;
      if (sep.text !== ',')
        fail(sep.col, `unexpected ${describe(sep)} in grouping opts, expected "," or ")"`);
    }
    return labels;
  }

  private aggregation(): AggregationExpr {
    const op = this.next().text as AggregationOperator;
    let by: string[] | undefined;
    if (this.peek().text === 'by' || this.peek().text === 'without') by = this.grouping();
    this.expect('(', 'in aggregation');
    const inner = this.peek();
    if (inner.type === 'ident' && (AGGREGATIONS.has(inner.text) || this.peek(1).text === '('))
      fail(inner.col, 'nested aggregations and functions are not supported by the demo Prometheus');
    if (inner.type === 'number' || inner.type === 'string')
      fail(inner.col, `aggregation "${op}" takes no parameter in the demo Prometheus`);
    const expr = this.selector();
    const close = this.peek();
    if (close.text === '[')
      fail(close.col, 'range vector selectors are not supported by the demo Prometheus');
    if (close.type === 'op')
      fail(close.col, `binary operator "${close.text}" is not supported by the demo Prometheus`);
    this.expect(')', 'in aggregation');
    if (this.peek().text === 'by' || this.peek().text === 'without') {
      if (by) fail(this.peek().col, 'grouping given twice');
      by = this.grouping();
    }
    return { type: 'aggregation', operator: op, by: by ?? [], expr };
  }

  private selector(): SelectorExpr {
    const matchers: LabelMatcher[] = [];
    const first = this.peek();
    if (first.type === 'ident') {
      this.next();
      matchers.push({ name: '__name__', operator: '=', value: first.text });
    }
    if (this.peek().text === '{') {
      this.next();
      for (;;) {
        const t = this.next();
        if (t.text === '}') break;
        if (t.type !== 'ident')
          fail(t.col, `unexpected ${describe(t)} in label matching, expected label`);
        const op = this.next();
        if (op.type !== 'op' || !['=', '!=', '=~', '!~'].includes(op.text))
          fail(
            op.col,
            `unexpected ${describe(op)} in label matching, expected label matching operator`,
          );
        const value = this.next();
        if (value.type !== 'string')
          fail(value.col, `unexpected ${describe(value)} in label matching, expected string`);
        const matcher: LabelMatcher = {
          name: t.text,
          operator: op.text as MatchOperator,
          value: value.value ?? '',
        };
        compileMatcher(matcher, value.col);
        matchers.push(matcher);
        const sep = this.next();
        if (sep.text === '}') break;
        if (sep.text !== ',')
          fail(sep.col, `unexpected ${describe(sep)} in label matching, expected "," or "}"`);
      }
    }
    if (matchers.length === 0) fail(first.col, `unexpected ${describe(first)}`);
    if (!matchers.some((m) => !matcherFn(m)('')))
      fail(first.col, 'vector selector must contain at least one non-empty matcher');
    return { type: 'selector', matchers };
  }
}

const compiled = new WeakMap<LabelMatcher, (value: string) => boolean>();

function compileMatcher(m: LabelMatcher, col: number): void {
  if (m.operator === '=' || m.operator === '!=') {
    compiled.set(m, m.operator === '=' ? (v) => v === m.value : (v) => v !== m.value);
    return;
  }
  let re: RegExp;
  try {
    // Prometheus regexes (RE2) are anchored at both ends.
    re = new RegExp(`^(?:${m.value})$`, 'su');
  } catch (e) {
    return fail(
      col,
      `invalid regular expression ${JSON.stringify(m.value)}: ${(e as Error).message}`,
    );
  }
  compiled.set(m, m.operator === '=~' ? (v) => re.test(v) : (v) => !re.test(v));
}

/** The predicate of a parsed matcher (a label that is absent has the value ``). */
export function matcherFn(m: LabelMatcher): (value: string) => boolean {
  let fn = compiled.get(m);
  if (!fn) {
    compileMatcher(m, 1);
    fn = compiled.get(m) as (value: string) => boolean;
  }
  return fn;
}

/** Parses a query of the supported subset; throws PromQLError (`1:<col>: parse error: …`). */
export function parsePromQL(query: string): PromQLExpr {
  return new Parser(tokenize(query)).parse();
}
