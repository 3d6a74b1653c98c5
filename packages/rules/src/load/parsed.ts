import type { JsonValue, SourceMap, SourceRange } from '../model';

/**
 * One YAML document of a chunk, as the loader sees it: a value with its source map, or the
 * reason it has none. Empty documents (`---` alone, comments only) are not listed.
 */
export type ParsedDocument =
  | { kind: 'value'; value: JsonValue; source: SourceMap }
  | { kind: 'invalid'; detail: string; range: SourceRange }
  | { kind: 'tooDeep'; range: SourceRange }
  | { kind: 'aliases'; range: SourceRange };
