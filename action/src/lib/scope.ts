/**
 * What a pull request changes, from its files API: the head-side files reported on, the
 * base-side files whose findings may have been fixed (removed files and the old names of renamed
 * ones included), and the lines each patch adds (where inline comments may go).
 */
import type { PullRequestFile } from './api';

export interface ChangedFiles {
  /** Files as they are on the head side: added, modified, renamed (new name), copied. */
  head: Set<string>;
  /** Files as they were on the base side: modified, removed, and renamed (old name). */
  base: Set<string>;
  /** Added lines (head-side numbers) per head file; absent when GitHub gave no patch. */
  addedLines: Map<string, Set<number>>;
  /** Files the API listed (all statuses). */
  count: number;
}

/** Line numbers (new side) of the `+` lines of a unified diff. */
export function addedLines(patch: string): Set<number> {
  const out = new Set<number>();
  let line = 0;
  let inHunk = false;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (text.startsWith('+')) out.add(line++);
    else if (text.startsWith('-')) continue;
    else if (text.startsWith('\\'))
      continue; // "\ No newline at end of file"
    else line++;
  }
  return out;
}

export function changedFiles(files: readonly PullRequestFile[]): ChangedFiles {
  const head = new Set<string>();
  const base = new Set<string>();
  const lines = new Map<string, Set<number>>();
  for (const f of files) {
    switch (f.status) {
      case 'removed':
        base.add(f.filename);
        break;
      case 'added':
      case 'copied':
        head.add(f.filename);
        break;
      case 'renamed':
        head.add(f.filename);
        if (f.previous_filename) base.add(f.previous_filename);
        break;
      default:
        head.add(f.filename);
        base.add(f.filename);
    }
    if (f.status !== 'removed' && f.patch !== undefined) lines.set(f.filename, addedLines(f.patch));
  }
  return { head, base, addedLines: lines, count: files.length };
}
