/**
 * The GitHub REST client: @actions/github's Octokit with the retry plugin (5xx and 429, with
 * backoff) and the throttling plugin (primary and secondary rate limits, honouring Retry-After;
 * at least a second between writes, as GitHub asks). GitHub Enterprise Server through apiUrl.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { apiError } from './lib/api';
import type { ContentEntry, GitHubApi, PullRequest, User } from './lib/api';

/**
 * AIGOV_ACTION_TEST_TIME_SCALE (tests only): multiplies every wait of the retry and throttling
 * plugins (backoff, Retry-After, the spacing of writes), e.g. 0.001 to make a 1 s wait 1 ms.
 * Unset, or outside (0, 1], it is 1.
 */
export function timeScale(env: NodeJS.ProcessEnv): number {
  const v = Number(env.AIGOV_ACTION_TEST_TIME_SCALE);
  return Number.isFinite(v) && v > 0 && v <= 1 ? v : 1;
}

const RETRIES = 3;

export function createOctokit(options: {
  token: string;
  apiUrl: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}): ReturnType<typeof getOctokit> {
  const scale = timeScale(options.env);
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const again = retryCount < RETRIES;
      options.log(
        `GitHub ${kind} on ${request.method} ${request.url}: ${again ? `retrying after ${retryAfter}s` : 'giving up'}.`,
      );
      return again;
    };
  const scaled =
    scale < 1
      ? {
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 1000 * scale }),
          notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 * scale }),
        }
      : {};
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      retry: { retries: RETRIES, retryAfterBaseValue: 1000 * scale },
      throttle: {
        id: 'aigov-action',
        retryAfterBaseValue: 1000 * scale,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        ...scaled,
      },
    },
    retry,
    throttling,
  );
}

function user(u: { login: string; type?: string } | null | undefined): User | null {
  return u ? { login: u.login, ...(u.type ? { type: u.type } : {}) } : null;
}

export function createGitHubApi(options: {
  token: string;
  apiUrl: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}): GitHubApi {
  const octokit = createOctokit(options);
  const [owner = '', repo = ''] = (options.env.GITHUB_REPOSITORY ?? '').split('/');
  const base = { owner, repo };
  const pull = (p: {
    number: number;
    state?: string;
    head: { sha: string; ref?: string; repo?: { full_name?: string } | null };
    base: { sha: string; ref?: string; repo?: { full_name?: string } | null };
  }): PullRequest => ({
    number: p.number,
    ...(p.state ? { state: p.state } : {}),
    head: {
      sha: p.head.sha,
      ref: p.head.ref,
      repo: p.head.repo ? { full_name: p.head.repo.full_name } : null,
    },
    base: {
      sha: p.base.sha,
      ref: p.base.ref,
      repo: p.base.repo ? { full_name: p.base.repo.full_name } : null,
    },
  });

  return {
    async getPull(number) {
      const { data } = await octokit.rest.pulls.get({ ...base, pull_number: number });
      return pull(data);
    },
    async findPulls(headOwner, headBranch) {
      const { data } = await octokit.rest.pulls.list({
        ...base,
        state: 'open',
        head: `${headOwner}:${headBranch}`,
        per_page: 100,
      });
      return data.map(pull);
    },
    async listPullFiles(number) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...base,
        pull_number: number,
        per_page: 100,
      });
      return files.map((f) => ({
        filename: f.filename,
        status: f.status,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
      }));
    },
    async listIssueComments(number) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...base,
        issue_number: number,
        per_page: 100,
      });
      return comments.map((c) => ({
        id: c.id,
        body: c.body,
        user: user(c.user),
        html_url: c.html_url,
      }));
    },
    async createIssueComment(number, body) {
      const { data: c } = await octokit.rest.issues.createComment({
        ...base,
        issue_number: number,
        body,
      });
      return { id: c.id, body: c.body, user: user(c.user), html_url: c.html_url };
    },
    async updateIssueComment(id, body) {
      const { data: c } = await octokit.rest.issues.updateComment({
        ...base,
        comment_id: id,
        body,
      });
      return { id: c.id, body: c.body, user: user(c.user), html_url: c.html_url };
    },
    async deleteIssueComment(id) {
      try {
        await octokit.rest.issues.deleteComment({ ...base, comment_id: id });
      } catch (error) {
        // Already gone (another run deleted it): that is what was wanted.
        if (apiError(error).status !== 404) throw error;
      }
    },
    async listReviewComments(number) {
      const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...base,
        pull_number: number,
        per_page: 100,
      });
      return comments.map((c) => ({ id: c.id, body: c.body, path: c.path, user: user(c.user) }));
    },
    async createReview(number, review) {
      const { data } = await octokit.rest.pulls.createReview({
        ...base,
        pull_number: number,
        ...review,
      });
      return { id: data.id };
    },
    async viewerLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        const { status } = apiError(error);
        if (status !== 403 && status !== 401 && status !== 404) throw error;
      }
      // Installation tokens (GITHUB_TOKEN, GitHub Apps) cannot call GET /user; GraphQL says.
      try {
        const data = await octokit.graphql<{ viewer?: { login?: string } }>(
          'query { viewer { login } }',
        );
        return data.viewer?.login;
      } catch {
        return undefined;
      }
    },
    async getContent(path, ref): Promise<ContentEntry | undefined> {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...base, path, ref });
        if (Array.isArray(data))
          return {
            type: 'dir',
            path,
            entries: data.map((e) => ({ type: e.type, path: e.path, size: e.size })),
          };
        if (data.type !== 'file') return undefined;
        let content: Uint8Array | undefined;
        if ('content' in data && data.encoding === 'base64' && typeof data.content === 'string')
          content = new Uint8Array(Buffer.from(data.content, 'base64'));
        else {
          // Files over 1 MB come without content ("encoding": "none"): ask for the raw bytes.
          const raw = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
            ...base,
            path,
            ref,
            mediaType: { format: 'raw' },
            request: { parseSuccessResponseBody: false },
          });
          const body = raw.data as unknown;
          content =
            typeof body === 'string'
              ? new Uint8Array(Buffer.from(body, 'utf8'))
              : body instanceof ArrayBuffer
                ? new Uint8Array(body)
                : new Uint8Array(await new Response(body as ReadableStream).arrayBuffer());
        }
        return { type: 'file', path: data.path, size: data.size, content };
      } catch (error) {
        if (apiError(error).status === 404) return undefined;
        throw error;
      }
    },
  };
}
