import { EnvError, readEnv, readTrigger } from '../src/lib/event';

const ENV = {
  GITHUB_REPOSITORY: 'acme/models',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_WORKSPACE: '/work',
  GITHUB_SHA: 'merge',
  GITHUB_SERVER_URL: 'https://ghes.example.com/',
  GITHUB_API_URL: 'https://ghes.example.com/api/v3/',
  GITHUB_RUN_ID: '99',
};

const pr = (headRepo: string) => ({
  pull_request: {
    number: 5,
    head: { sha: 'h'.repeat(40), ref: 'feature', repo: { full_name: headRepo } },
    base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/models' } },
  },
});

describe('readEnv', () => {
  test('reads the runner variables; GHES URLs lose their trailing slash', () => {
    expect(readEnv(ENV, '/cwd')).toEqual({
      eventName: 'pull_request',
      eventPath: undefined,
      workspace: '/work',
      repository: { owner: 'acme', repo: 'models' },
      sha: 'merge',
      serverUrl: 'https://ghes.example.com',
      apiUrl: 'https://ghes.example.com/api/v3',
      runUrl: 'https://ghes.example.com/acme/models/actions/runs/99',
      runnerTemp: undefined,
    });
    expect(readEnv({ GITHUB_REPOSITORY: 'a/b' }, '/cwd')).toMatchObject({
      workspace: '/cwd',
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
    });
  });

  test('outside Actions: a clear error', () => {
    expect(() => readEnv({}, '/')).toThrow(EnvError);
  });
});

describe('readTrigger', () => {
  const env = readEnv(ENV, '/');
  test('pull_request, same repository and fork', () => {
    expect(readTrigger(env, pr('acme/models'))).toMatchObject({
      kind: 'pull-request',
      event: 'pull_request',
      isFork: false,
      pr: { number: 5, headSha: 'h'.repeat(40), baseSha: 'b'.repeat(40), headRef: 'feature' },
    });
    expect(
      readTrigger({ ...env, eventName: 'pull_request_target' }, pr('someone/models')),
    ).toMatchObject({
      event: 'pull_request_target',
      isFork: true,
    });
  });

  test('a pull_request payload without the pull request is an error', () => {
    expect(() => readTrigger(env, {})).toThrow(/has no pull_request/);
  });

  test('workflow_run of a pull request workflow', () => {
    const t = readTrigger(
      { ...env, eventName: 'workflow_run' },
      {
        workflow_run: {
          event: 'pull_request',
          head_sha: 'abc',
          head_branch: 'patch-1',
          head_repository: { full_name: 'someone/models', owner: { login: 'someone' } },
          pull_requests: [{ number: 3 }],
        },
      },
    );
    expect(t).toEqual({
      kind: 'workflow-run',
      headSha: 'abc',
      headBranch: 'patch-1',
      headOwner: 'someone',
      headRepo: 'someone/models',
      pullNumbers: [3],
    });
    expect(
      readTrigger({ ...env, eventName: 'workflow_run' }, { workflow_run: { event: 'push' } }).kind,
    ).toBe('other');
  });

  test('push, workflow_dispatch, schedule: other', () => {
    for (const eventName of ['push', 'workflow_dispatch', 'schedule'])
      expect(readTrigger({ ...env, eventName }, {})).toEqual({
        kind: 'other',
        event: eventName,
        sha: 'merge',
      });
  });
});
