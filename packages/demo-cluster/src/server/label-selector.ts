/**
 * Kubernetes label selectors in their string form, parsed the way the API server does
 * (k8s.io/apimachinery/pkg/labels): `a=b`, `a==b`, `a!=b`, `a in (b,c)`, `a notin (b,c)`, `a`,
 * `!a`, `a>1`, `a<1`, joined by commas. `!=` and `notin` match objects without the label.
 */

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

type TokenType =
  'identifier' | 'in' | 'notin' | '!' | '!=' | '=' | '==' | '>' | '<' | '(' | ')' | ',' | 'end';

interface Token {
  type: TokenType;
  text: string;
}

const SYMBOLS: readonly TokenType[] = ['!=', '==', '!', '(', ')', ',', '=', '>', '<'];
const SPECIAL_CHARS = new Set(['!', '(', ')', ',', '=', '>', '<']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const symbol = SYMBOLS.find((s) => input.startsWith(s, i));
    if (symbol) {
      tokens.push({ type: symbol, text: symbol });
      i += symbol.length;
      continue;
    }
    let j = i;
    while (
      j < input.length &&
      !/\s/.test(input[j] as string) &&
      !SPECIAL_CHARS.has(input[j] as string)
    )
      j++;
    const text = input.slice(i, j);
    tokens.push({ type: text === 'in' ? 'in' : text === 'notin' ? 'notin' : 'identifier', text });
    i = j;
  }
  tokens.push({ type: 'end', text: 'end of string' });
  return tokens;
}

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid (a qualified name: optional DNS-subdomain prefix and `/`), or undefined. */
export function labelKeyError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2)
    return 'a qualified name must consist of a name and an optional prefix separated by "/"';
  const name = parts[parts.length - 1] as string;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
      return 'prefix part must be a lowercase RFC 1123 subdomain';
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME.test(name))
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

/** Why a label value is invalid, or undefined. Empty values are valid. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (value !== '' && !NAME.test(value))
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const t = this.tokens[this.pos] as Token;
    if (t.type !== 'end') this.pos++;
    return t;
  }

  parse(): LabelRequirement[] {
    const out: LabelRequirement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === 'end') return out;
      if (t.type !== 'identifier' && t.type !== '!')
        throw new SelectorError(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      out.push(this.requirement());
      const sep = this.next();
      if (sep.type === 'end') return out;
      if (sep.type !== ',')
        throw new SelectorError(`found '${sep.text}', expected: ',' or 'end of string'`);
      const after = this.peek();
      if (after.type === 'end')
        throw new SelectorError(`found '${after.text}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let operator: LabelOperator | undefined;
    if (this.peek().type === '!') {
      this.next();
      operator = '!';
    }
    const keyToken = this.next();
    if (keyToken.type !== 'identifier')
      throw new SelectorError(`found '${keyToken.text}', expected: identifier`);
    const key = keyToken.text;
    const keyError = labelKeyError(key);
    if (keyError)
      throw new SelectorError(
        `unable to parse requirement: key: Invalid value: "${key}": ${keyError}`,
      );
    const after = this.peek();
    if (operator === '!' || after.type === 'end' || after.type === ',') {
      if (operator === '!' && after.type !== 'end' && after.type !== ',')
        throw new SelectorError(`found '${after.text}', expected: ',' or 'end of string'`);
      return { key, operator: operator ?? 'exists', values: [] };
    }
    const opToken = this.next();
    switch (opToken.type) {
      case 'in':
      case 'notin':
        return { key, operator: opToken.type, values: this.valueSet(key) };
      case '=':
      case '==':
      case '!=':
        return { key, operator: opToken.type, values: [this.exactValue(key)] };
      case '>':
      case '<': {
        const value = this.exactValue(key);
        if (!/^-?\d+$/.test(value))
          throw new SelectorError(
            `unable to parse requirement: values[0]: Invalid value: "${value}": for 'Gt', 'Lt' operators, the value must be an integer`,
          );
        return { key, operator: opToken.type === '>' ? 'gt' : 'lt', values: [value] };
      }
      default:
        throw new SelectorError(`found '${opToken.text}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private exactValue(key: string): string {
    const t = this.peek();
    if (t.type === 'end' || t.type === ',') return '';
    if (t.type !== 'identifier') throw new SelectorError(`found '${t.text}', expected: identifier`);
    this.next();
    this.checkValue(key, t.text, 0);
    return t.text;
  }

  private valueSet(key: string): string[] {
    const open = this.next();
    if (open.type !== '(') throw new SelectorError(`found '${open.text}', expected: '('`);
    const values: string[] = [];
    let expectValue = true;
    for (;;) {
      const t = this.next();
      if (t.type === ')') {
        // `()` and `(a,)` hold the empty value, as in the API server.
        if (expectValue) values.push('');
        break;
      }
      if (t.type === ',') {
        if (expectValue) values.push('');
        expectValue = true;
        continue;
      }
      if (t.type === 'identifier' || t.type === 'in' || t.type === 'notin') {
        if (!expectValue) throw new SelectorError(`found '${t.text}', expected: ',' or ')'`);
        this.checkValue(key, t.text, values.length);
        values.push(t.text);
        expectValue = false;
        continue;
      }
      throw new SelectorError(`found '${t.text}', expected: ',', ')' or identifier`);
    }
    return [...new Set(values)];
  }

  private checkValue(key: string, value: string, index: number): void {
    const error = labelValueError(value);
    if (error)
      throw new SelectorError(
        `unable to parse requirement: values[${index}][${key}]: Invalid value: "${value}": ${error}`,
      );
  }
}

/** Parses a label selector; throws a SelectorError with the API server's wording when invalid. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return new Parser(tokenize(selector)).parse();
}

function matchesRequirement(
  labels: Readonly<Record<string, string>>,
  r: LabelRequirement,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value as string);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value as string)) return false;
      const actual = Number(value);
      const bound = Number(r.values[0]);
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

/** Whether labels satisfy every requirement (an empty selector matches everything). */
export function matchesLabels(
  requirements: readonly LabelRequirement[],
  labels: Readonly<Record<string, string>>,
): boolean {
  return requirements.every((r) => matchesRequirement(labels, r));
}
