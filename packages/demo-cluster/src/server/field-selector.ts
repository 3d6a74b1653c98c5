import { SelectorError } from './label-selector';

/** One term of a field selector: `metadata.name=x`, `spec.nodeName!=y`. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Splits on separators that are not escaped with a backslash. */
function splitUnescaped(input: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === '\\' && i + 1 < input.length) {
      current += ch + (input[i + 1] as string);
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\') {
      const next = value[i + 1];
      if (next !== '\\' && next !== ',' && next !== '=')
        throw new SelectorError(`invalid field selector: invalid escape sequence in "${value}"`);
      out += next;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Finds the first unescaped occurrence of one of the operators. */
function findOperator(term: string): { index: number; operator: '!=' | '==' | '=' } | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    if (term.startsWith('!=', i)) return { index: i, operator: '!=' };
    if (term.startsWith('==', i)) return { index: i, operator: '==' };
    if (term[i] === '=') return { index: i, operator: '=' };
  }
  return undefined;
}

/** Parses a field selector (`a=b,c!=d`, values escaped with `\`) as the API server does. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  if (selector.trim() === '') return [];
  return splitUnescaped(selector, ',').map((term) => {
    const op = findOperator(term);
    if (!op || op.index === 0)
      throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const field = term.slice(0, op.index).trim();
    const value = unescape(term.slice(op.index + op.operator.length));
    return { field, operator: op.operator === '!=' ? '!=' : '=', value };
  });
}

export function matchesFields(
  requirements: readonly FieldRequirement[],
  valueOf: (field: string) => string,
): boolean {
  return requirements.every((r) => (valueOf(r.field) === r.value) === (r.operator === '='));
}
