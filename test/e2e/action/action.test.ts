/**
 * The bundled action against a fake GitHub API, one scenario per behaviour of issue 4. Each
 * asserts on the recorded requests, the outputs file, the summary file and the exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from './fake-github';
import type { Behaviour, FakePull } from './fake-github';
import {
  ACTION_DIST,
  GitRepo,
  config,
  deployment,
  makeTempDir,
  openPull,
  pullRequestPayload,
  removeDir,
  runAction,
} from './harness';
import type { ActionRun, RunOptions } from './harness';

const MARKER = '<!-- aigov-pr-comment -->';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fakeApi(
  options: { prefix?: string; behaviour?: Partial<Behaviour> } = {},
): Promise<FakeGitHub> {
  const api = await new FakeGitHub(options).start();
  cleanups.push(() => api.stop());
  return api;
}

function tempRepo(): GitRepo {
  const dir = makeTempDir();
  cleanups.push(() => removeDir(dir));
  return GitRepo.init(path.join(dir, 'repo'));
}

/** Runs the action on a pull_request event for `pr`, with the workspace at its head. */
function runOnPull(
  api: FakeGitHub,
  repo: GitRepo,
  pr: FakePull,
  inputs: Record<string, string> = {},
  extra: Partial<RunOptions> = {},
): Promise<ActionRun> {
  return runAction({
    api,
    workspace: repo.dir,
    eventName: 'pull_request',
    payload: pullRequestPayload(api, pr),
    sha: pr.head.sha,
    inputs,
    ...extra,
  });
}

function writes(api: FakeGitHub): string[] {
  return api.requests
    .filter((r) => r.method !== 'GET' && r.path !== '/graphql')
    .map((r) => `${r.method} ${r.path} ${r.status}`);
}

function bodyOf(api: FakeGitHub, number = 7): string {
  const comments = api.commentsOn(number).filter((c) => c.body.startsWith(MARKER));
  expect(comments).toHaveLength(1);
  return (comments[0] as { body: string }).body;
}

beforeAll(() => {
  if (!existsSync(ACTION_DIST))
    throw new Error(`${ACTION_DIST} is missing: run \`npm run build -w @aigov/action\``);
});

describe('the sticky comment', () => {
  test('the first push creates one comment; the second updates it in place', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head1 = repo.commit({ 'k8s/b.yaml': deployment('b', { cpu: false }) });
    const pr = openPull(api, repo, { base, head: head1 });

    const first = await runOnPull(api, repo, pr);
    expect(first.code).toBe(0);
    expect(writes(api)).toEqual(['POST /repos/acme/models/issues/7/comments 201']);
    expect(
      api.requests.every((r) => r.headers.authorization === 'token ghs_fakeinstallationtoken'),
    ).toBe(true);
    expect(api.requests[0]?.headers['user-agent']).toMatch(/octokit/);
    const created = api.commentsOn(7);
    expect(created).toHaveLength(1);
    const comment = created[0] as { id: number; body: string; user: { login: string } };
    expect(comment.user.login).toBe('github-actions[bot]');
    expect(comment.body.startsWith(`${MARKER}\n## aigov`)).toBe(true);
    expect(comment.body).toContain('This change introduces 1 warning');
    expect(comment.body).toContain(`/acme/models/blob/${head1}/k8s/b.yaml#L20`);
    expect(comment.body).toContain('resources/cpu-request-missing');
    expect(first.outputs).toMatchObject({
      'findings-count': '1',
      'new-findings-count': '1',
      'fixed-findings-count': '0',
      'warning-count': '1',
      'error-count': '0',
      conclusion: 'success',
      'comment-id': String(comment.id),
      'comment-url': `${api.serverUrl}/acme/models/pull/7#issuecomment-${comment.id}`,
    });
    expect(first.summary).toContain('This change introduces 1 warning');
    // The files list was read through the API, with the largest page size.
    expect(api.find('GET', /\/pulls\/7\/files$/)[0]?.query.per_page).toBe('100');

    // Second push: another file gets a finding; the same comment is edited.
    api.requests.length = 0;
    const head2 = repo.commit({ 'k8s/c.yaml': deployment('c', { cpu: false }) });
    const pr2 = openPull(api, repo, { base, head: head2 });
    const second = await runOnPull(api, repo, pr2);
    expect(second.code).toBe(0);
    expect(writes(api)).toEqual([`PATCH /repos/acme/models/issues/comments/${comment.id} 200`]);
    expect(api.commentsOn(7)).toHaveLength(1);
    expect(bodyOf(api)).toContain('This change introduces 2 warnings');
    expect(bodyOf(api)).toContain(`blob/${head2}/k8s/c.yaml#L20`);
    expect(second.outputs['comment-id']).toBe(String(comment.id));
    expect(second.outputs['new-findings-count']).toBe('2');
  });

  test('a finding fixed between pushes shows as fixed', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({
      '.aigov.yaml': config('warning'),
      'k8s/a.yaml': deployment('a', { cpu: false }),
      'k8s/b.yaml': deployment('b'),
    });
    // First push: touches a.yaml without fixing it.
    const head1 = repo.commit({
      'k8s/a.yaml': deployment('a', { cpu: false, comment: 'serving' }),
    });
    const pr1 = openPull(api, repo, { base, head: head1 });
    const first = await runOnPull(api, repo, pr1);
    expect(first.outputs).toMatchObject({
      'findings-count': '1',
      'new-findings-count': '0',
      'fixed-findings-count': '0',
    });
    expect(bodyOf(api)).toContain('This change introduces no new problems');
    expect(bodyOf(api)).toMatch(
      /<details>\n<summary>1 existing finding \(1 warning\), already on the base branch<\/summary>/,
    );

    // Second push fixes it.
    const head2 = repo.commit({ 'k8s/a.yaml': deployment('a', { comment: 'serving' }) });
    const pr2 = openPull(api, repo, { base, head: head2 });
    const second = await runOnPull(api, repo, pr2);
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({
      'findings-count': '0',
      'new-findings-count': '0',
      'fixed-findings-count': '1',
    });
    const body = bodyOf(api);
    expect(body).toContain('### Fixed by this change (1)');
    expect(body).toMatch(/✅ .*warning.*resources\/cpu-request-missing.*k8s\/a\.yaml:20/);
    expect(second.summary).toContain('Fixed by this change (1)');
  });

  test('new findings lead; an untouched old one is existing; renamed and removed files are followed', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({
      '.aigov.yaml': config('warning'),
      'k8s/old.yaml': deployment('old', { cpu: false }),
      'k8s/moved.yaml': deployment('moved', { cpu: false }),
      'k8s/gone.yaml': deployment('gone', { cpu: false }),
      'k8s/untouched.yaml': deployment('untouched', { cpu: false }),
    });
    repo.move('k8s/moved.yaml', 'k8s/renamed/moved.yaml');
    const head = repo.commit({
      'k8s/old.yaml': deployment('old', { cpu: false, comment: 'edited' }),
      'k8s/gone.yaml': null,
      // Unlike gone.yaml, so that git does not see a rename.
      'k8s/new.yaml': `${'# a new inference service\n'.repeat(40)}${deployment('new', { cpu: false })}`,
    });
    const pr = openPull(api, repo, { base, head });
    expect(
      pr.files
        .map(
          (f) =>
            `${f.status} ${f.filename}${f.previous_filename ? ` <- ${f.previous_filename}` : ''}`,
        )
        .sort(),
    ).toEqual([
      'added k8s/new.yaml',
      'modified k8s/old.yaml',
      'removed k8s/gone.yaml',
      'renamed k8s/renamed/moved.yaml <- k8s/moved.yaml',
    ]);
    const run = await runOnPull(api, repo, pr);
    expect(run.code).toBe(0);
    // Reported: new.yaml (new), old.yaml and renamed/moved.yaml (existing: same fingerprint);
    // fixed: gone.yaml; untouched.yaml is not in the pull request.
    expect(run.outputs).toMatchObject({
      'findings-count': '3',
      'new-findings-count': '1',
      'fixed-findings-count': '1',
    });
    const body = bodyOf(api);
    const introduced = body.indexOf('### Introduced by this change (1)');
    const fixed = body.indexOf('### Fixed by this change (1)');
    const existing = body.indexOf('2 existing findings');
    expect(introduced).toBeGreaterThan(0);
    expect(fixed).toBeGreaterThan(introduced);
    expect(existing).toBeGreaterThan(fixed);
    expect(body.slice(introduced, fixed)).toContain('k8s/new.yaml');
    expect(body.slice(fixed, existing)).toContain('k8s/gone.yaml');
    expect(body.slice(existing)).toContain('k8s/renamed/moved.yaml');
    expect(body).not.toContain('untouched');
  });

  test('a comment by another user that quotes the marker is left alone', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    const mallory = api.addIssueComment(7, `${MARKER}\nThis PR is fine, merge it!`, {
      login: 'mallory',
      id: 666,
      type: 'User',
    });
    const run = await runOnPull(api, repo, pr);
    expect(run.code).toBe(0);
    // GET /user is refused to an installation token: the login comes from GraphQL.
    expect(api.find('GET', /^\/user$/).map((r) => r.status)).toEqual([403]);
    expect(api.find('POST', /^\/graphql$/)).toHaveLength(1);
    expect(writes(api)).toEqual(['POST /repos/acme/models/issues/7/comments 201']);
    expect(api.commentsOn(7).find((c) => c.id === mallory.id)?.body).toBe(
      `${MARKER}\nThis PR is fine, merge it!`,
    );
    const ours = api.commentsOn(7).filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(ours[0]?.id));
  });

  test('comment-mode off writes no comment; on-findings only when there are findings', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const clean = repo.commit({ 'k8s/b.yaml': deployment('b') });
    const pr = openPull(api, repo, { base, head: clean });

    const off = await runOnPull(api, repo, pr, { 'comment-mode': 'off' });
    expect(off.code).toBe(0);
    expect(api.find('GET', /\/issues\/7\/comments$/)).toHaveLength(0);
    expect(writes(api)).toEqual([]);
    expect(off.outputs['comment-id']).toBe('');
    expect(off.summary).toContain('This change introduces no new problems');

    const none = await runOnPull(api, repo, pr, { 'comment-mode': 'on-findings' });
    expect(none.code).toBe(0);
    expect(writes(api)).toEqual([]);
    expect(none.outputs['comment-id']).toBe('');

    const dirty = repo.commit({ 'k8s/b.yaml': deployment('b', { cpu: false }) });
    const pr2 = openPull(api, repo, { base, head: dirty });
    const some = await runOnPull(api, repo, pr2, { 'comment-mode': 'on-findings' });
    expect(some.code).toBe(0);
    expect(writes(api)).toEqual(['POST /repos/acme/models/issues/7/comments 201']);
    expect(some.outputs['comment-id']).not.toBe('');
  });

  test('comment-mode recreate deletes the old comment and posts a new one', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    const old = api.addIssueComment(7, `${MARKER}\nold report`, api.behaviour.identity);
    const run = await runOnPull(api, repo, pr, { 'comment-mode': 'recreate' });
    expect(run.code).toBe(0);
    expect(writes(api)).toEqual([
      `DELETE /repos/acme/models/issues/comments/${old.id} 204`,
      'POST /repos/acme/models/issues/7/comments 201',
    ]);
    expect(api.commentsOn(7)).toHaveLength(1);
    expect(Number(run.outputs['comment-id'])).toBeGreaterThan(old.id);
  });

  test('two runs racing on the same pull request leave one comment', async () => {
    const api = await fakeApi({ behaviour: { latencyMs: 15 } });
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    const [a, b] = await Promise.all([runOnPull(api, repo, pr), runOnPull(api, repo, pr)]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(api.commentsOn(7)).toHaveLength(1);
    // Both runs point at the comment that stayed.
    const kept = String(api.commentsOn(7)[0]?.id);
    expect([a.outputs['comment-id'], b.outputs['comment-id']]).toEqual([kept, kept]);
  });

  test('comment-key keeps one sticky comment per key', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({
      '.aigov.yaml': config('warning'),
      'svc/a/k8s.yaml': deployment('a'),
      'svc/b/k8s.yaml': deployment('b'),
    });
    const head = repo.commit({
      'svc/a/k8s.yaml': deployment('a', { cpu: false }),
      'svc/b/k8s.yaml': deployment('b', { cpu: false }),
    });
    const pr = openPull(api, repo, { base, head });
    for (let push = 0; push < 2; push++) {
      // One job by working directory, the other by paths: the same files either way.
      const a = await runOnPull(api, repo, pr, {
        'working-directory': 'svc/a',
        'comment-key': 'svc-a',
      });
      const b = await runOnPull(api, repo, pr, { paths: 'svc/b', 'comment-key': 'svc-b' });
      expect([a.code, b.code, a.outputs['findings-count'], b.outputs['findings-count']]).toEqual([
        0,
        0,
        '1',
        '1',
      ]);
    }
    const comments = api.commentsOn(7);
    expect(comments.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- aigov-pr-comment key="svc-a" -->',
      '<!-- aigov-pr-comment key="svc-b" -->',
    ]);
    expect(comments[0]?.body).toContain('svc/a/k8s.yaml');
    expect(comments[0]?.body).not.toContain('svc/b/k8s.yaml');
    expect(comments[0]?.body).toContain('## aigov · `svc-a`');
  });

  test('a report over 65,536 bytes is trimmed, least severe details first, with a notice', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'README.md': 'models\n' });
    const files: Record<string, string> = {};
    // 220 files × one finding each, with long names: far more than a comment can hold.
    for (let i = 0; i < 220; i++) {
      const name = `inference-server-with-a-rather-long-descriptive-name-${String(i).padStart(3, '0')}`;
      files[`k8s/${name}.yaml`] = deployment(name, { cpu: false });
    }
    files['k8s/parse-error.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata: [oops\n';
    const head = repo.commit(files);
    const pr = openPull(api, repo, { base, head });
    const run = await runOnPull(api, repo, pr, { 'fail-on-severity': 'none' });
    expect(run.code).toBe(0);
    const body = bodyOf(api);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(65_000);
    expect(body).toMatch(
      /_… \d+ warning findings not shown, to keep this report within its size limit\._/,
    );
    // The error (a parse finding) is kept; warnings are left out first.
    expect(body).toContain('parse/yaml-invalid');
    expect(run.outputs['findings-count']).toBe('221');
    // The job summary has room for everything.
    expect(run.summary).not.toContain('not shown');
    expect(run.summary).toContain('inference-server-with-a-rather-long-descriptive-name-219');
  });
});

describe('pull request files', () => {
  test('300 changed files across 4 pages are all seen', async () => {
    const api = await fakeApi({ behaviour: { maxPerPage: 80 } });
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'README.md': 'models\n' });
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++)
      files[`k8s/app-${i}.yaml`] = deployment(`app-${i}`, { cpu: false });
    const head = repo.commit(files);
    const pr = openPull(api, repo, { base, head });
    const run = await runOnPull(api, repo, pr, { 'fail-on-severity': 'none' });
    expect(run.code).toBe(0);
    const pages = api.find('GET', /\/pulls\/7\/files$/);
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3', '4']);
    expect(run.outputs['findings-count']).toBe('300');
    expect(run.outputs['new-findings-count']).toBe('300');
  });

  test('scope: all reports unchanged files too', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({
      '.aigov.yaml': config('warning'),
      'k8s/old.yaml': deployment('old', { cpu: false }),
    });
    const head = repo.commit({ 'k8s/new.yaml': deployment('new', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    const changedOnly = await runOnPull(api, repo, pr, { 'comment-mode': 'off' });
    expect(changedOnly.outputs['findings-count']).toBe('1');
    const all = await runOnPull(api, repo, pr, { 'comment-mode': 'off', scope: 'all' });
    expect(all.outputs).toMatchObject({ 'findings-count': '2', 'new-findings-count': '1' });
    expect(api.find('GET', /\/pulls\/7\/files$/)).toHaveLength(1);
  });
});

describe('inline review comments', () => {
  test('on changed lines only, at most max-inline-comments, never repeated across pushes', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head1 = repo.commit({
      // Removing the CPU line: the finding sits on an unchanged line, so no inline comment.
      'k8s/a.yaml': deployment('a', { cpu: false }),
      'k8s/b.yaml': deployment('b', { cpu: false }),
      'k8s/c.yaml': deployment('c', { cpu: false }),
      'k8s/d.yaml': deployment('d', { cpu: false }),
    });
    const pr1 = openPull(api, repo, { base, head: head1 });
    const first = await runOnPull(api, repo, pr1, {
      'inline-comments': 'changed-lines',
      'max-inline-comments': '2',
    });
    expect(first.code).toBe(0);
    const reviews = api.find('POST', /\/pulls\/7\/reviews$/);
    expect(reviews).toHaveLength(1);
    const review = reviews[0]?.body as {
      commit_id: string;
      event: string;
      body: string;
      comments: { path: string; line: number; side: string }[];
    };
    expect(review.event).toBe('COMMENT');
    expect(review.commit_id).toBe(head1);
    expect(review.body).toContain('1 more left out by max-inline-comments');
    expect(review.comments.map((c) => `${c.path}:${c.line}:${c.side}`)).toEqual([
      'k8s/b.yaml:20:RIGHT',
      'k8s/c.yaml:20:RIGHT',
    ]);

    // Next push: b and c were commented already; d is now commented; nothing is repeated.
    const head2 = repo.commit({ 'k8s/e.yaml': deployment('e') });
    const pr2 = openPull(api, repo, { base, head: head2 });
    await runOnPull(api, repo, pr2, {
      'inline-comments': 'changed-lines',
      'max-inline-comments': '2',
    });
    const second = api.find('POST', /\/pulls\/7\/reviews$/);
    expect(second).toHaveLength(2);
    expect(
      (second[1]?.body as { comments: { path: string }[] }).comments.map((c) => c.path),
    ).toEqual(['k8s/d.yaml']);

    // A third run has nothing left to say inline.
    await runOnPull(api, repo, pr2, {
      'inline-comments': 'changed-lines',
      'max-inline-comments': '2',
    });
    expect(api.find('POST', /\/pulls\/7\/reviews$/)).toHaveLength(2);
    expect(api.reviewComments.map((c) => c.path).sort()).toEqual([
      'k8s/b.yaml',
      'k8s/c.yaml',
      'k8s/d.yaml',
    ]);
  });
});

describe('forks, rate limits and GHES', () => {
  test('a fork token refused with 403 degrades to summary, annotations and outputs', async () => {
    const api = await fakeApi({ behaviour: { readOnly: true } });
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    const pr = openPull(api, repo, { base, head, fork: true });
    const run = await runOnPull(api, repo, pr, {
      'inline-comments': 'changed-lines',
      'fail-on-severity': 'none',
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'findings-count': '1',
      conclusion: 'success',
      'comment-id': '',
    });
    // One write was tried, refused, and nothing more was attempted.
    expect(writes(api)).toEqual(['POST /repos/acme/models/issues/7/comments 403']);
    const notices = run.commands.filter((c) => c.command === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('Resource not accessible by integration');
    expect(run.summary).toContain('This change introduces 1 warning');
    expect(run.summary).toContain('could not be written');
    expect(
      run.commands.filter((c) => c.command === 'warning' && c.properties.file === 'k8s/a.yaml'),
    ).toHaveLength(1);
  });

  test('a 429 and a secondary rate limit are retried', async () => {
    const api = await fakeApi({
      behaviour: {
        rateLimitOnce: ['GET /repos/acme/models/pulls/7/files$'],
        secondaryLimitOnce: ['POST /repos/acme/models/issues/7/comments$'],
        serverErrorOnce: ['GET /repos/acme/models/issues/7/comments$'],
      },
    });
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    const run = await runOnPull(api, repo, pr);
    expect(run.code).toBe(0);
    expect(api.find('GET', /\/pulls\/7\/files$/).map((r) => r.status)).toEqual([429, 200]);
    expect(api.find('POST', /\/issues\/7\/comments$/).map((r) => r.status)).toEqual([403, 201]);
    expect(
      api
        .find('GET', /\/issues\/7\/comments$/)
        .map((r) => r.status)
        .slice(0, 2),
    ).toEqual([502, 200]);
    expect(api.commentsOn(7)).toHaveLength(1);
    expect(run.outputs['comment-id']).not.toBe('');
    expect(run.stdout).toMatch(/secondary rate limit on POST .*retrying after 1s/);
  });

  test('GitHub Enterprise Server: GITHUB_API_URL with /api/v3', async () => {
    const api = await fakeApi({ prefix: '/api/v3' });
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    api.addIssueComment(7, `${MARKER}\nearlier report`, api.behaviour.identity);
    const run = await runOnPull(api, repo, pr);
    expect(run.code).toBe(0);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((r) => r.status < 400 || r.path === '/user')).toBe(true);
    expect(
      api.requests
        .filter((r) => r.path !== '/graphql')
        .every((r) => r.rawPath.startsWith('/api/v3/')),
    ).toBe(true);
    expect(api.requests.filter((r) => r.path === '/graphql').map((r) => r.rawPath)).toEqual([
      '/api/graphql',
    ]);
    expect(writes(api)).toEqual([
      expect.stringMatching(/^PATCH \/repos\/acme\/models\/issues\/comments\/\d+ 200$/),
    ]);
    expect(run.outputs['comment-url']).toContain(`${api.serverUrl}/acme/models/pull/7`);
  });
});

describe('thresholds and configuration errors', () => {
  test.each([
    ['error', 'warning', 0, 'success'],
    ['warning', 'warning', 1, 'failure'],
    ['info', 'warning', 1, 'failure'],
    ['none', 'error', 0, 'success'],
    ['error', 'error', 1, 'failure'],
    ['warning', 'info', 0, 'success'],
  ])(
    'fail-on-severity %s with a %s finding: exit %d, %s',
    async (failOn, severity, code, conclusion) => {
      const api = await fakeApi();
      const repo = tempRepo();
      const base = repo.commit({
        '.aigov.yaml': config(severity as 'error'),
        'k8s/a.yaml': deployment('a'),
      });
      const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
      const pr = openPull(api, repo, { base, head });
      const run = await runOnPull(api, repo, pr, {
        'fail-on-severity': failOn,
        'comment-mode': 'off',
      });
      expect(run.code).toBe(code);
      expect(run.outputs.conclusion).toBe(conclusion);
      const failed = run.commands.filter((c) => c.command === 'error' && !c.properties.file);
      if (code === 1)
        expect(failed[0]?.message).toMatch(
          new RegExp(`^aigov: 1 finding at or above ${failOn} \\(fail-on-severity\\)`),
        );
      else expect(failed).toHaveLength(0);
      // Annotations: findings at or above the threshold (warning and above for none).
      const annotated = run.commands.filter((c) => c.properties.file === 'k8s/a.yaml');
      const threshold = failOn === 'none' ? 'warning' : failOn;
      const rank = { info: 0, warning: 1, error: 2 } as Record<string, number>;
      expect(annotated).toHaveLength(
        (rank[severity] as number) >= (rank[threshold] as number) ? 1 : 0,
      );
      if (annotated[0]) {
        expect(annotated[0].command).toBe(severity === 'info' ? 'notice' : severity);
        expect(annotated[0].properties).toMatchObject({
          line: '20',
          title: 'aigov resources/cpu-request-missing',
        });
      }
    },
  );

  test('a malformed .aigov.yaml fails the step with its line', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({
      '.aigov.yaml':
        'rules:\n  resources/cpu-request-missing: warning\n  resources/cpu-request-mising: error\n',
    });
    const pr = openPull(api, repo, { base, head });
    const run = await runOnPull(api, repo, pr);
    expect(run.code).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^aigov: \.aigov\.yaml:3:3: .*cpu-request-mising/);
    expect(errors[0]?.message).not.toContain('\n');
    expect(writes(api)).toEqual([]);
  });

  test('a bad input value fails the step naming the input', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ 'k8s/a.yaml': deployment('a') });
    const pr = openPull(api, repo, { base, head: base });
    for (const [name, value, pattern] of [
      [
        'fail-on-severity',
        'critical',
        /input "fail-on-severity" must be one of error, warning, info, none \(got "critical"\)/,
      ],
      ['comment-mode', 'sometimes', /input "comment-mode" must be one of/],
      ['max-inline-comments', 'many', /input "max-inline-comments" must be a whole number/],
      ['paths', 'k8s\nmissing-dir', /input "paths" names a path that does not exist: missing-dir/],
    ] as const) {
      const run = await runOnPull(api, repo, pr, { [name]: value });
      expect(run.code).toBe(1);
      expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(pattern);
    }
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('events', () => {
  test('push and workflow_dispatch: scan everything, no comment, summary only', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const sha = repo.commit({
      '.aigov.yaml': config('warning'),
      'k8s/a.yaml': deployment('a', { cpu: false }),
      'k8s/b.yaml': deployment('b', { cpu: false }),
      'docs/notes.md': '# notes\n',
    });
    for (const eventName of ['push', 'workflow_dispatch']) {
      const payload =
        eventName === 'push'
          ? {
              ref: 'refs/heads/main',
              before: '0'.repeat(40),
              after: sha,
              repository: { full_name: 'acme/models' },
            }
          : { ref: 'refs/heads/main', inputs: {}, repository: { full_name: 'acme/models' } };
      const run = await runAction({ api, workspace: repo.dir, eventName, payload, sha });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({
        'findings-count': '2',
        'new-findings-count': '2',
        'fixed-findings-count': '0',
        'comment-id': '',
      });
      expect(run.summary).toContain('**2 warnings**');
      expect(run.summary).toContain(`blob/${sha}/k8s/a.yaml#L20`);
    }
    expect(api.requests).toEqual([]);
  });

  test('pull_request_target reads the head as data, without checking it out', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    // The pull request also tries to switch the rule off: its configuration is not used.
    const head = repo.commit({
      'k8s/a.yaml': deployment('a', { cpu: false }),
      '.aigov.yaml': config('warning').replace(
        'resources/cpu-request-missing: warning',
        'resources/cpu-request-missing: off',
      ),
    });
    repo.checkout(base);
    const pr = openPull(api, repo, { base, head, fork: true });
    const run = await runAction({
      api,
      workspace: repo.dir,
      eventName: 'pull_request_target',
      payload: pullRequestPayload(api, pr),
      sha: base,
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'findings-count': '1', 'new-findings-count': '1' });
    expect(bodyOf(api)).toContain(`blob/${head}/k8s/a.yaml#L20`);
    // The working tree is still the base commit, untouched.
    expect(repo.git('rev-parse', 'HEAD')).toBe(base);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(readFileSync(path.join(repo.dir, 'k8s/a.yaml'), 'utf8')).toBe(deployment('a'));
  });

  test('a checkout without the base commit in git reads it through the contents API', async () => {
    const api = await fakeApi();
    const origin = tempRepo();
    const base = origin.commit({
      '.aigov.yaml': config('warning'),
      'k8s/a.yaml': deployment('a', { cpu: false }),
      'k8s/b.yaml': deployment('b', { cpu: false }),
    });
    const head = origin.commit({
      'k8s/b.yaml': deployment('b'),
      'k8s/c.yaml': deployment('c', { cpu: false }),
    });
    const pr = openPull(api, origin, { base, head });
    api.contents = { gitDir: origin.dir };
    // A shallow clone of the head, with no remote to fetch the base from.
    const dir = makeTempDir();
    cleanups.push(() => removeDir(dir));
    const clone = new GitRepo(path.join(dir, 'clone'));
    new GitRepo(dir).git('clone', '-q', '--depth', '1', `file://${origin.dir}`, 'clone');
    clone.git('remote', 'remove', 'origin');
    expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('true');
    const run = await runOnPull(api, clone, pr, {}, { workspace: clone.dir });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'findings-count': '1',
      'new-findings-count': '1',
      'fixed-findings-count': '1',
    });
    const reads = api.find('GET', /\/contents(\/|$)/);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.query.ref === base)).toBe(true);
    expect(reads.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/repos/acme/models/contents',
        '/repos/acme/models/contents/k8s/a.yaml',
      ]),
    );
  });

  test('a shallow checkout fetches the base commit from origin', async () => {
    const api = await fakeApi();
    const origin = tempRepo();
    const base = origin.commit({
      '.aigov.yaml': config('warning'),
      'k8s/a.yaml': deployment('a', { cpu: false }),
    });
    const head = origin.commit({ 'k8s/a.yaml': deployment('a') });
    const pr = openPull(api, origin, { base, head });
    origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const dir = makeTempDir();
    cleanups.push(() => removeDir(dir));
    new GitRepo(dir).git('clone', '-q', '--depth', '1', `file://${origin.dir}`, 'clone');
    const clone = new GitRepo(path.join(dir, 'clone'));
    const run = await runOnPull(api, clone, pr, {}, { workspace: clone.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Fetching ${base} from origin (depth 1)`);
    expect(run.outputs).toMatchObject({ 'findings-count': '0', 'fixed-findings-count': '1' });
    expect(api.find('GET', /\/contents/)).toHaveLength(0);
  });

  test('workflow_run finds the pull request of a fork and comments on it', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({ '.aigov.yaml': config('warning'), 'k8s/a.yaml': deployment('a') });
    const head = repo.commit({ 'k8s/a.yaml': deployment('a', { cpu: false }) });
    repo.checkout(base);
    const pr = openPull(api, repo, { base, head, fork: true, headRef: 'patch-1' });
    const payload = {
      action: 'completed',
      workflow_run: {
        event: 'pull_request',
        head_sha: head,
        head_branch: 'patch-1',
        head_repository: { full_name: 'contributor/models', owner: { login: 'contributor' } },
        pull_requests: [],
      },
      repository: { full_name: 'acme/models' },
    };
    const run = await runAction({
      api,
      workspace: repo.dir,
      eventName: 'workflow_run',
      payload,
      sha: base,
    });
    expect(run.code).toBe(0);
    const list = api.find('GET', /\/pulls$/);
    expect(list[0]?.query).toMatchObject({ head: 'contributor:patch-1', state: 'open' });
    expect(run.outputs).toMatchObject({ 'findings-count': '1', 'new-findings-count': '1' });
    expect(bodyOf(api)).toContain(`blob/${pr.head.sha}/k8s/a.yaml#L20`);
    expect(repo.git('rev-parse', 'HEAD')).toBe(base);
  });
});

describe('report files', () => {
  test('sarif-file and report-file cover every scanned file', async () => {
    const api = await fakeApi();
    const repo = tempRepo();
    const base = repo.commit({
      '.aigov.yaml': config('warning'),
      'k8s/old.yaml': deployment('old', { cpu: false }),
    });
    const head = repo.commit({ 'k8s/new.yaml': deployment('new', { cpu: false }) });
    const pr = openPull(api, repo, { base, head });
    const run = await runOnPull(api, repo, pr, {
      'sarif-file': 'reports/aigov.sarif',
      'report-file': 'reports/aigov.json',
      'comment-mode': 'off',
    });
    expect(run.code).toBe(0);
    expect(run.outputs['sarif-file']).toBe(path.join(repo.dir, 'reports/aigov.sarif'));
    expect(run.outputs['report-file']).toBe(path.join(repo.dir, 'reports/aigov.json'));
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'reports/aigov.sarif'), 'utf8')) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const uris = sarif.runs[0]?.results
      .map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)
      .sort();
    expect(uris).toEqual(['k8s/new.yaml', 'k8s/old.yaml']);
    const json = JSON.parse(readFileSync(path.join(repo.dir, 'reports/aigov.json'), 'utf8')) as {
      findings: { file: string }[];
    };
    expect(json.findings.map((f) => f.file).sort()).toEqual(['k8s/new.yaml', 'k8s/old.yaml']);
  });
});
