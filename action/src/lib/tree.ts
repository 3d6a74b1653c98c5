/**
 * A revision's files, from one of three places: the working tree (what the workflow checked
 * out), a commit read from git (the base commit; the head of a pull_request_target), or the
 * contents API when git does not have the commit. Paths are repository-relative and POSIX.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LoadInput } from '@aigov/rules';
import type { GitHubApi } from './api';
import * as gitCmd from './git';
import { isSkippedDirectory } from '@aigov/rules';

export interface Tree {
  /** For logs: "the working tree", "commit 1a2b3c4 (git)", "commit 1a2b3c4 (contents API)". */
  readonly description: string;
  /** Every file under the given directories ('' for the whole repository). */
  list(dirs: readonly string[]): Promise<string[]>;
  /** Reads files; one larger than maxFileBytes is given by its size only. */
  read(files: readonly string[], maxFileBytes: number): Promise<LoadInput[]>;
  /** Whether a path is a file (for a literal entry of `paths`); undefined when it does not exist. */
  kind(file: string): Promise<'file' | 'dir' | undefined>;
}

const READ_CONCURRENCY = 16;

async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The working tree under `root` (the repository root). */
export class FsTree implements Tree {
  readonly description = 'the working tree';
  constructor(private readonly root: string) {}

  async kind(file: string): Promise<'file' | 'dir' | undefined> {
    const st = await fs.stat(path.join(this.root, file)).catch(() => undefined);
    return st?.isFile() ? 'file' : st?.isDirectory() ? 'dir' : undefined;
  }

  async list(dirs: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    const visited = new Set<string>();
    const walk = async (abs: string): Promise<void> => {
      const real = await fs.realpath(abs).catch(() => undefined);
      if (!real || visited.has(real)) return; // a symlink loop
      visited.add(real);
      const entries = await fs.readdir(abs, { withFileTypes: true });
      for (const entry of entries) {
        const child = path.join(abs, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          const st = await fs.stat(child).catch(() => undefined);
          isDir = st?.isDirectory() ?? false;
          isFile = st?.isFile() ?? false;
        }
        if (isDir) {
          if (!isSkippedDirectory(entry.name)) await walk(child);
        } else if (isFile) found.add(toPosix(path.relative(this.root, child)));
      }
    };
    for (const dir of dirs) {
      const abs = path.join(this.root, dir);
      const st = await fs.stat(abs).catch(() => undefined);
      if (st?.isDirectory()) await walk(abs);
      else if (st?.isFile()) found.add(dir);
    }
    return [...found].sort();
  }

  async read(files: readonly string[], maxFileBytes: number): Promise<LoadInput[]> {
    return pool(files, READ_CONCURRENCY, async (file) => {
      const abs = path.join(this.root, file);
      const st = await fs.stat(abs);
      return st.size > maxFileBytes
        ? { file, size: st.size }
        : { file, bytes: new Uint8Array(await fs.readFile(abs)) };
    });
  }
}

/** A commit read from the git object store (never checked out). */
export class GitTree implements Tree {
  readonly description: string;
  private listing: Promise<string[]> | undefined;
  constructor(
    private readonly repoRoot: string,
    private readonly sha: string,
  ) {
    this.description = `commit ${sha.slice(0, 7)} (git)`;
  }

  list(dirs: readonly string[]): Promise<string[]> {
    return gitCmd.listFiles(this.repoRoot, this.sha, dirs);
  }

  async kind(file: string): Promise<'file' | 'dir' | undefined> {
    this.listing ??= gitCmd.listFiles(this.repoRoot, this.sha, ['']);
    const all = await this.listing;
    if (all.includes(file)) return 'file';
    return all.some((f) => file === '' || f.startsWith(`${file}/`)) ? 'dir' : undefined;
  }

  async read(files: readonly string[], maxFileBytes: number): Promise<LoadInput[]> {
    const blobs = await gitCmd.readBlobs(this.repoRoot, this.sha, files, maxFileBytes);
    return blobs.map((b) =>
      b.bytes ? { file: b.path, bytes: b.bytes } : { file: b.path, size: b.size },
    );
  }
}

/** A commit read through the contents API: for checkouts without the commit in git. */
export class ApiTree implements Tree {
  readonly description: string;
  private readonly sizes = new Map<string, number>();
  constructor(
    private readonly api: GitHubApi,
    private readonly sha: string,
  ) {
    this.description = `commit ${sha.slice(0, 7)} (contents API)`;
  }

  async kind(file: string): Promise<'file' | 'dir' | undefined> {
    const entry = await this.api.getContent(file, this.sha);
    return entry?.type;
  }

  async list(dirs: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    let pending: string[] = [...dirs];
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const entries = await pool(batch, 8, (dir) => this.api.getContent(dir, this.sha));
      for (const entry of entries) {
        if (!entry) continue;
        if (entry.type === 'file') {
          found.add(entry.path);
          this.sizes.set(entry.path, entry.size);
          continue;
        }
        for (const child of entry.entries) {
          const name = child.path.slice(child.path.lastIndexOf('/') + 1);
          if (child.type === 'dir' && !isSkippedDirectory(name)) pending.push(child.path);
          else if (child.type === 'file') {
            found.add(child.path);
            this.sizes.set(child.path, child.size);
          }
        }
      }
    }
    return [...found].sort();
  }

  async read(files: readonly string[], maxFileBytes: number): Promise<LoadInput[]> {
    const out = await pool(files, 8, async (file): Promise<LoadInput | undefined> => {
      const size = this.sizes.get(file);
      if (size !== undefined && size > maxFileBytes) return { file, size };
      const entry = await this.api.getContent(file, this.sha);
      if (!entry || entry.type !== 'file') return undefined;
      if (!entry.content) return { file, size: entry.size };
      return { file, bytes: entry.content };
    });
    return out.filter((x): x is LoadInput => x !== undefined);
  }
}

export interface TreeSource {
  repoRoot: string;
  /** Whether git works in the repository root. */
  gitAvailable: boolean;
  api: GitHubApi | undefined;
  log: (message: string) => void;
}

/**
 * The files of a commit, from git when it has the commit (fetching it with depth 1 from origin
 * when the checkout is shallow or lacks it), else from the contents API.
 */
export async function treeAt(
  sha: string,
  source: TreeSource,
  extraRefs: readonly string[] = [],
): Promise<Tree> {
  const { repoRoot } = source;
  if (source.gitAvailable) {
    if (await gitCmd.hasCommit(repoRoot, sha)) return new GitTree(repoRoot, sha);
    if (await gitCmd.hasRemote(repoRoot, 'origin')) {
      for (const refs of [[sha], ...extraRefs.map((r) => [r])]) {
        try {
          source.log(`Fetching ${refs.join(' ')} from origin (depth 1)…`);
          await gitCmd.fetchShallow(repoRoot, 'origin', refs);
        } catch (error) {
          source.log(`git fetch failed: ${(error as Error).message}`);
          continue;
        }
        if (await gitCmd.hasCommit(repoRoot, sha)) return new GitTree(repoRoot, sha);
      }
    }
  }
  if (!source.api) throw new Error(`commit ${sha} is not in git and no GitHub token is available`);
  source.log(
    `Commit ${sha.slice(0, 7)} is not in the local git repository; reading it through the contents API.`,
  );
  return new ApiTree(source.api, sha);
}
