/**
 * The review in-process, on a temporary git repository, with an in-memory API and platform:
 * the same paths as the end-to-end tests (test/e2e/action) exercise through dist/index.js.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InputName } from '../src/lib/inputs';
import type { Annotation } from '../src/lib/outcome';
import { review } from '../src/lib/review';
import type { Platform } from '../src/lib/review';
import { MemoryApi } from './memory-api';

const CONFIG = `rules:
  resources/*: off
  gpu/*: off
  scaling/*: off
  storage/*: off
  security/*: off
  monitoring/*: off
  reliability/*: off
  resources/cpu-request-missing: warning
`;

function deployment(name: string, cpu: boolean): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: server
          image: example.com/${name}:1
          resources:
            requests:
${cpu ? '              cpu: "1"\n' : ''}              memory: 1Gi
`;
}

class TestPlatform implements Platform {
  logs: string[] = [];
  notices: string[] = [];
  warnings: string[] = [];
  annotations: Annotation[] = [];
  outputs: Record<string, string> = {};
  summary = '';
  failed: string | undefined;
  info = (m: string) => void this.logs.push(m);
  warning = (m: string) => void this.warnings.push(m);
  notice = (m: string) => void this.notices.push(m);
  debug = () => undefined;
  annotate = (a: Annotation) => void this.annotations.push(a);
  setOutput = (n: string, v: string) => void (this.outputs[n] = v);
  appendSummary = async (m: string) => void (this.summary += m);
  setFailed = (m: string) => void (this.failed = m);
}

let dir: string;
let eventDir: string;
let base: string;
let head: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
}

function commit(files: Record<string, string>): string {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'c');
  return git('rev-parse', 'HEAD');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'aigov-review-'));
  eventDir = mkdtempSync(path.join(os.tmpdir(), 'aigov-event-'));
  git('init', '-q', '-b', 'main');
  base = commit({
    '.aigov.yaml': CONFIG,
    'k8s/a.yaml': deployment('a', false),
    'k8s/b.yaml': deployment('b', true),
  });
  head = commit({
    'k8s/a.yaml': deployment('a', true),
    'k8s/b.yaml': deployment('b', false),
    'k8s/c.yaml': deployment('c', false),
  });
  writeFileSync(
    path.join(eventDir, 'event.json'),
    JSON.stringify({
      pull_request: {
        number: 7,
        head: { sha: head, ref: 'f', repo: { full_name: 'acme/models' } },
        base: { sha: base, ref: 'main', repo: { full_name: 'acme/models' } },
      },
    }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(eventDir, { recursive: true, force: true });
});

async function run(
  inputs: Partial<Record<InputName, string>>,
  api: MemoryApi,
  event = 'pull_request',
) {
  const platform = new TestPlatform();
  const result = await review({
    getInput: (name) => inputs[name] ?? (name === 'github-token' ? 'token' : ''),
    env: {
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: path.join(eventDir, 'event.json'),
      GITHUB_WORKSPACE: dir,
      GITHUB_SHA: head,
    },
    cwd: dir,
    platform,
    createApi: () => api,
    version: '0.0.0-test',
  });
  return { platform, result };
}

function prApi(): MemoryApi {
  const api = new MemoryApi();
  const patch = (n: number) =>
    `@@ -0,0 +1,${n} @@\n${Array.from({ length: n }, (_, i) => `+${i}`).join('\n')}`;
  api.files = [
    {
      filename: 'k8s/a.yaml',
      status: 'modified',
      patch: '@@ -16,1 +16,2 @@\n+              cpu: "1"\n               memory: 1Gi',
    },
    {
      filename: 'k8s/b.yaml',
      status: 'modified',
      patch: '@@ -16,2 +16,1 @@\n-              cpu: "1"\n               memory: 1Gi',
    },
    { filename: 'k8s/c.yaml', status: 'added', patch: patch(17) },
  ];
  return api;
}

describe('review', () => {
  test('a pull request: new, fixed, comment, annotations, summary, outputs', async () => {
    const api = prApi();
    const { platform, result } = await run({}, api);
    expect(platform.failed).toBeUndefined();
    expect(result?.outputs).toMatchObject({
      'findings-count': 2,
      'new-findings-count': 2,
      'fixed-findings-count': 1,
      'warning-count': 2,
      conclusion: 'success',
    });
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]?.body).toMatch(/^<!-- aigov-pr-comment -->\n## aigov\n/);
    expect(api.comments[0]?.body).toContain('Fixed by this change (1)');
    expect(platform.summary).toContain('This change introduces 2 warnings');
    // fail-on-severity error: warnings are not annotated.
    expect(platform.annotations).toEqual([]);
    expect(platform.outputs['comment-id']).toBe(String(api.comments[0]?.id));
  });

  test('inline comments on added lines only', async () => {
    const api = prApi();
    await run({ 'inline-comments': 'changed-lines', 'fail-on-severity': 'warning' }, api);
    expect(api.reviews).toHaveLength(1);
    expect(api.reviews[0]?.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['k8s/c.yaml:16']);
  });

  test('a read-only token: one notice, no failure, the summary says so', async () => {
    const api = prApi();
    api.readOnly = true;
    const { platform, result } = await run(
      { 'inline-comments': 'changed-lines', 'fail-on-severity': 'none' },
      api,
    );
    expect(platform.failed).toBeUndefined();
    expect(result?.degraded).toBe(true);
    expect(platform.notices).toHaveLength(1);
    expect(platform.notices[0]).toMatch(
      /could not write the pull request comment \(403 Resource not accessible by integration\)/,
    );
    expect(api.calls.filter((c) => c.startsWith('create'))).toEqual(['createIssueComment 7']);
    expect(platform.summary).toContain('could not be written');
    expect(platform.annotations.map((a) => a.file)).toEqual(['k8s/b.yaml', 'k8s/c.yaml']);
  });

  test('fail-on-severity warning fails with one line', async () => {
    const { platform } = await run(
      { 'fail-on-severity': 'warning', 'comment-mode': 'off' },
      prApi(),
    );
    expect(platform.failed).toBe(
      'aigov: 2 findings at or above warning (fail-on-severity) in the reported files; 2 findings (2 new, 1 fixed), score 33 (F).',
    );
    expect(platform.outputs.conclusion).toBe('failure');
  });

  test('compare-to none and scope all: no base scan, no files list', async () => {
    const api = prApi();
    const { result } = await run(
      { 'compare-to': 'none', scope: 'all', 'comment-mode': 'off' },
      api,
    );
    expect(result?.outputs).toMatchObject({
      'findings-count': 2,
      'new-findings-count': 2,
      'fixed-findings-count': 0,
    });
    expect(api.calls).toEqual([]);
  });

  test('push: everything, no API call', async () => {
    const api = prApi();
    const { platform, result } = await run({}, api, 'push');
    expect(result?.outputs['findings-count']).toBe(2);
    expect(api.calls).toEqual([]);
    expect(platform.summary).toContain('**2 warnings**');
  });

  test('input and path errors fail with one line naming the input', async () => {
    expect((await run({ 'working-directory': 'nope' }, prApi())).platform.failed).toBe(
      'aigov: input "working-directory" names a directory that does not exist: nope',
    );
    expect((await run({ 'config-file': 'missing.yaml' }, prApi())).platform.failed).toBe(
      'aigov: input "config-file" names a file that does not exist: missing.yaml',
    );
    expect((await run({ paths: '../../outside' }, prApi())).platform.failed).toBe(
      'aigov: input "paths" "../../outside" is outside the repository',
    );
  });

  test('an API failure other than a permission is a failure with its status', async () => {
    const api = prApi();
    api.listPullFiles = async () => {
      throw Object.assign(new Error('Server Error'), { status: 502 });
    };
    const { platform } = await run({}, api);
    expect(platform.failed).toBe('aigov: GitHub API error 502: Server Error');
  });
});
