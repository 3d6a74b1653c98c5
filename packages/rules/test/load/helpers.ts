import { load } from '../../src/load/loader';
import type { LoadInput, LoadOptions, LoadResult } from '../../src/load/loader';
import type { Finding, Path, SourceRange } from '../../src/model';

/** `rule/messageId line:column` of each finding, for compact assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}/${f.messageId} ${f.line}:${f.column}`);
}

export function loadText(text: string, options?: LoadOptions, file = 'test.yaml'): LoadResult {
  return load([{ file, text }], options);
}

export function loadBytes(bytes: Uint8Array, file = 'test.yaml'): LoadResult {
  const input: LoadInput = { file, bytes };
  return load([input]);
}

/** Where `path` of the object `index` of a load points: `line:column-endLine:endColumn`. */
export function where(result: LoadResult, index: number, path: Path): string {
  const m = result.manifests[index];
  if (!m || m.origin.type !== 'file') throw new Error(`no manifest ${index}`);
  const r: SourceRange = m.origin.source.locate([...m.origin.basePath, ...path]);
  return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
}

/** A YAML text from lines, so tests can count lines by eye. */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}
