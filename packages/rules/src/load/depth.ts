/** Nesting checks that never recurse: hostile documents must not exhaust the stack. */
import type { CST } from 'yaml';
import type { JsonValue } from '../model';

/**
 * Offset of the first collection of a CST document nested deeper than `limit`, or -1.
 * Collections are block maps, block sequences and flow collections, counted from 1.
 */
export function deepestOffset(document: CST.Token, limit: number): number {
  const stack: [CST.Token, number][] = [[document, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token, number];
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > limit) return token.offset;
        // Pushed in reverse so the first item is examined first: the offset reported is the
        // first one in the text.
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i] as CST.CollectionItem;
          if (item.value) stack.push([item.value, depth + 1]);
          if (item.key) stack.push([item.key, depth + 1]);
        }
        break;
      }
      default:
        break;
    }
  }
  return -1;
}

/**
 * Whether a value nests deeper than `limit`. Aliases can make a value deeper than its text, or
 * cyclic, and share one node many times: a node is walked again only when reached deeper.
 */
export function valueDepthExceeds(value: JsonValue, limit: number): boolean {
  const stack: [JsonValue, number][] = [[value, 1]];
  const seen = new Map<object, number>();
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [JsonValue, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > limit) return true;
    if ((seen.get(v) ?? 0) >= d) continue;
    seen.set(v, d);
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children)
      if (child !== undefined && child !== null && typeof child === 'object')
        stack.push([child, d + 1]);
  }
  return false;
}
