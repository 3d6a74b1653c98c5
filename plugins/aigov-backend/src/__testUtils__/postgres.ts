import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

/** The variable `TestDatabases` from @backstage/backend-test-utils reads for PostgreSQL 15. */
export const POSTGRES_CONNECTION_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

export interface PostgresServer {
  connectionString: string;
  pid: number;
  stop(): Promise<void>;
}

/** The directory with initdb, pg_ctl and postgres: `AIGOV_PG_BIN`, Debian's layout, pg_config. */
export function findPostgresBinaries(): string | undefined {
  const candidates: string[] = [];
  if (process.env.AIGOV_PG_BIN) candidates.push(process.env.AIGOV_PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(a) - Number(b));
    // 15 first: the version CI installs and the tests name; then the newest.
    for (const v of ['15', ...versions.reverse()]) candidates.push(join(debian, v, 'bin'));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config on the PATH
  }
  return candidates.find((dir) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))),
  );
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function which(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root: when the tests run as root, its commands run as the
 * `postgres` user (runuser, setpriv or su, whichever exists).
 */
function runAs(): ((file: string, args: string[]) => [string, string[]]) | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (which('runuser')) return (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]];
  if (which('setpriv')) {
    const uid = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    return (file, args) => [
      'setpriv',
      [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', file, ...args],
    ];
  }
  return (file, args) => [
    'su',
    ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(quote).join(' ')],
  ];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * Starts a throwaway PostgreSQL server: initdb into a temporary directory, pg_ctl start on a
 * free port on 127.0.0.1 (trust authentication, no fsync). Returns undefined when the binaries
 * are not installed. `stop()` shuts it down by its process id and removes the directory.
 */
export async function startPostgres(): Promise<PostgresServer | undefined> {
  const bin = findPostgresBinaries();
  if (!bin) return undefined;
  const asUser = runAs();
  if (asUser) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      throw new Error('The tests run as root and there is no "postgres" user to run PostgreSQL as');
    }
  }
  const run = async (file: string, args: string[], timeoutMs: number) => {
    const [cmd, argv] = asUser ? asUser(file, args) : [file, args];
    return execFile(cmd, argv, { timeout: timeoutMs, encoding: 'utf8' });
  };

  const dir = await mkdtemp(join(tmpdir(), 'aigov-pg-'));
  if (asUser) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  try {
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '-N'],
      120_000,
    );
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    await run(
      join(bin, 'pg_ctl'),
      ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'],
      90_000,
    );
    const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    // If this process ends without stop() (killed test run), the server must not outlive it.
    const stopOnExit = () => {
      if (alive(pid)) process.kill(pid, 'SIGINT');
    };
    process.once('exit', stopOnExit);
    return {
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      pid,
      async stop() {
        process.removeListener('exit', stopOnExit);
        if (alive(pid)) {
          process.kill(pid, 'SIGINT'); // fast shutdown: disconnect clients, then exit
          if (!(await waitForExit(pid, 20_000))) {
            process.kill(pid, 'SIGKILL');
            await waitForExit(pid, 5_000);
          }
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const logText = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${logText}`,
    );
  }
}
