import type { Path } from '../model';
import type { JsonSchema } from './rule';

export interface SchemaError {
  path: Path;
  message: string;
  /** The error is about a key itself (an unknown property), not its value. */
  atKey?: boolean;
}

function isTuple(items: JsonSchema['items']): items is readonly JsonSchema[] {
  return Array.isArray(items);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: NonNullable<JsonSchema['type']>, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function describe(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.type) return `a${/^[aeiou]/.test(schema.type) ? 'n' : ''} ${schema.type}`;
  return 'a valid value';
}

/**
 * Validates a value against the JSON Schema subset aigov uses (type, enum, properties,
 * required, additionalProperties, items, min/max, minLength, pattern, oneOf, $ref to $defs).
 * Returns every error, each with the path of the offending value.
 */
export function validateSchema(
  value: unknown,
  schema: JsonSchema,
  root: JsonSchema = schema,
  path: Path = [],
): SchemaError[] {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target
      ? validateSchema(value, target, root, path)
      : [{ path, message: `unknown schema reference ${schema.$ref}` }];
  }
  if (schema.oneOf) {
    const results = schema.oneOf.map((s) => validateSchema(value, s, root, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing >= 1) return [];
    // Report the alternative that got furthest: the one whose errors sit deepest.
    const best = results.reduce((a, b) =>
      Math.max(0, ...b.map((e) => e.path.length)) > Math.max(0, ...a.map((e) => e.path.length))
        ? b
        : a,
    );
    const deepest = Math.max(0, ...best.map((e) => e.path.length));
    return deepest > path.length
      ? best
      : [{ path, message: `expected ${schema.oneOf.map(describe).join(' or ')}` }];
  }
  if (schema.type && !typeMatches(schema.type, value))
    return [{ path, message: `expected ${describe(schema)}, got ${typeOf(value)}` }];
  if (schema.enum && !schema.enum.includes(value as string | number | boolean)) {
    const hint = typeof value === 'string' ? closest(value, schema.enum.map(String)) : undefined;
    return [
      {
        path,
        message: `expected ${describe(schema)}, got ${JSON.stringify(value)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      },
    ];
  }
  const errors: SchemaError[] = [];
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push({ path, message: `must be at least ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push({ path, message: `must be at most ${schema.maximum}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      errors.push({
        path,
        message:
          schema.minLength === 1
            ? 'must not be empty'
            : `must have at least ${schema.minLength} characters`,
      });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
      errors.push({ path, message: `${JSON.stringify(value)} does not match ${schema.pattern}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push({
        path,
        message: `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`,
      });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errors.push({ path, message: `must have at most ${schema.maxItems} items` });
    const items = schema.items;
    if (isTuple(items))
      items.forEach(
        (s, i) =>
          i < value.length && errors.push(...validateSchema(value[i], s, root, [...path, i])),
      );
    else if (items)
      value.forEach((v, i) => errors.push(...validateSchema(v, items, root, [...path, i])));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (!(key in obj)) errors.push({ path, message: `missing required property "${key}"` });
    for (const [key, v] of Object.entries(obj)) {
      const propSchema = schema.properties?.[key];
      if (propSchema) errors.push(...validateSchema(v, propSchema, root, [...path, key]));
      else if (schema.additionalProperties === false) {
        const hint = closest(key, Object.keys(schema.properties ?? {}));
        errors.push({
          path: [...path, key],
          atKey: true,
          message: `unknown property "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
      } else if (typeof schema.additionalProperties === 'object')
        errors.push(...validateSchema(v, schema.additionalProperties, root, [...path, key]));
    }
  }
  return errors;
}
