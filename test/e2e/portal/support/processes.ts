/**
 * Child processes for the portal end-to-end test: each runs in its own process group, writes its
 * output to a log file, and is stopped by group id (TERM, then KILL after a grace period), also
 * when the test fails or Node exits early. Plus free ports and bounded waits.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) when the process exits. */
  readonly exited: Promise<number | string>;
  /** The process has exited. */
  hasExited(): boolean;
  /** The last lines of its output, for failure messages. */
  tail(lines?: number): string;
  /** Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartProcessOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  logFile: string;
}

const running = new Set<ManagedProcess>();

// Last resort: if the test process exits without stopping a group, kill it synchronously.
process.once('exit', () => {
  for (const child of running) killGroup(child.pid, 'SIGKILL');
});

export function startProcess(options: StartProcessOptions): ManagedProcess {
  const log = openSync(options.logFile, 'a');
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`${options.name}: could not start ${options.command}`);
  }
  let exitedFlag = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      exitedFlag = true;
      resolve(`error: ${error.message}`);
    });
  });
  const managed: ManagedProcess = {
    name: options.name,
    pid,
    logFile: options.logFile,
    exited,
    hasExited: () => exitedFlag,
    tail: (lines = 40) => tailOf(options.logFile, lines),
    async stop(graceMs = 10_000) {
      if (!exitedFlag) {
        killGroup(pid, 'SIGTERM');
        if (!(await settlesWithin(exited, graceMs))) {
          killGroup(pid, 'SIGKILL');
          await settlesWithin(exited, 5_000);
        }
      }
      // Children that outlived the group leader (a shell's or a CLI's children) go too.
      killGroup(pid, 'SIGKILL');
      running.delete(managed);
    },
  };
  running.add(managed);
  return managed;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

// ESC [ … m: the colour codes of Backstage's development log format.
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The last lines of a log, without colour codes, each cut at 400 characters. */
function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8')
      .replace(ANSI_COLOUR, '')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
      .join('\n');
  } catch {
    return '(no output)';
  }
}

/** Whether `promise` settles within `ms` (the timer does not outlive it). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('could not read the port of a listening socket');
  }
  return address.port;
}

export interface WaitOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** A process that must stay up while waiting: its exit fails the wait at once. */
  process?: ManagedProcess;
}

/**
 * Polls `check` until it returns a value other than undefined, at most `timeoutMs`. The last
 * error (or the process's output) is part of the failure message.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  for (;;) {
    if (options.process?.hasExited()) {
      const code = await options.process.exited;
      throw new Error(
        `${options.process.name} exited (${code}) while waiting for ${options.what}:\n${options.process.tail()}`,
      );
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      const output = options.process
        ? `\n${options.process.name} output:\n${options.process.tail()}`
        : '';
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${options.what}` +
          (lastError ? ` (last error: ${lastError})` : '') +
          output,
      );
    }
    await delay(options.intervalMs ?? 250);
  }
}

/** Awaits `step`; when it fails, stops the process first (so a failed start leaves nothing). */
export async function stopOnFailure<T>(child: ManagedProcess, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** GET with a time limit; the response, whatever its status. */
export async function fetchWithTimeout(
  url: string,
  init: RequestInit = {},
  timeoutMs = 5_000,
): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
