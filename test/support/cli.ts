import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { corpusDir } from './corpus';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI_BIN = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'aigov.js');
export const CORPUS = corpusDir();

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in `cwd`. */
export function runCli(
  args: readonly string[],
  options: {
    cwd?: string;
    input?: string | Buffer;
    env?: NodeJS.ProcessEnv;
    maxOldSpaceMb?: number;
  } = {},
): CliRun {
  const nodeArgs = options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : [];
  const r = spawnSync(process.execPath, [...nodeArgs, CLI_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
