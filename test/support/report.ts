/** The JSON report of `aigov scan --format json`, as far as these tests read it. */
export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  path: string;
}

export interface JsonReport {
  version: number;
  findings: JsonFinding[];
  files: { file: string; documents: number; objects: number }[];
}

/** A stack trace line (`    at fn (file.js:1:2)`) or an uncaught error banner. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|^\w*Error: |FATAL ERROR|Aborted|node:internal/m;

/** Lines of a text as editors count them (a final newline does not start a line). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}
