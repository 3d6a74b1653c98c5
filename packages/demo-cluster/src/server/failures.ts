/**
 * An artificial failure for tests: requests whose path matches are answered with an error, a
 * malformed body, a delay or a dropped connection instead of the real answer.
 */
export interface FailureRule {
  /** The exact request path (no query string), or a pattern tested against it. */
  path: string | RegExp;
  /** Only for this method (default: any). */
  method?: string;
  /**
   * Answer with this HTTP status: a Kubernetes `Status` body on API paths, a Prometheus error
   * body on Prometheus paths.
   */
  status?: number;
  /** The message of that body (default: a generic one for the status). */
  message?: string;
  /** Answer 200 with exactly this body (a malformed or truncated response). */
  body?: string;
  /** Close the connection without answering. */
  drop?: boolean;
  /** Wait this long (ms) before answering (or failing); the real answer follows when nothing else is set. */
  delayMs?: number;
  /** Apply to this many matching requests, then stop (default: every one). */
  times?: number;
}

/** What to do with one request. */
export type FailureAction =
  | { kind: 'drop' }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'body'; body: string }
  | { kind: 'none' };

/** Matches requests against the rules, counting uses for rules with `times`. */
export class FailureSet {
  private rules: { rule: FailureRule; used: number }[] = [];

  constructor(rules: readonly FailureRule[] = []) {
    this.set(rules);
  }

  set(rules: readonly FailureRule[]): void {
    this.rules = rules.map((rule) => ({ rule, used: 0 }));
  }

  /** The first rule that applies to the request (and counts it), or undefined. */
  match(method: string, path: string): FailureRule | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      const matches = typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
      if (!matches) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      entry.used++;
      return rule;
    }
    return undefined;
  }
}

export function actionOf(rule: FailureRule): FailureAction {
  if (rule.drop) return { kind: 'drop' };
  if (rule.status !== undefined)
    return {
      kind: 'status',
      status: rule.status,
      ...(rule.message ? { message: rule.message } : {}),
    };
  if (rule.body !== undefined) return { kind: 'body', body: rule.body };
  return { kind: 'none' };
}
