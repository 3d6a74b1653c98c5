/**
 * The whole review, independent of @actions/*: main.ts hands it the runner (a Platform) and an
 * API client factory; tests hand it in-memory ones.
 *
 * scan head (every manifest under `paths`) → scope (the files the pull request changes) →
 * scan base (same paths, same config) → new / existing / fixed → sticky comment, inline
 * comments, annotations, job summary, SARIF and JSON files, outputs → conclusion.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ConfigError, formatJson, formatMarkdown, formatSarif, scoreChecks } from '@aigov/rules';
import type { Finding, ReportInput } from '@aigov/rules';
import { apiError, isPermissionError } from './api';
import type { GitHubApi } from './api';
import { ACTIONS_BOT, COMMENT_MAX_BYTES, commentBody, writeStickyComment } from './comment';
import type { CommentResult } from './comment';
import { compareFindings } from './compare';
import type { Comparison } from './compare';
import { EnvError, pullRequestRef, readEnv, readTrigger } from './event';
import type { PullRequestRef, RunEnv } from './event';
import * as gitCmd from './git';
import { postedFingerprints, selectInline } from './inline';
import { InputError, parseInputs } from './inputs';
import type { InputName } from './inputs';
import { annotationsFor, atOrAbove, countOutputs } from './outcome';
import type { Annotation, Outputs } from './outcome';
import { PathError, createSelector } from './paths';
import type { Selector } from './paths';
import { loadConfig, scanTree } from './scan';
import { changedFiles } from './scope';
import type { ChangedFiles } from './scope';
import { FsTree, treeAt } from './tree';
import type { Tree, TreeSource } from './tree';

/** What the review needs from the runner: logs, annotations, outputs, the job summary. */
export interface Platform {
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  debug(message: string): void;
  annotate(annotation: Annotation): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export interface ReviewDeps {
  getInput: (name: InputName) => string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform: Platform;
  createApi: (token: string, apiUrl: string) => GitHubApi;
  /** The action's version, for SARIF. */
  version: string;
}

/** The job summary allows 1 MiB per step. */
export const SUMMARY_MAX_BYTES = 1_000_000;
export const DOCS_ACTION_URL = 'https://github.com/aigov-dev/aigov/blob/main/docs/action.md';

/** GitHub shows at most 10 error and 10 warning annotations per step; more is noise in the log. */
export const ANNOTATIONS_PER_LEVEL = 10;

/** The first ANNOTATIONS_PER_LEVEL of each level, keeping the order (new findings first). */
export function limitAnnotations(all: readonly Annotation[]): Annotation[] {
  const seen = new Map<string, number>();
  return all.filter((a) => {
    const n = seen.get(a.level) ?? 0;
    seen.set(a.level, n + 1);
    return n < ANNOTATIONS_PER_LEVEL;
  });
}

export interface ReviewResult {
  outputs: Outputs;
  /** Whether the pull request could not be written to (and the review degraded). */
  degraded: boolean;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One line: the step's failure message. */
function oneLine(message: string): string {
  return message.split(/\r?\n/)[0] ?? message;
}

async function readPayload(env: RunEnv): Promise<unknown> {
  if (!env.eventPath) return {};
  try {
    return JSON.parse(await fs.readFile(env.eventPath, 'utf8')) as unknown;
  } catch (error) {
    throw new EnvError(
      `cannot read the event payload ${env.eventPath}: ${(error as Error).message}`,
    );
  }
}

/** Runs the review; every failure ends as platform.setFailed with one line. */
export async function review(deps: ReviewDeps): Promise<ReviewResult | undefined> {
  try {
    return await reviewOrThrow(deps);
  } catch (error) {
    const { platform } = deps;
    if (
      error instanceof InputError ||
      error instanceof ConfigError ||
      error instanceof EnvError ||
      error instanceof PathError
    ) {
      platform.setFailed(`aigov: ${oneLine(error.message)}`);
      return undefined;
    }
    const { status, message } = apiError(error);
    if (error instanceof Error && error.stack) platform.debug(error.stack);
    platform.setFailed(
      `aigov: ${status !== undefined ? `GitHub API error ${status}: ` : ''}${oneLine(message)}`,
    );
    return undefined;
  }
}

interface Target {
  pr: PullRequestRef;
  /** Whether the working tree holds the head (else it is read from git or the API, as data). */
  headInWorkspace: boolean;
}

async function findTarget(
  env: RunEnv,
  payload: unknown,
  repoRoot: string,
  api: () => GitHubApi | undefined,
  platform: Platform,
): Promise<Target | undefined> {
  const trigger = readTrigger(env, payload);
  if (trigger.kind === 'other') {
    platform.info(`Event ${trigger.event}: scanning everything, no comment (summary only).`);
    return undefined;
  }
  if (trigger.kind === 'pull-request') {
    const head = await gitCmd.headCommit(repoRoot);
    // pull_request runs on the test merge commit the workflow checked out. pull_request_target
    // runs on the base branch: the head is read as data unless the workflow checked it out.
    const headInWorkspace = trigger.event === 'pull_request' || head === trigger.pr.headSha;
    if (trigger.isFork)
      platform.info(
        `Pull request #${trigger.pr.number} comes from a fork (${trigger.pr.headRepo}).`,
      );
    return { pr: trigger.pr, headInWorkspace };
  }
  // workflow_run of a pull request workflow: find its pull request.
  const client = api();
  if (!client)
    throw new InputError('github-token', 'is needed on workflow_run to find the pull request');
  let number = trigger.pullNumbers[0];
  if (number === undefined && trigger.headOwner && trigger.headBranch) {
    const pulls = await client.findPulls(trigger.headOwner, trigger.headBranch);
    number = pulls.find((p) => p.head.sha === trigger.headSha)?.number ?? pulls[0]?.number;
  }
  if (number === undefined) {
    platform.notice(
      `aigov: no open pull request has head ${trigger.headSha.slice(0, 7)}; scanning the working tree, summary only.`,
    );
    return undefined;
  }
  const pr = pullRequestRef(await client.getPull(number));
  if (!pr) throw new EnvError(`pull request #${number} has no head or base commit`);
  const head = await gitCmd.headCommit(repoRoot);
  return { pr, headInWorkspace: head === pr.headSha };
}

async function reviewOrThrow(deps: ReviewDeps): Promise<ReviewResult> {
  const { platform } = deps;
  const inputs = parseInputs(deps.getInput);
  const env = readEnv(deps.env, deps.cwd);
  const payload = await readPayload(env);

  // Where things are: the working directory inside the repository.
  const workDir = path.resolve(env.workspace, inputs.workingDirectory);
  const wdStat = await fs.stat(workDir).catch(() => undefined);
  if (!wdStat?.isDirectory())
    throw new InputError(
      'working-directory',
      `names a directory that does not exist: ${inputs.workingDirectory}`,
    );
  const gitTop = await gitCmd.toplevel(workDir);
  const repoRoot = gitTop ? await fs.realpath(gitTop) : await fs.realpath(env.workspace);
  const prefix = toPosix(path.relative(repoRoot, await fs.realpath(workDir)));
  if (prefix.startsWith('..') || path.isAbsolute(prefix))
    throw new InputError(
      'working-directory',
      `must be inside the repository (got ${inputs.workingDirectory})`,
    );

  let selector: Selector;
  try {
    selector = createSelector(prefix, inputs.paths, inputs.excludePaths);
  } catch (error) {
    if (error instanceof PathError) throw new InputError('paths', error.message);
    throw error;
  }

  let client: GitHubApi | undefined;
  const api = (): GitHubApi | undefined => {
    if (!inputs.token) return undefined;
    client ??= deps.createApi(inputs.token, env.apiUrl);
    return client;
  };
  const source: TreeSource = {
    repoRoot,
    gitAvailable: gitTop !== undefined,
    get api() {
      return api();
    },
    log: (m) => platform.info(m),
  };

  const target = await findTarget(env, payload, repoRoot, api, platform);
  const pr = target?.pr;

  // Configuration: from the working tree (trusted), also when the head is read as data.
  const firstRoot = path.join(repoRoot, selector.roots[0] ?? prefix);
  const firstStat = await fs.stat(firstRoot).catch(() => undefined);
  const loaded = await loadConfig({
    repoRoot,
    workDir,
    configFile: inputs.configFile,
    start: firstStat?.isDirectory() ? firstRoot : firstStat ? path.dirname(firstRoot) : workDir,
  });
  if (loaded.file) platform.info(`Configuration: ${loaded.file}`);
  const config = loaded.config;

  // The head: every manifest under `paths`.
  const headTree: Tree =
    !target || target.headInWorkspace
      ? new FsTree(repoRoot)
      : await treeAt(target.pr.headSha, source, [`refs/pull/${target.pr.number}/head`]);
  const kinds = new Map<string, 'file' | 'dir' | undefined>();
  for (const literal of selector.literals) kinds.set(literal, await headTree.kind(literal));
  if (headTree instanceof FsTree)
    for (const [literal, kind] of kinds)
      if (kind === undefined)
        throw new InputError(
          'paths',
          `names a path that does not exist: ${literal === '' ? '.' : literal}`,
        );
  const complete = config.complete ?? selector.wholeDirectories((l) => kinds.get(l) === 'file');
  const head = await scanTree(headTree, selector, config, complete);
  platform.info(`Scanned ${head.files.length} files from ${headTree.description}.`);
  for (const e of head.result.ruleErrors)
    platform.warning(
      `aigov: rule ${e.ruleId} failed and was skipped: ${e.message} (please report this bug)`,
    );

  // Scope: the files the pull request changes.
  let changed: ChangedFiles | undefined;
  if (pr && inputs.scope === 'changed-files') {
    const c = api();
    if (!c)
      throw new InputError(
        'github-token',
        'is needed to list the files of the pull request (or set scope: all)',
      );
    changed = changedFiles(await c.listPullFiles(pr.number));
    platform.info(`Pull request #${pr.number} changes ${changed.count} files.`);
  }
  const inHead = (file: string | undefined): boolean =>
    !changed || (file !== undefined && changed.head.has(file));
  const reported = head.result.findings.filter((f) => inHead(f.file));
  const active = reported.filter((f) => !f.suppressed);

  // Base: the same paths at the base commit, classified by fingerprint.
  let comparison: Comparison | undefined;
  let baseFilesInScope = 0;
  if (pr && inputs.compareTo === 'base') {
    const baseTree = await treeAt(pr.baseSha, source);
    const base = await scanTree(baseTree, selector, config, complete);
    platform.info(`Scanned ${base.files.length} files of the base from ${baseTree.description}.`);
    const inBase = (file: string | undefined): boolean =>
      !changed || (file !== undefined && changed.base.has(file));
    baseFilesInScope = base.files.filter(inBase).length;
    const live = (f: Finding): boolean => !f.suppressed;
    const baseAll = base.result.findings.filter(live);
    comparison = compareFindings(
      active,
      head.result.findings.filter(live),
      baseAll.filter((f) => inBase(f.file)),
      baseAll,
    );
  }

  // The report covers the files in scope: their findings, files and score.
  const checks = changed
    ? head.result.checks.filter(
        (c) => c.manifest.origin.type === 'file' && inHead(c.manifest.origin.file),
      )
    : head.result.checks;
  const score = changed ? scoreChecks(checks) : head.result.score;
  const reportInput: ReportInput = {
    findings: reported,
    score,
    files: head.result.files.filter((f) => inHead(f.file)),
    ruleErrors: head.result.ruleErrors,
  };
  const headSha = pr?.headSha ?? env.sha;
  const { owner, repo } = env.repository;
  const fileUrl = (file: string, line: number): string =>
    `${env.serverUrl}/${owner}/${repo}/blob/${headSha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
  const title = inputs.commentKey ? `aigov · \`${inputs.commentKey}\`` : 'aigov';
  const counts = countOutputs(active, score, comparison, inputs.failOn);

  // Writes to the pull request: degrade to summary, annotations and outputs when refused.
  let degradedBy: string | undefined;
  const write = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    if (degradedBy !== undefined) return undefined;
    try {
      return await fn();
    } catch (error) {
      if (!isPermissionError(error)) throw error;
      degradedBy = apiError(error).message;
      platform.notice(
        `aigov: could not ${what} (403 ${degradedBy}). The token cannot write to this pull request, ` +
          'as is the case for pull requests from forks; the findings are in the job summary, the ' +
          `annotations and the outputs. To comment on forks' pull requests see ${DOCS_ACTION_URL}#fork-pull-requests`,
      );
      return undefined;
    }
  };

  let login: Promise<string> | undefined;
  const viewer = (): Promise<string> =>
    (login ??= (async () => (await api()?.viewerLogin()) ?? ACTIONS_BOT)());

  let sticky: CommentResult | undefined;
  const c = api();
  if (pr && c && inputs.commentMode !== 'off') {
    const footer = `<sub>Commit ${headSha.slice(0, 7)}${env.runUrl ? ` · [workflow run](${env.runUrl})` : ''} · updated on every push</sub>`;
    const overhead = utf8Bytes(commentBody('', inputs.commentKey, footer));
    const markdown = formatMarkdown(reportInput, {
      maxBytes: COMMENT_MAX_BYTES - overhead,
      fileUrl,
      title,
      ...(comparison ? { comparison } : {}),
    });
    // Nothing scanned changed: no new comment, but an existing one is kept current.
    const relevant = reportInput.files.length > 0 || baseFilesInScope > 0;
    if (!relevant) platform.info('The pull request changes none of the scanned files.');
    sticky = await write('write the pull request comment', () =>
      writeStickyComment({
        api: c,
        number: pr.number,
        key: inputs.commentKey,
        mode: relevant ? inputs.commentMode : 'on-findings',
        body: commentBody(markdown, inputs.commentKey, footer),
        hasFindings: relevant && (active.length > 0 || (comparison?.fixed.length ?? 0) > 0),
        login: viewer,
      }),
    );
    if (sticky && sticky.action !== 'skipped')
      platform.info(`Comment ${sticky.action}: ${sticky.comment?.html_url ?? ''}`);
    else if (sticky) platform.info('No comment (comment-mode on-findings, nothing to report).');
  }

  if (
    pr &&
    c &&
    changed &&
    inputs.inlineComments === 'changed-lines' &&
    inputs.maxInlineComments > 0
  ) {
    await write('post inline review comments', async () => {
      const existing = await c.listReviewComments(pr.number);
      const hasMarkers = existing.some((rc) => rc.body.includes('<!-- aigov-inline'));
      const posted = hasMarkers
        ? postedFingerprints(existing, inputs.commentKey, await viewer())
        : new Set<string>();
      const selection = selectInline({
        newFindings: comparison ? comparison.new : active,
        changed: changed as ChangedFiles,
        posted,
        max: inputs.maxInlineComments,
        key: inputs.commentKey,
      });
      if (selection.comments.length === 0) return;
      const more =
        selection.overLimit > 0
          ? ` (${selection.overLimit} more left out by max-inline-comments)`
          : '';
      try {
        await c.createReview(pr.number, {
          commit_id: pr.headSha,
          event: 'COMMENT',
          body: `aigov: ${selection.comments.length} new finding${selection.comments.length === 1 ? '' : 's'} on changed lines${more}.`,
          comments: selection.comments.map(({ path: p, line, side, body }) => ({
            path: p,
            line,
            side,
            body,
          })),
        });
        platform.info(`Posted ${selection.comments.length} inline comments.`);
      } catch (error) {
        // 422: a line GitHub does not consider part of the diff; the summary still has it.
        if (apiError(error).status !== 422) throw error;
        platform.warning(`aigov: inline comments were refused: ${apiError(error).message}`);
      }
    });
  }

  if (inputs.annotations) {
    const fresh = new Set(comparison?.new ?? active);
    const all = annotationsFor(reported, inputs.failOn, (f) => fresh.has(f));
    const shown = limitAnnotations(all);
    for (const a of shown) platform.annotate(a);
    if (shown.length < all.length)
      platform.info(
        `${all.length - shown.length} more annotations left out: GitHub shows ${ANNOTATIONS_PER_LEVEL} per level and step. The job summary lists every finding.`,
      );
  }

  if (inputs.jobSummary) {
    const note = degradedBy
      ? `\n> [!NOTE]\n> The pull request comment could not be written (${degradedBy}): this summary is the report.\n`
      : '';
    const summary = formatMarkdown(reportInput, {
      maxBytes: SUMMARY_MAX_BYTES - utf8Bytes(note),
      fileUrl,
      title,
      ...(comparison ? { comparison } : {}),
    });
    await platform.appendSummary(`${summary}${note}`);
  }

  // Files cover every scanned manifest: code scanning tracks alerts per file, and a partial
  // SARIF would close the alerts of unchanged files.
  const writeReport = async (
    name: 'sarif-file' | 'report-file',
    file: string | undefined,
    text: () => string,
  ): Promise<string> => {
    if (!file) return '';
    const target = path.resolve(workDir, file);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, text());
    } catch (error) {
      throw new InputError(name, `cannot be written: ${(error as Error).message}`);
    }
    platform.info(`Wrote ${toPosix(path.relative(repoRoot, target))}`);
    return target;
  };
  const sarifPath = await writeReport('sarif-file', inputs.sarifFile, () =>
    formatSarif(head.result, { toolVersion: deps.version }),
  );
  const reportPath = await writeReport('report-file', inputs.reportFile, () =>
    formatJson(head.result),
  );

  const outputs: Outputs = {
    ...counts,
    'comment-id': sticky?.comment ? String(sticky.comment.id) : '',
    'comment-url': sticky?.comment?.html_url ?? '',
    'sarif-file': sarifPath,
    'report-file': reportPath,
  };
  for (const [name, value] of Object.entries(outputs)) platform.setOutput(name, String(value));

  const summaryLine = `${counts['findings-count']} findings (${counts['new-findings-count']} new, ${counts['fixed-findings-count']} fixed), score ${score.overall} (${score.grade})`;
  if (counts.conclusion === 'failure' && inputs.failOn !== 'none') {
    const threshold = inputs.failOn;
    const over = active.filter((f) => atOrAbove(f, threshold)).length;
    platform.setFailed(
      `aigov: ${over} finding${over === 1 ? '' : 's'} at or above ${threshold} (fail-on-severity) in the reported files; ${summaryLine}.`,
    );
  } else platform.info(`aigov: ${summaryLine}.`);
  return { outputs, degraded: degradedBy !== undefined };
}
