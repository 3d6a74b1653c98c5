import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_BIN, REPO_ROOT } from './cli';
import type { CliRun } from './cli';

const WRAPPER = path.join(__dirname, 'maxrss.js');

export interface MeasuredRun extends CliRun {
  /** Peak resident set size of the CLI process, in MiB. */
  maxRssMb: number;
  /** Wall-clock time, in milliseconds. */
  ms: number;
}

/** Runs the built CLI as a child process and measures its peak memory and time. */
export function runCliMeasured(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): MeasuredRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aigov-rss-'));
  const rssFile = path.join(dir, 'maxrss');
  try {
    const start = Date.now();
    const r = spawnSync(process.execPath, [WRAPPER, CLI_BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, AIGOV_MAXRSS_FILE: rssFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: options.timeoutMs,
    });
    const ms = Date.now() - start;
    let kb = Number.NaN;
    try {
      kb = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      // The process died before its exit handler ran: no measurement.
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, maxRssMb: kb / 1024, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
