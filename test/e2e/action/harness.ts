/**
 * Runs the bundled action (action/dist/index.js) exactly as a runner does: a child process with
 * INPUT_* variables (name uppercased, hyphens kept), GITHUB_EVENT_NAME / _PATH, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE on a real git repository, GITHUB_API_URL pointing at the
 * fake API. Also builds those repositories and pull requests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FakeGitHub, FakePull, FakePullFile } from './fake-github';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const ACTION_DIST = path.join(REPO_ROOT, 'action', 'dist', 'index.js');

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

export function makeTempDir(prefix = 'aigov-action-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A git repository in a temporary directory, committed to file by file. */
export class GitRepo {
  constructor(readonly dir: string) {}

  static init(dir: string): GitRepo {
    mkdirSync(dir, { recursive: true });
    const repo = new GitRepo(dir);
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'core.autocrlf', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...GIT_ENV, HOME: this.dir },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  }

  /** Writes (string) or deletes (null) files, then commits them all; returns the commit. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    for (const [file, text] of Object.entries(files)) {
      const abs = path.join(this.dir, file);
      if (text === null) rmSync(abs, { force: true });
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, text);
      }
    }
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** Renames a file (git mv), to be committed with the next commit. */
  move(from: string, to: string): void {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    this.git('mv', from, to);
  }

  checkout(rev: string): void {
    this.git('checkout', '-q', '--detach', rev);
  }

  /** The pull request files GitHub would list between two commits (with patches). */
  pullFiles(base: string, head: string): FakePullFile[] {
    const out = this.git('diff', '--name-status', '-z', '-M', base, head);
    const parts = out.split('\0').filter((p) => p !== '');
    const files: FakePullFile[] = [];
    for (let i = 0; i < parts.length;) {
      const code = parts[i++] as string;
      if (code.startsWith('R')) {
        const from = parts[i++] as string;
        const to = parts[i++] as string;
        files.push({
          filename: to,
          previous_filename: from,
          status: 'renamed',
          patch: this.patch(base, head, to, from),
        });
      } else {
        const file = parts[i++] as string;
        const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
        files.push({ filename: file, status, patch: this.patch(base, head, file) });
      }
    }
    return files;
  }

  private patch(base: string, head: string, file: string, from?: string): string | undefined {
    const args = ['diff', '--no-color', '-U3', '-M', base, head, '--'];
    const diff = this.git(...args, ...(from ? [from, file] : [file]));
    const at = diff.indexOf('\n@@');
    return at < 0 ? undefined : diff.slice(at + 1);
  }
}

export interface PullOptions {
  number?: number;
  base: string;
  head: string;
  fork?: boolean;
  headRef?: string;
}

/** Registers the pull request (its files from git) in the fake API; returns the payload's pull_request. */
export function openPull(api: FakeGitHub, repo: GitRepo, options: PullOptions): FakePull {
  const number = options.number ?? 7;
  const full = `${api.owner}/${api.repo}`;
  const headRepo = options.fork ? `contributor/${api.repo}` : full;
  const pr: FakePull = {
    number,
    state: 'open',
    title: 'Change the models',
    head: {
      sha: options.head,
      ref: options.headRef ?? 'feature',
      repo: { full_name: headRepo, fork: options.fork ?? false },
    },
    base: { sha: options.base, ref: 'main', repo: { full_name: full, fork: false } },
    files: repo.pullFiles(options.base, options.head),
  };
  api.pulls.set(number, pr);
  return pr;
}

export function pullRequestPayload(api: FakeGitHub, pr: FakePull, action = 'synchronize'): object {
  const full = `${api.owner}/${api.repo}`;
  return {
    action,
    number: pr.number,
    pull_request: {
      number: pr.number,
      state: pr.state,
      head: pr.head,
      base: pr.base,
      html_url: `${api.serverUrl}/${full}/pull/${pr.number}`,
    },
    repository: { full_name: full, name: api.repo, owner: { login: api.owner } },
  };
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Wall time of the process, ms. */
  durationMs: number;
  /** Workflow commands printed (::error …, ::notice …). */
  commands: { command: string; properties: Record<string, string>; message: string }[];
}

export interface RunOptions {
  api: FakeGitHub;
  workspace: string;
  eventName: string;
  payload: object;
  inputs?: Record<string, string>;
  sha?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Parses the GITHUB_OUTPUT file written by @actions/core (name<<delimiter … delimiter). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      properties[kv.slice(0, eq)] = unescapeProperty(kv.slice(eq + 1));
    }
    out.push({ command: m[1] as string, properties, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/** Runs dist/index.js as the runner would and collects what it wrote. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = makeTempDir('aigov-runner-');
  try {
    const eventPath = path.join(dir, 'event.json');
    const outputPath = path.join(dir, 'output');
    const summaryPath = path.join(dir, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(options.payload));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs: Record<string, string> = {
      'github-token': 'ghs_fakeinstallationtoken',
      ...options.inputs,
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      ...GIT_ENV,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_REPOSITORY: `${options.api.owner}/${options.api.repo}`,
      GITHUB_REPOSITORY_OWNER: options.api.owner,
      GITHUB_SHA: options.sha ?? '',
      GITHUB_API_URL: options.api.apiUrl,
      GITHUB_SERVER_URL: options.api.serverUrl,
      GITHUB_GRAPHQL_URL: `${options.api.serverUrl}${options.api.prefix ? '/api/graphql' : '/graphql'}`,
      GITHUB_RUN_ID: '4242',
      GITHUB_ACTOR: 'contributor',
      GITHUB_JOB: 'review',
      RUNNER_TEMP: dir,
      RUNNER_OS: 'Linux',
      // Retries and rate-limit waits of 1 s become 1 ms: the scenarios stay fast.
      AIGOV_ACTION_TEST_TIME_SCALE: '0.001',
      ...options.env,
    };
    for (const [name, value] of Object.entries(inputs))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

    const started = performance.now();
    const child = spawn(process.execPath, [ACTION_DIST], {
      cwd: options.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timeoutMs = options.timeoutMs ?? 60_000;
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the action did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const durationMs = performance.now() - started;
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      durationMs,
      commands: parseCommands(stdout),
    };
  } finally {
    removeDir(dir);
  }
}

// ------------------------------------------------------------------------------------------
// Fixtures: manifests whose findings do not depend on rules still being written. The
// configuration turns every category off but resources/cpu-request-missing.

export function config(severity: 'error' | 'warning' | 'info' = 'error', extra = ''): string {
  return `# test configuration: one rule, so expectations do not move as the catalog grows
rules:
  resources/*: off
  gpu/*: off
  scaling/*: off
  storage/*: off
  security/*: off
  monitoring/*: off
  reliability/*: off
  resources/cpu-request-missing: ${severity}
${extra}`;
}

/** A Deployment; `cpu` false leaves out the CPU request (one cpu-request-missing finding). */
export function deployment(
  name: string,
  options: { cpu?: boolean; namespace?: string; comment?: string } = {},
): string {
  const cpu = options.cpu ?? true;
  return `${options.comment ? `# ${options.comment}\n` : ''}apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${options.namespace ?? 'ml'}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: server
          image: registry.example.com/${name}:1.0.0
          resources:
            requests:
${cpu ? '              cpu: "1"\n' : ''}              memory: 1Gi
            limits:
              memory: 1Gi
`;
}
