import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { isManifestFileName, isSkippedDirectory } from '@aigov/rules';
import type { LoadInput } from '@aigov/rules';
import { UsageError } from './errors';

export interface DiscoverOptions {
  /** gitignore-style patterns, relative to `cwd`. */
  exclude: readonly string[];
  cwd: string;
}

export interface Discovered {
  /** Absolute paths of the files to scan, sorted. */
  files: string[];
  /** Whether every path given was a directory (a whole-directory scan). */
  allDirectories: boolean;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** How a file is named in reports: relative to the current directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return toPosix(rel === '' ? path.basename(file) : rel);
}

/**
 * Expands files and directories into the manifest files to scan. Directories are walked for
 * `*.yaml`, `*.yml` and `*.json`, skipping `.git` and `node_modules`; files named explicitly
 * are always scanned. A path that does not exist is a usage error.
 */
export async function discover(
  paths: readonly string[],
  options: DiscoverOptions,
): Promise<Discovered> {
  const ig = ignore().add([...options.exclude]);
  const excluded = (abs: string, isDir: boolean): boolean => {
    const rel = toPosix(path.relative(options.cwd, abs));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return ig.ignores(isDir ? `${rel}/` : rel);
  };
  const found = new Set<string>();
  const visited = new Set<string>();
  let allDirectories = paths.length > 0;

  const walk = async (dir: string): Promise<void> => {
    const real = await fs.realpath(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const st = await fs.stat(abs).catch(() => undefined);
        isDir = st?.isDirectory() ?? false;
        isFile = st?.isFile() ?? false;
      }
      if (isDir) {
        if (!isSkippedDirectory(entry.name) && !excluded(abs, true)) await walk(abs);
      } else if (isFile && isManifestFileName(entry.name) && !excluded(abs, false)) {
        found.add(abs);
      }
    }
  };

  for (const p of paths) {
    const abs = path.resolve(options.cwd, p);
    const st = await fs.stat(abs).catch(() => undefined);
    if (!st) throw new UsageError(`no such file or directory: ${p}`);
    if (st.isDirectory()) await walk(abs);
    else {
      allDirectories = false;
      found.add(abs);
    }
  }
  return { files: [...found].sort(), allDirectories };
}

/** Reads files as bytes (the loader checks encoding); files over the limit are not read. */
export async function readInputs(
  files: readonly string[],
  cwd: string,
  maxFileBytes: number,
): Promise<LoadInput[]> {
  const inputs: LoadInput[] = new Array(files.length);
  let next = 0;
  // A bounded number of files open at once: thousands of files must not hit EMFILE.
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      const name = displayPath(file, cwd);
      const st = await fs.stat(file);
      inputs[i] =
        st.size > maxFileBytes
          ? { file: name, size: st.size }
          : { file: name, bytes: new Uint8Array(await fs.readFile(file)) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  return inputs;
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
