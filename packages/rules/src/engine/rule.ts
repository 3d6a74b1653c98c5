import type { Category, Path, Severity } from '../model';
import type { RuleContext } from './context';

/** The subset of JSON Schema the engine validates options and config with. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  description?: string;
  enum?: readonly (string | number | boolean)[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  /** One schema for every item, or a tuple of schemas by position. */
  items?: JsonSchema | readonly JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  oneOf?: readonly JsonSchema[];
  default?: unknown;
  $ref?: string;
  $schema?: string;
  $id?: string;
  title?: string;
  $defs?: Readonly<Record<string, JsonSchema>>;
}

export interface RuleMeta<MessageId extends string> {
  /** `<category>/<name>`: a public contract, never renamed. */
  id: string;
  category: Category;
  severity: Severity;
  tags?: readonly string[];
  /** One sentence: what the rule flags. */
  description: string;
  /** Why it matters, in a few sentences, for the rule's doc page. */
  rationale: string;
  /** What to change. */
  remediation: string;
  /** Message templates with `{{name}}` placeholders. */
  messages: Readonly<Record<MessageId, string>>;
  /** Equivalent checks in other linters (Polaris, kube-linter, kube-score, Kubescape, Checkov). */
  anchors?: readonly string[];
  /** Needs the whole picture: skipped unless the scanned set is complete. */
  requiresComplete?: boolean;
  /**
   * With `requiresComplete`: the kinds whose absence the rule concludes. When a set is complete
   * only for some kinds (live objects fetched for one service), the rule runs if all of these are
   * among them. Without it, the rule needs a set complete for every kind.
   */
  completeKinds?: readonly string[];
  /** Off in the `recommended` preset. Default: on. */
  recommended?: boolean;
  /** Rule-specific options: `rules: { <id>: [severity, options] }` in .aigov.yaml. */
  options?: {
    schema: JsonSchema;
    defaults: Readonly<Record<string, unknown>>;
  };
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  /** Absent for `parse/*` rules, which the loader emits. */
  check?: (ctx: RuleContext<MessageId>) => void;
}

/**
 * Declares a rule. The message ids of `meta.messages` type-check every `report` call,
 * so a misspelt id is a compile error.
 */
export function defineRule<MessageId extends string>(rule: {
  meta: RuleMeta<MessageId>;
  check: (ctx: RuleContext<MessageId>) => void;
}): Rule<MessageId> {
  return rule;
}

/** Declares a `parse/*` rule: documentation and metadata only; the loader reports it. */
export function defineParseRule<MessageId extends string>(
  meta: RuleMeta<MessageId>,
): Rule<MessageId> {
  return { meta };
}

export const DOCS_BASE_URL = 'https://github.com/aigov-dev/aigov/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** Replaces `{{name}}` with `data.name`; unknown placeholders stay visible. */
export function interpolate(
  template: string,
  data: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

export type { Path };
