/**
 * The few git commands the review needs, run as child processes with bounded time. Reading a
 * commit never touches the working tree: `ls-tree` and `cat-file` read objects, so the code of a
 * pull request is read as data and never checked out.
 */
import { execFile, spawn } from 'node:child_process';

export interface GitOptions {
  cwd: string;
  timeoutMs?: number;
  input?: string;
}

export class GitError extends Error {
  override name = 'GitError';
}

const DEFAULT_TIMEOUT_MS = 120_000;
const GIT_ENV = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  LC_ALL: 'C',
};

/** Runs git and returns its stdout; rejects with its stderr's first line on failure. */
export function git(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['--literal-pathspecs', ...args],
      {
        cwd: options.cwd,
        encoding: 'buffer',
        maxBuffer: 512 * 1024 * 1024,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        env: GIT_ENV,
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString('utf8').trim().split('\n')[0] || error.message;
          reject(new GitError(`git ${args[0]}: ${detail}`));
        } else resolve(stdout);
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

async function gitText(args: readonly string[], cwd: string): Promise<string | undefined> {
  try {
    return (await git(args, { cwd })).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** The top of the repository `cwd` is in, or undefined outside git (or without git). */
export function toplevel(cwd: string): Promise<string | undefined> {
  return gitText(['rev-parse', '--show-toplevel'], cwd);
}

export function headCommit(cwd: string): Promise<string | undefined> {
  return gitText(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], cwd);
}

export async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return false;
  return (await gitText(['cat-file', '-e', `${sha}^{commit}`], cwd)) !== undefined;
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await gitText(['rev-parse', '--is-shallow-repository'], cwd)) === 'true';
}

export async function hasRemote(cwd: string, name: string): Promise<boolean> {
  const remotes = await gitText(['remote'], cwd);
  return remotes !== undefined && remotes.split('\n').includes(name);
}

/** `git fetch --depth=1 origin <refs…>`: enough to read one commit's tree. */
export async function fetchShallow(
  cwd: string,
  remote: string,
  refs: readonly string[],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  await git(
    [
      '-c',
      'protocol.version=2',
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--no-write-fetch-head',
      '--depth=1',
      remote,
      ...refs,
    ],
    { cwd, timeoutMs },
  );
}

/** Every file path of a commit under the given directories ('' for all), NUL-separated by git. */
export async function listFiles(
  cwd: string,
  sha: string,
  dirs: readonly string[],
): Promise<string[]> {
  const specs = dirs.includes('') ? [] : ['--', ...dirs];
  const out = await git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', sha, ...specs], {
    cwd,
  });
  return out
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
}

export interface Blob {
  path: string;
  size: number;
  bytes?: Uint8Array;
}

/**
 * Reads files of a commit through one `git cat-file --batch` process. Files larger than
 * `maxBytes` are not read (their size is enough for the loader to report them).
 */
export async function readBlobs(
  cwd: string,
  sha: string,
  paths: readonly string[],
  maxBytes: number,
): Promise<Blob[]> {
  const wanted = paths.filter((p) => !/[\n\r]/.test(p));
  if (wanted.length === 0) return [];
  const sizes = await batch(
    cwd,
    ['cat-file', '--batch-check'],
    wanted.map((p) => `${sha}:${p}`),
  );
  const small: string[] = [];
  const out = new Map<string, Blob>();
  for (const [i, p] of wanted.entries()) {
    const entry = sizes[i];
    if (!entry || entry.size === undefined) continue;
    if (entry.size > maxBytes) out.set(p, { path: p, size: entry.size });
    else small.push(p);
  }
  const contents = await batch(
    cwd,
    ['cat-file', '--batch'],
    small.map((p) => `${sha}:${p}`),
  );
  for (const [i, p] of small.entries()) {
    const entry = contents[i];
    if (entry?.bytes)
      out.set(p, { path: p, size: entry.size ?? entry.bytes.length, bytes: entry.bytes });
  }
  return wanted.flatMap((p) => out.get(p) ?? []);
}

interface BatchEntry {
  size?: number;
  bytes?: Uint8Array;
}

/** Feeds object names to a cat-file batch process and parses its answers, in order. */
function batch(
  cwd: string,
  args: readonly string[],
  names: readonly string[],
): Promise<BatchEntry[]> {
  if (names.length === 0) return Promise.resolve([]);
  const withContent = args.includes('--batch');
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--literal-pathspecs', ...args], {
      cwd,
      env: GIT_ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), DEFAULT_TIMEOUT_MS);
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new GitError(`git ${args[0]}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(
          new GitError(`git ${args.join(' ')}: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`),
        );
        return;
      }
      const buf = Buffer.concat(chunks);
      const entries: BatchEntry[] = [];
      let pos = 0;
      for (let i = 0; i < names.length && pos < buf.length; i++) {
        const eol = buf.indexOf(0x0a, pos);
        if (eol < 0) break;
        const header = buf.toString('utf8', pos, eol);
        pos = eol + 1;
        // "<oid> <type> <size>" or "<name> missing" / "<name> ambiguous".
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m || m[1] !== 'blob') {
          if (m && withContent) pos += Number(m[2]) + 1;
          entries.push({});
          continue;
        }
        const size = Number(m[2]);
        if (withContent) {
          entries.push({ size, bytes: new Uint8Array(buf.subarray(pos, pos + size)) });
          pos += size + 1;
        } else entries.push({ size });
      }
      resolve(entries);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(names.map((n) => `${n}\n`).join(''));
  });
}
