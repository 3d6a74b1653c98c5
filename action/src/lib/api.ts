/**
 * The GitHub REST calls the review makes, as an interface: src/github.ts implements it with
 * Octokit (retries and rate limits included); unit tests use an in-memory one.
 */

export type FileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface PullRequestFile {
  filename: string;
  status: FileStatus;
  previous_filename?: string;
  /** The unified diff of the file; GitHub leaves it out for binary and very large diffs. */
  patch?: string;
}

export interface User {
  login: string;
  type?: string;
}

export interface IssueComment {
  id: number;
  body?: string;
  user: User | null;
  html_url: string;
}

export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  user: User | null;
}

export interface NewReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  body: string;
}

export interface PullRequest {
  number: number;
  state?: string;
  head: { sha: string; ref?: string; repo?: { full_name?: string } | null };
  base: { sha: string; ref?: string; repo?: { full_name?: string } | null };
}

export type ContentEntry =
  | { type: 'file'; path: string; size: number; content?: Uint8Array }
  | { type: 'dir'; path: string; entries: { type: string; path: string; size: number }[] };

export interface GitHubApi {
  getPull(number: number): Promise<PullRequest>;
  /** Open pull requests whose head is `owner:branch` (to find a workflow_run's pull request). */
  findPulls(headOwner: string, headBranch: string): Promise<PullRequest[]>;
  /** Every file of the pull request, following pagination. */
  listPullFiles(number: number): Promise<PullRequestFile[]>;
  listIssueComments(number: number): Promise<IssueComment[]>;
  createIssueComment(number: number, body: string): Promise<IssueComment>;
  updateIssueComment(id: number, body: string): Promise<IssueComment>;
  deleteIssueComment(id: number): Promise<void>;
  listReviewComments(number: number): Promise<ReviewComment[]>;
  createReview(
    number: number,
    review: { commit_id: string; body: string; event: 'COMMENT'; comments: NewReviewComment[] },
  ): Promise<{ id: number }>;
  /** The login the token writes as (GET /user, else GraphQL viewer; undefined when neither says). */
  viewerLogin(): Promise<string | undefined>;
  /** A file or directory at a commit (contents API); undefined when it does not exist. */
  getContent(path: string, ref: string): Promise<ContentEntry | undefined>;
}

/** The status and message of a failed API call, whatever shape the error has. */
export function apiError(error: unknown): { status: number | undefined; message: string } {
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; message?: unknown };
    return {
      status: typeof e.status === 'number' ? e.status : undefined,
      message: typeof e.message === 'string' ? e.message : String(error),
    };
  }
  return { status: undefined, message: String(error) };
}

/**
 * A write the token may not make: the read-only token of a fork's pull request ("Resource not
 * accessible by integration"), or missing `pull-requests: write` / `issues: write`.
 */
export function isPermissionError(error: unknown): boolean {
  const { status, message } = apiError(error);
  if (status !== 403) return false;
  // Rate limits are 403s too; they are retried by the client and are not about permissions.
  return !/rate limit/i.test(message);
}
