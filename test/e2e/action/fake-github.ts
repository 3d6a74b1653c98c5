/**
 * A fake GitHub REST API on 127.0.0.1 for the action's end-to-end tests: the endpoints the
 * action uses, with GitHub's status codes, error bodies ({message, documentation_url}), Link
 * pagination, and behaviours a scenario can switch on (a fork's read-only token, a 429, a
 * secondary rate limit, a GHES /api/v3 prefix). It records every request.
 */
import { execFileSync } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the GHES prefix and without the query. */
  path: string;
  /** The path as received (prefix included). */
  rawPath: string;
  query: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
  status: number;
  /** Milliseconds since the server started. */
  at: number;
  /** When the request was answered (Date.now()). */
  time: number;
}

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface FakePullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  patch?: string;
  additions?: number;
  deletions?: number;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  title: string;
  head: { sha: string; ref: string; repo: { full_name: string; fork: boolean } };
  base: { sha: string; ref: string; repo: { full_name: string; fork: boolean } };
  files: FakePullFile[];
}

export interface FakeIssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

export interface FakeReviewComment {
  id: number;
  pull_number: number;
  review_id: number;
  body: string;
  path: string;
  line: number;
  side: string;
  commit_id: string;
  user: FakeUser;
}

export interface FakeReview {
  id: number;
  pull_number: number;
  body: string;
  event: string;
  commit_id: string;
  user: FakeUser;
}

export interface Behaviour {
  /** Who the token is. */
  identity: FakeUser;
  /** installation: GET /user is 403 (GITHUB_TOKEN, GitHub Apps); user: a personal token. */
  tokenKind: 'installation' | 'user';
  /** Every write is 403 "Resource not accessible by integration" (a fork's read-only token). */
  readOnly: boolean;
  /** Requests ("METHOD /path/regex") answered once with 429 before succeeding. */
  rateLimitOnce: string[];
  /** Requests answered once with a secondary rate limit (403 + retry-after) before succeeding. */
  secondaryLimitOnce: string[];
  /** Requests answered once with 502 before succeeding. */
  serverErrorOnce: string[];
  /** The most items per page, whatever per_page asks (GitHub's is 100). */
  maxPerPage: number;
  /** Extra delay before each response, in ms. */
  latencyMs: number;
}

const DOCS = 'https://docs.github.com/rest';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The git repository the contents API reads (the "remote" the pull request lives in). */
export interface ContentsSource {
  gitDir: string;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  /** '' for github.com, '/api/v3' for GitHub Enterprise Server. */
  readonly prefix: string;
  readonly requests: RecordedRequest[] = [];
  readonly pulls = new Map<number, FakePull>();
  readonly issueComments: FakeIssueComment[] = [];
  readonly reviewComments: FakeReviewComment[] = [];
  readonly reviews: FakeReview[] = [];
  readonly checkRuns: Record<string, unknown>[] = [];
  behaviour: Behaviour;
  contents: ContentsSource | undefined;
  private server: http.Server | undefined;
  private nextId = 1000;
  private readonly started = Date.now();
  private readonly once = new Map<string, number>();
  port = 0;

  constructor(
    options: {
      owner?: string;
      repo?: string;
      prefix?: string;
      behaviour?: Partial<Behaviour>;
    } = {},
  ) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'models';
    this.prefix = options.prefix ?? '';
    this.behaviour = {
      identity: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      tokenKind: 'installation',
      readOnly: false,
      rateLimitOnce: [],
      secondaryLimitOnce: [],
      serverErrorOnce: [],
      maxPerPage: 100,
      latencyMs: 0,
      ...options.behaviour,
    };
  }

  /** The base URL the action gets as GITHUB_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}${this.prefix}`;
  }

  get serverUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Adds a comment as someone else (or as the bot, to simulate an earlier run). */
  addIssueComment(issue: number, body: string, user: FakeUser): FakeIssueComment {
    const now = new Date().toISOString();
    const c = {
      id: this.nextId++,
      issue_number: issue,
      body,
      user,
      created_at: now,
      updated_at: now,
    };
    this.issueComments.push(c);
    return c;
  }

  commentsOn(issue: number): FakeIssueComment[] {
    return this.issueComments.filter((c) => c.issue_number === issue);
  }

  /** Requests that match a method and a path pattern. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private repoPath(): string {
    return `/repos/${this.owner}/${this.repo}`;
  }

  private url(path: string): string {
    return `${this.apiUrl}${path}`;
  }

  private issueCommentJson(c: FakeIssueComment): object {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: this.url(`${this.repoPath()}/issues/comments/${c.id}`),
      html_url: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: this.url(`${this.repoPath()}/issues/${c.issue_number}`),
      body: c.body,
      user: this.userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }

  private userJson(u: FakeUser): object {
    return {
      login: u.login,
      id: u.id,
      type: u.type,
      html_url: `${this.serverUrl}/${u.login.replace('[bot]', '')}`,
    };
  }

  private matchesOnce(list: string[], method: string, path: string, tag: string): boolean {
    for (const spec of list) {
      const [m, ...rest] = spec.split(' ');
      const re = new RegExp(rest.join(' '));
      if (m !== method || !re.test(path)) continue;
      const key = `${tag}:${spec}`;
      const n = this.once.get(key) ?? 0;
      this.once.set(key, n + 1);
      return n === 0;
    }
    return false;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const rawPath = url.pathname;
    let path = decodeURIComponent(rawPath);
    // GHES serves REST under /api/v3 and GraphQL under /api/graphql.
    const isGraphql = path === (this.prefix ? '/api/graphql' : '/graphql');
    if (this.prefix && !isGraphql) {
      if (!path.startsWith(`${this.prefix}/`)) {
        return this.send(res, { method, path, rawPath, req }, 404, {
          message: 'Not Found',
        });
      }
      path = path.slice(this.prefix.length);
    }
    if (isGraphql) path = '/graphql';
    const query = Object.fromEntries(url.searchParams.entries());
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return this.send(res, { method, path, rawPath, req }, 400, {
          message: 'Problems parsing JSON',
        });
      }
    }
    const ctx = { method, path, rawPath, req };
    if (this.behaviour.latencyMs > 0)
      await new Promise((r) => setTimeout(r, this.behaviour.latencyMs));
    try {
      const auth = req.headers.authorization ?? '';
      if (!/^(token|bearer) \S+/i.test(auth)) throw new ApiError(401, 'Requires authentication');
      if (this.matchesOnce(this.behaviour.rateLimitOnce, method, path, '429')) {
        const reset = Math.floor(Date.now() / 1000) + 1;
        throw new ApiError(
          429,
          'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.',
          { 'retry-after': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        );
      }
      if (this.matchesOnce(this.behaviour.secondaryLimitOnce, method, path, 'secondary')) {
        throw new ApiError(
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          { 'retry-after': '1' },
        );
      }
      if (this.matchesOnce(this.behaviour.serverErrorOnce, method, path, '5xx'))
        throw new ApiError(502, 'Server Error');
      const isWrite = method !== 'GET' && method !== 'HEAD' && path !== '/graphql';
      if (isWrite && this.behaviour.readOnly)
        throw new ApiError(403, 'Resource not accessible by integration');
      const { status, json, headers } = this.route(method, path, query, body);
      return this.send(res, ctx, status, json, headers, body, query);
    } catch (error) {
      if (error instanceof ApiError)
        return this.send(
          res,
          ctx,
          error.status,
          { message: error.message, ...error.extra },
          error.headers,
          body,
          query,
        );
      return this.send(res, ctx, 500, { message: String(error) }, {}, body, query);
    }
  }

  private send(
    res: http.ServerResponse,
    ctx: { method: string; path: string; rawPath: string; req: http.IncomingMessage },
    status: number,
    json: unknown,
    headers: Record<string, string> = {},
    body: unknown = undefined,
    query: Record<string, string> = {},
  ): void {
    this.requests.push({
      method: ctx.method,
      path: ctx.path,
      rawPath: ctx.rawPath,
      query,
      body,
      headers: ctx.req.headers,
      status,
      at: Date.now() - this.started,
      time: Date.now(),
    });
    const payload =
      status >= 400 && typeof json === 'object' && json !== null && !('documentation_url' in json)
        ? { ...json, documentation_url: DOCS, status: String(status) }
        : json;
    const out = status === 204 ? '' : JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      'x-github-request-id': `FAKE:${this.requests.length}`,
      ...headers,
    });
    res.end(out);
  }

  /** Paginates like GitHub: per_page (default 30, at most maxPerPage), page, Link header. */
  private page<T>(
    items: readonly T[],
    path: string,
    query: Record<string, string>,
  ): { status: number; json: T[]; headers: Record<string, string> } {
    const perPage = Math.min(
      Math.max(Number(query.per_page ?? 30) || 30, 1),
      this.behaviour.maxPerPage,
    );
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number): string => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `${this.url(path)}?${q.toString()}`;
    };
    const rels: string[] = [];
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    return { status: 200, json: slice, headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
  }

  private pull(n: string): FakePull {
    const pr = this.pulls.get(Number(n));
    if (!pr) throw new ApiError(404, 'Not Found');
    return pr;
  }

  private pullJson(pr: FakePull): object {
    return {
      url: this.url(`${this.repoPath()}/pulls/${pr.number}`),
      html_url: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${pr.number}`,
      number: pr.number,
      state: pr.state,
      title: pr.title,
      user: { login: 'contributor', id: 7, type: 'User' },
      head: { ...pr.head, label: `${pr.head.repo.full_name.split('/')[0]}:${pr.head.ref}` },
      base: { ...pr.base, label: `${this.owner}:${pr.base.ref}` },
      changed_files: pr.files.length,
    };
  }

  private route(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
  ): { status: number; json: unknown; headers?: Record<string, string> } {
    const b = (body ?? {}) as Record<string, unknown>;
    const me = this.behaviour.identity;
    if (method === 'GET' && path === '/user') {
      if (this.behaviour.tokenKind === 'installation')
        throw new ApiError(403, 'Resource not accessible by integration');
      return { status: 200, json: this.userJson(me) };
    }
    if (method === 'POST' && path === '/graphql') {
      const q = typeof b.query === 'string' ? b.query : '';
      if (/viewer\s*\{\s*login/.test(q))
        return { status: 200, json: { data: { viewer: { login: me.login } } } };
      return { status: 200, json: { errors: [{ message: 'unsupported query in the fake' }] } };
    }
    const prefix = this.repoPath();
    if (!path.startsWith(`${prefix}/`)) throw new ApiError(404, 'Not Found');
    const rest = path.slice(prefix.length);
    let m: RegExpExecArray | null;

    if (method === 'GET' && rest === '/pulls') {
      const head = query.head;
      const list = [...this.pulls.values()]
        .filter((p) => (query.state ?? 'open') === 'all' || p.state === (query.state ?? 'open'))
        .filter((p) => !head || `${p.head.repo.full_name.split('/')[0]}:${p.head.ref}` === head);
      return this.page(
        list.map((p) => this.pullJson(p)),
        path,
        query,
      );
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      return { status: 200, json: this.pullJson(this.pull(m[1] as string)) };
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/files$/.exec(rest))) {
      const pr = this.pull(m[1] as string);
      // GitHub lists at most 3000 files.
      const files = pr.files.slice(0, 3000).map((f, i) => ({
        sha: `${i}`.padStart(40, '0'),
        additions: 0,
        deletions: 0,
        changes: 0,
        blob_url: `${this.serverUrl}/${this.owner}/${this.repo}/blob/${pr.head.sha}/${f.filename}`,
        ...f,
      }));
      return this.page(files, path, query);
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (!this.pulls.has(issue)) throw new ApiError(404, 'Not Found');
      if (method === 'GET')
        return this.page(
          this.commentsOn(issue).map((c) => this.issueCommentJson(c)),
          path,
          query,
        );
      if (method === 'POST') {
        if (typeof b.body !== 'string' || b.body === '')
          throw new ApiError(
            422,
            'Validation Failed',
            {},
            { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] },
          );
        if ([...b.body].length > 65536)
          throw new ApiError(
            422,
            'Validation Failed',
            {},
            {
              errors: [
                {
                  resource: 'IssueComment',
                  code: 'custom',
                  field: 'body',
                  message: 'body is too long (maximum is 65536 characters)',
                },
              ],
            },
          );
        const c = this.addIssueComment(issue, b.body, me);
        return { status: 201, json: this.issueCommentJson(c) };
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      const i = this.issueComments.findIndex((c) => c.id === id);
      if (i < 0) throw new ApiError(404, 'Not Found');
      const c = this.issueComments[i] as FakeIssueComment;
      if (method === 'GET') return { status: 200, json: this.issueCommentJson(c) };
      if (method === 'PATCH') {
        if (typeof b.body !== 'string' || b.body === '')
          throw new ApiError(422, 'Validation Failed');
        if ([...b.body].length > 65536)
          throw new ApiError(
            422,
            'Validation Failed',
            {},
            { errors: [{ message: 'body is too long (maximum is 65536 characters)' }] },
          );
        c.body = b.body;
        c.updated_at = new Date().toISOString();
        return { status: 200, json: this.issueCommentJson(c) };
      }
      if (method === 'DELETE') {
        this.issueComments.splice(i, 1);
        return { status: 204, json: undefined };
      }
    }
    if ((m = /^\/pulls\/(\d+)\/comments$/.exec(rest))) {
      const pr = this.pull(m[1] as string);
      if (method === 'GET') {
        const list = this.reviewComments
          .filter((c) => c.pull_number === pr.number)
          .map((c) => ({ ...c, user: this.userJson(c.user) }));
        return this.page(list, path, query);
      }
      if (method === 'POST') {
        const c = this.addReviewComment(pr, 0, b);
        return { status: 201, json: { ...c, user: this.userJson(c.user) } };
      }
    }
    if (method === 'POST' && (m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      const pr = this.pull(m[1] as string);
      const comments = Array.isArray(b.comments) ? (b.comments as Record<string, unknown>[]) : [];
      for (const c of comments) this.checkLine(pr, c);
      const review: FakeReview = {
        id: this.nextId++,
        pull_number: pr.number,
        body: String(b.body ?? ''),
        event: String(b.event ?? 'PENDING'),
        commit_id: String(b.commit_id ?? pr.head.sha),
        user: me,
      };
      this.reviews.push(review);
      for (const c of comments)
        this.addReviewComment(pr, review.id, { ...c, commit_id: review.commit_id });
      return {
        status: 200,
        json: {
          id: review.id,
          body: review.body,
          state: review.event === 'COMMENT' ? 'COMMENTED' : review.event,
          user: this.userJson(me),
          commit_id: review.commit_id,
        },
      };
    }
    if (method === 'POST' && rest === '/check-runs') {
      if (typeof b.name !== 'string' || typeof b.head_sha !== 'string')
        throw new ApiError(422, 'Validation Failed');
      const run = { id: this.nextId++, ...b };
      this.checkRuns.push(run);
      return { status: 201, json: run };
    }
    if (method === 'GET' && (m = /^\/contents(?:\/(.*))?$/.exec(rest))) {
      return { status: 200, json: this.content(m[1] ?? '', query.ref) };
    }
    throw new ApiError(404, 'Not Found');
  }

  /** 422 like GitHub when a review comment's line is not part of the diff. */
  private checkLine(pr: FakePull, c: Record<string, unknown>): void {
    const file = pr.files.find((f) => f.filename === c.path);
    const line = Number(c.line);
    if (!file?.patch || !diffLines(file.patch).has(line))
      throw new ApiError(
        422,
        'Unprocessable Entity',
        {},
        {
          errors: ['Line could not be resolved'],
        },
      );
  }

  private addReviewComment(
    pr: FakePull,
    reviewId: number,
    b: Record<string, unknown>,
  ): FakeReviewComment {
    if (reviewId === 0) this.checkLine(pr, b);
    const c: FakeReviewComment = {
      id: this.nextId++,
      pull_number: pr.number,
      review_id: reviewId,
      body: String(b.body ?? ''),
      path: String(b.path ?? ''),
      line: Number(b.line),
      side: String(b.side ?? 'RIGHT'),
      commit_id: String(b.commit_id ?? pr.head.sha),
      user: this.behaviour.identity,
    };
    this.reviewComments.push(c);
    return c;
  }

  /** The contents API, read from the git repository of `contents`. */
  private content(path: string, ref: string | undefined): unknown {
    const src = this.contents;
    if (!src) throw new ApiError(404, 'Not Found');
    const rev = ref ?? 'HEAD';
    const git = (args: string[]): Buffer | undefined => {
      try {
        return execFileSync('git', args, { cwd: src.gitDir, stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return undefined;
      }
    };
    const clean = path.replace(/^\/+|\/+$/g, '');
    const type =
      clean === ''
        ? 'tree'
        : git(['cat-file', '-t', `${rev}:${clean}`])
            ?.toString()
            .trim();
    if (type === 'blob') {
      const bytes = git(['cat-file', 'blob', `${rev}:${clean}`]) ?? Buffer.alloc(0);
      return {
        type: 'file',
        encoding: 'base64',
        size: bytes.length,
        name: clean.split('/').pop(),
        path: clean,
        content: bytes.toString('base64').replace(/(.{60})/g, '$1\n'),
        sha: '0'.repeat(40),
      };
    }
    if (type === 'tree') {
      const out = git(['ls-tree', '-l', '-z', clean === '' ? rev : `${rev}:${clean}`]);
      if (!out) throw new ApiError(404, 'Not Found');
      return out
        .toString('utf8')
        .split('\0')
        .filter(Boolean)
        .map((line) => {
          const [meta = '', name = ''] = line.split('\t');
          const [, kind, , size] = meta.split(/\s+/);
          const p = clean === '' ? name : `${clean}/${name}`;
          return {
            type: kind === 'tree' ? 'dir' : kind === 'commit' ? 'submodule' : 'file',
            name,
            path: p,
            size: kind === 'blob' ? Number(size) : 0,
            sha: '0'.repeat(40),
          };
        });
    }
    throw new ApiError(404, 'Not Found');
  }
}

/** New-side line numbers GitHub accepts for a review comment: added and context lines of hunks. */
export function diffLines(patch: string): Set<number> {
  const out = new Set<number>();
  let line = 0;
  for (const text of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (h) {
      line = Number(h[1]);
      continue;
    }
    if (text.startsWith('-') || text.startsWith('\\')) continue;
    out.add(line++);
  }
  return out;
}
