import type { JsonValue } from './json';
import { isObject } from './json';

const PLAIN = /^[A-Za-z_./@][A-Za-z0-9 _./:@()-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !/: |:$| #/.test(value))
    return value;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

function isEmpty(value: JsonValue): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : isObject(value) && Object.keys(value).length === 0;
}

function inline(value: JsonValue): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isObject(value)) return Object.keys(value).length === 0 ? '{}' : undefined;
  return scalar(value);
}

function lines(value: JsonValue, indent: string): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const simple = inline(item);
      if (simple !== undefined) {
        out.push(`${indent}- ${simple}`);
        continue;
      }
      const [first = '', ...rest] = lines(item, `${indent}  `);
      out.push(`${indent}- ${first.trimStart()}`, ...rest);
    }
    return out;
  }
  if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const simple = inline(v);
      if (simple !== undefined || isEmpty(v)) out.push(`${indent}${scalar(key)}: ${simple ?? ''}`);
      else
        out.push(
          `${indent}${scalar(key)}:`,
          ...lines(v, Array.isArray(v) ? indent : `${indent}  `),
        );
    }
    return out;
  }
  return [`${indent}${scalar(value)}`];
}

/** Plain JSON data as block-style YAML (one document, no `---`). */
export function toYaml(value: JsonValue): string {
  return `${lines(value, '').join('\n')}\n`;
}
