import { selectorMatches } from './selector';
import type { Selector } from './selector';

const SEP = '\u0000';

/**
 * Items indexed by scope (cluster and namespace) and by each `key=value` label, so a selector
 * only looks at the items that carry its rarest label.
 */
export class LabelIndex<T> {
  private readonly byScope = new Map<string, T[]>();
  private readonly byLabel = new Map<string, T[]>();
  private readonly labelsOf = new Map<T, Readonly<Record<string, string>>>();

  add(scope: string, labels: Readonly<Record<string, string>>, item: T): void {
    append(this.byScope, scope, item);
    this.labelsOf.set(item, labels);
    for (const [k, v] of Object.entries(labels))
      append(this.byLabel, `${scope}${SEP}${k}=${v}`, item);
  }

  scopes(): IterableIterator<string> {
    return this.byScope.keys();
  }

  match(scope: string, selector: Selector): T[] {
    let candidates = this.byScope.get(scope) ?? [];
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = this.byLabel.get(`${scope}${SEP}${k}=${v}`) ?? [];
      if (list.length < candidates.length) candidates = list;
      if (candidates.length === 0) break;
    }
    return candidates.filter((item) => selectorMatches(selector, this.labelsOf.get(item) ?? {}));
  }
}

export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
