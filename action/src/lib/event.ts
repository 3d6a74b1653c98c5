/**
 * What triggered the run: the runner's GITHUB_* variables and the event payload, reduced to what
 * the review needs. No API calls here; a workflow_run may still need one to find its pull request.
 */

export interface Repo {
  owner: string;
  repo: string;
}

export interface RunEnv {
  eventName: string;
  eventPath: string | undefined;
  workspace: string;
  repository: Repo;
  /** GITHUB_SHA: the commit the workflow runs on (for pull_request, the test merge commit). */
  sha: string;
  serverUrl: string;
  apiUrl: string;
  /** Link to this workflow run, when the runner says which it is. */
  runUrl: string | undefined;
  runnerTemp: string | undefined;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

export function readEnv(env: NodeJS.ProcessEnv, cwd: string): RunEnv {
  const full = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, ...rest] = full.split('/');
  if (!owner || !repo || rest.length > 0)
    throw new EnvError(
      `GITHUB_REPOSITORY must be "owner/repo" (got "${full}"); is this running in GitHub Actions?`,
    );
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
    repository: { owner, repo },
    sha: env.GITHUB_SHA ?? '',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    runnerTemp: env.RUNNER_TEMP || undefined,
  };
}

export interface PullRequestRef {
  number: number;
  headSha: string;
  baseSha: string;
  /** owner/repo the head branch lives in (differs from the base repository for forks). */
  headRepo: string | undefined;
  headRef: string | undefined;
  baseRef: string | undefined;
}

export type Trigger =
  | {
      kind: 'pull-request';
      event: 'pull_request' | 'pull_request_target';
      pr: PullRequestRef;
      isFork: boolean;
    }
  | {
      /** A workflow_run of a pull request workflow: its pull request is found through the API. */
      kind: 'workflow-run';
      headSha: string;
      headBranch: string | undefined;
      headOwner: string | undefined;
      headRepo: string | undefined;
      /** Pull request numbers the payload lists (empty for forks). */
      pullNumbers: number[];
    }
  /** push, workflow_dispatch, schedule and the rest: scan everything, summary only. */
  | { kind: 'other'; event: string; sha: string };

type Json = Record<string, unknown>;

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function fullName(repo: unknown): string | undefined {
  return str(obj(repo)?.full_name);
}

/** The pull request of a pull_request-like payload (or of GET /pulls/{n}). */
export function pullRequestRef(pr: unknown): PullRequestRef | undefined {
  const p = obj(pr);
  const head = obj(p?.head);
  const base = obj(p?.base);
  const number = p?.number;
  const headSha = str(head?.sha);
  const baseSha = str(base?.sha);
  if (typeof number !== 'number' || !headSha || !baseSha) return undefined;
  return {
    number,
    headSha,
    baseSha,
    headRepo: fullName(head?.repo),
    headRef: str(head?.ref),
    baseRef: str(base?.ref),
  };
}

/** Reads the trigger from the event name and its payload. */
export function readTrigger(env: RunEnv, payload: unknown): Trigger {
  const root = obj(payload) ?? {};
  const repoName = `${env.repository.owner}/${env.repository.repo}`;
  if (env.eventName === 'pull_request' || env.eventName === 'pull_request_target') {
    const pr = pullRequestRef(root.pull_request);
    if (!pr)
      throw new EnvError(
        `the ${env.eventName} event payload${env.eventPath ? ` (${env.eventPath})` : ''} has no pull_request with number, head.sha and base.sha`,
      );
    const isFork =
      pr.headRepo !== undefined && pr.headRepo.toLowerCase() !== repoName.toLowerCase();
    return { kind: 'pull-request', event: env.eventName, pr, isFork };
  }
  if (env.eventName === 'workflow_run') {
    const run = obj(root.workflow_run);
    const runEvent = str(run?.event);
    if (run && (runEvent === 'pull_request' || runEvent === 'pull_request_target')) {
      const headRepository = obj(run.head_repository);
      const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
      return {
        kind: 'workflow-run',
        headSha: str(run.head_sha) ?? env.sha,
        headBranch: str(run.head_branch),
        headOwner: str(obj(headRepository?.owner)?.login),
        headRepo: str(headRepository?.full_name),
        pullNumbers: pulls
          .map((p) => obj(p)?.number)
          .filter((n): n is number => typeof n === 'number'),
      };
    }
  }
  return { kind: 'other', event: env.eventName || 'unknown', sha: env.sha };
}
