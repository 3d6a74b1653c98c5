/**
 * The sticky comment: found by its hidden marker and its author (so that a user who quotes the
 * marker cannot take it over), written per comment-mode, never duplicated by two racing runs.
 */
import type { GitHubApi, IssueComment } from './api';
import type { CommentMode } from './inputs';

export const MARKER_PREFIX = '<!-- aigov-pr-comment';
/** GitHub refuses bodies over 65,536 characters; the whole body stays under this many bytes. */
export const COMMENT_MAX_BYTES = 65_000;
/** The author of comments made with the GITHUB_TOKEN, when the API does not say who we are. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** `<!-- aigov-pr-comment -->`, or with the comment key: `<!-- aigov-pr-comment key="api" -->`. */
export function marker(key: string): string {
  return key === '' ? `${MARKER_PREFIX} -->` : `${MARKER_PREFIX} key="${key}" -->`;
}

/** Whether the body starts with this key's marker line (the marker exactly, not a prefix of it). */
export function hasMarker(body: string | undefined, key: string): boolean {
  if (body === undefined) return false;
  const first = body
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    ?.trim();
  return first === marker(key);
}

export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Our comments for this key, oldest first. */
export function ownComments(
  comments: readonly IssueComment[],
  key: string,
  login: string,
): IssueComment[] {
  return comments
    .filter((c) => hasMarker(c.body, key) && sameLogin(c.user?.login, login))
    .sort((a, b) => a.id - b.id);
}

export function commentBody(markdown: string, key: string, footer: string | undefined): string {
  return `${marker(key)}\n${markdown.trimEnd()}\n${footer ? `\n${footer}\n` : ''}`;
}

export interface CommentResult {
  action: 'created' | 'updated' | 'recreated' | 'skipped' | 'unchanged';
  comment: IssueComment | undefined;
}

/**
 * Writes the sticky comment for `mode`. `hasFindings` decides on-findings: post only when there
 * is something to say, but keep an existing comment up to date either way (so it never shows
 * findings that are gone). `login` is resolved lazily: only when a marker comment exists.
 */
export async function writeStickyComment(options: {
  api: GitHubApi;
  number: number;
  key: string;
  mode: CommentMode;
  body: string;
  hasFindings: boolean;
  login: () => Promise<string>;
}): Promise<CommentResult> {
  const { api, number, key, mode, body } = options;
  if (mode === 'off') return { action: 'skipped', comment: undefined };

  const findOwn = async (): Promise<IssueComment[]> => {
    const comments = await api.listIssueComments(number);
    if (!comments.some((c) => hasMarker(c.body, key))) return [];
    return ownComments(comments, key, await options.login());
  };

  let own = await findOwn();
  const existing = own[0];
  if (mode === 'on-findings' && !options.hasFindings && !existing)
    return { action: 'skipped', comment: undefined };

  if (existing && mode !== 'recreate') {
    // Extra copies left by an earlier race are removed; the oldest one is kept.
    for (const extra of own.slice(1)) await api.deleteIssueComment(extra.id);
    if (existing.body === body) return { action: 'unchanged', comment: existing };
    return { action: 'updated', comment: await api.updateIssueComment(existing.id, body) };
  }
  if (mode === 'recreate') for (const c of own) await api.deleteIssueComment(c.id);

  // Re-read just before creating: another run may have posted since the first read.
  if (mode !== 'recreate') {
    own = await findOwn();
    const raced = own[0];
    if (raced) return { action: 'updated', comment: await api.updateIssueComment(raced.id, body) };
  }
  const created = await api.createIssueComment(number, body);
  // Two runs that both passed the re-read: the later comment yields to the older one.
  const author = created.user?.login ?? (await options.login());
  const after = ownComments(await api.listIssueComments(number), key, author);
  const oldest = after[0];
  if (oldest && oldest.id < created.id) {
    await api.deleteIssueComment(created.id);
    return { action: 'updated', comment: await api.updateIssueComment(oldest.id, body) };
  }
  return { action: mode === 'recreate' && existing ? 'recreated' : 'created', comment: created };
}
