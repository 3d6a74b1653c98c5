/** Plain data types shared by every stage of the rules core. */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type RuleCategory =
  'resources' | 'gpu' | 'scaling' | 'storage' | 'security' | 'monitoring' | 'reliability';
export type Category = 'parse' | RuleCategory;
export const RULE_CATEGORIES: readonly RuleCategory[] = [
  'resources',
  'gpu',
  'scaling',
  'storage',
  'security',
  'monitoring',
  'reliability',
];

/** How categories are named in reports and docs. */
export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  parse: 'Parse',
  resources: 'Resources',
  gpu: 'GPU',
  scaling: 'Scaling',
  storage: 'Storage',
  security: 'Security',
  monitoring: 'Monitoring',
  reliability: 'Reliability',
};

/** A step into a YAML/JSON value: a map key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A JSON-like value as produced by the loader. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** 1-based positions, like editors and GitHub show them. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Resolves a path inside one document to a range of its text. */
export interface SourceMap {
  /**
   * The value's range when the whole path exists, otherwise the key of the deepest
   * ancestor that exists (the place a user adds the missing field).
   */
  locate(path: Path): SourceRange;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** One Kubernetes object, from a file or from a live cluster. */
export interface Manifest {
  /** Position in the bundle; stable for one evaluation. */
  readonly index: number;
  readonly apiVersion: string;
  readonly kind: string;
  /** `group` of the apiVersion (`""` for the core group). */
  readonly group: string;
  readonly name: string;
  /** `metadata.namespace` as written; undefined when the object does not say. */
  readonly namespace: string | undefined;
  readonly object: JsonObject;
  readonly origin: ManifestOrigin;
}

export type ManifestOrigin = FileOrigin | LiveOrigin;

export interface FileOrigin {
  readonly type: 'file';
  readonly file: string;
  /** 0-based index of the YAML document in its file. */
  readonly documentIndex: number;
  /** Path from the document root to the object (non-empty for items of a `List`). */
  readonly basePath: Path;
  readonly source: SourceMap;
}

export interface LiveOrigin {
  readonly type: 'live';
  readonly cluster: string;
}
