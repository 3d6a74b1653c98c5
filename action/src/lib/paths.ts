/**
 * Which files to scan: the `paths` and `exclude-paths` inputs applied to a list of file paths,
 * whether the list comes from the working tree, from git at a commit or from the contents API.
 * All paths here are POSIX and relative to the repository root; patterns are relative to the
 * working directory (`prefix`).
 */
import { isManifestFileName, isSkippedDirectory } from '@aigov/rules';
import ignore from 'ignore';
import picomatch from 'picomatch';

interface Entry {
  negated: boolean;
  glob: boolean;
  /** Normalised pattern or path, relative to the working directory ('' for the directory itself). */
  pattern: string;
  match: (p: string) => boolean;
}

export interface Selector {
  /** Whether a file (repository-relative) is scanned. */
  selects(file: string): boolean;
  /**
   * Directories (repository-relative, '' for the root) that hold every selected file: listing
   * only these is enough.
   */
  roots: string[];
  /** Literal (non-glob, non-negated) entries, repository-relative, to check they exist. */
  literals: string[];
  /** Whether the selection is whole directories or globs rather than single files. */
  wholeDirectories(isFile: (literal: string) => boolean): boolean;
}

export class PathError extends Error {
  override name = 'PathError';
}

/** Joins and normalises POSIX segments; throws when the result leaves the repository. */
export function joinRelative(prefix: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of `${prefix}/${rel}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) throw new PathError(`"${rel}" is outside the repository`);
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function ancestors(file: string): string[] {
  const out: string[] = [];
  let i = file.lastIndexOf('/');
  while (i > 0) {
    out.push(file.slice(0, i));
    i = file.lastIndexOf('/', i - 1);
  }
  return out;
}

function isUnder(file: string, dir: string): boolean {
  return dir === '' || file === dir || file.startsWith(`${dir}/`);
}

/**
 * @param prefix the working directory, repository-relative ('' for the root)
 * @param paths entries of the `paths` input: files, directories or globs; `!` negates
 * @param exclude `exclude-paths`: .gitignore-style patterns relative to the working directory
 */
export function createSelector(
  prefix: string,
  paths: readonly string[],
  exclude: readonly string[],
): Selector {
  const entries: Entry[] = paths.map((raw) => {
    const negated = raw.startsWith('!');
    const text = negated ? raw.slice(1) : raw;
    const scan = picomatch.scan(text);
    if (scan.isGlob) {
      const pattern = joinRelative(prefix, text.replace(/^\.\//, ''));
      return { negated, glob: true, pattern, match: picomatch(pattern, { dot: true }) };
    }
    const pattern = joinRelative(prefix, text);
    return { negated, glob: false, pattern, match: (p: string) => p === pattern };
  });
  const ig = ignore().add([...exclude]);
  const excluded = (file: string): boolean => {
    const rel =
      prefix === ''
        ? file
        : file.startsWith(`${prefix}/`)
          ? file.slice(prefix.length + 1)
          : undefined;
    return rel !== undefined && rel !== '' && ig.ignores(rel);
  };
  // An entry covers a file when it matches the file or one of the directories above it.
  const covers = (e: Entry, file: string): boolean =>
    e.glob ? e.match(file) || ancestors(file).some((a) => e.match(a)) : isUnder(file, e.pattern);

  const positive = entries.filter((e) => !e.negated);
  const negative = entries.filter((e) => e.negated);

  const roots = positive.map((e) => {
    if (!e.glob) return e.pattern;
    return joinRelative('', picomatch.scan(e.pattern).base);
  });
  // Drop roots inside other roots.
  const uniqueRoots = [...new Set(roots)]
    .sort((a, b) => a.length - b.length)
    .filter((r, i, all) => !all.slice(0, i).some((o) => isUnder(r, o)));

  return {
    roots: uniqueRoots,
    literals: positive.filter((e) => !e.glob).map((e) => e.pattern),
    selects(file) {
      const segments = file.split('/');
      if (segments.slice(0, -1).some(isSkippedDirectory)) return false;
      const name = segments[segments.length - 1] as string;
      const named = positive.some((e) => !e.glob && e.pattern === file);
      if (!named && !isManifestFileName(name)) return false;
      if (!positive.some((e) => covers(e, file))) return false;
      if (negative.some((e) => covers(e, file))) return false;
      return !excluded(file);
    },
    wholeDirectories(isFile) {
      return !positive.some((e) => !e.glob && isFile(e.pattern));
    },
  };
}
