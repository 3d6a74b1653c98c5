import {
  commentBody,
  hasMarker,
  marker,
  ownComments,
  writeStickyComment,
} from '../src/lib/comment';
import type { CommentMode } from '../src/lib/inputs';
import { MemoryApi } from './memory-api';

const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const MALLORY = { login: 'mallory', type: 'User' };

function write(api: MemoryApi, mode: CommentMode, body: string, key = '', hasFindings = true) {
  return writeStickyComment({
    api,
    number: 7,
    key,
    mode,
    body,
    hasFindings,
    login: async () => (await api.viewerLogin()) ?? 'github-actions[bot]',
  });
}

describe('markers', () => {
  test('one marker per key; a key is not a prefix of another', () => {
    expect(marker('')).toBe('<!-- aigov-pr-comment -->');
    expect(marker('api')).toBe('<!-- aigov-pr-comment key="api" -->');
    expect(hasMarker(commentBody('report', 'api', undefined), 'api')).toBe(true);
    expect(hasMarker(commentBody('report', 'api', undefined), 'ap')).toBe(false);
    expect(hasMarker(commentBody('report', 'api', undefined), '')).toBe(false);
    expect(hasMarker(`quoting:\n${marker('')}`, '')).toBe(false);
    expect(hasMarker(undefined, '')).toBe(false);
  });

  test('own comments are the marker and the author, oldest first', () => {
    const list = [
      { id: 3, body: marker(''), user: BOT, html_url: '' },
      { id: 1, body: marker(''), user: MALLORY, html_url: '' },
      { id: 2, body: marker(''), user: { login: 'GitHub-Actions[bot]' }, html_url: '' },
      { id: 4, body: marker('x'), user: BOT, html_url: '' },
    ];
    expect(ownComments(list, '', 'github-actions[bot]').map((c) => c.id)).toEqual([2, 3]);
  });
});

describe('writeStickyComment', () => {
  test('upsert creates, then updates in place, and leaves an unchanged body alone', async () => {
    const api = new MemoryApi();
    const first = await write(api, 'upsert', commentBody('one', '', undefined));
    expect(first.action).toBe('created');
    const second = await write(api, 'upsert', commentBody('two', '', undefined));
    expect(second).toMatchObject({ action: 'updated', comment: { id: first.comment?.id } });
    const third = await write(api, 'upsert', commentBody('two', '', undefined));
    expect(third.action).toBe('unchanged');
    expect(api.comments).toHaveLength(1);
    expect(api.calls.filter((c) => !c.startsWith('list') && c !== 'viewerLogin')).toEqual([
      'createIssueComment 7',
      `updateIssueComment ${first.comment?.id}`,
    ]);
  });

  test('no marker in sight: the login is not even asked for', async () => {
    const api = new MemoryApi();
    api.add('LGTM', MALLORY);
    await write(api, 'upsert', commentBody('one', '', undefined));
    // Asked once, after creating, only if the created comment does not say who wrote it.
    expect(api.calls.slice(0, 2)).toEqual(['listIssueComments 7', 'listIssueComments 7']);
  });

  test("someone else's comment with the marker is never edited", async () => {
    const api = new MemoryApi();
    const fake = api.add(`${marker('')}\nall good`, MALLORY);
    const r = await write(api, 'upsert', commentBody('report', '', undefined));
    expect(r.action).toBe('created');
    expect(api.comments.find((c) => c.id === fake.id)?.body).toBe(`${marker('')}\nall good`);
    expect(api.comments).toHaveLength(2);
  });

  test('recreate deletes our comments and posts anew', async () => {
    const api = new MemoryApi();
    const old = api.add(commentBody('old', '', undefined));
    const r = await write(api, 'recreate', commentBody('new', '', undefined));
    expect(r.action).toBe('recreated');
    expect(api.comments.map((c) => c.body)).toEqual([commentBody('new', '', undefined)]);
    expect(api.calls).toContain(`deleteIssueComment ${old.id}`);
  });

  test('on-findings: nothing to say and no comment yet is no comment; an existing one is updated', async () => {
    const api = new MemoryApi();
    expect((await write(api, 'on-findings', 'x', '', false)).action).toBe('skipped');
    expect(api.comments).toHaveLength(0);
    api.add(commentBody('old findings', '', undefined));
    expect(
      (await write(api, 'on-findings', commentBody('all fixed', '', undefined), '', false)).action,
    ).toBe('updated');
    expect(
      (await write(new MemoryApi(), 'on-findings', commentBody('x', '', undefined), '', true))
        .action,
    ).toBe('created');
  });

  test('off does nothing at all', async () => {
    const api = new MemoryApi();
    expect((await write(api, 'off', 'x')).action).toBe('skipped');
    expect(api.calls).toEqual([]);
  });

  test('a comment posted by another run since the first read is updated, not duplicated', async () => {
    const api = new MemoryApi();
    let reads = 0;
    api.onList = () => {
      // The other run posts between our first read and our re-read.
      if (++reads === 1) api.add(commentBody('other run', '', undefined));
    };
    const r = await write(api, 'upsert', commentBody('ours', '', undefined));
    expect(r.action).toBe('updated');
    expect(api.comments.map((c) => c.body)).toEqual([commentBody('ours', '', undefined)]);
  });

  test('two runs that both created: the newer comment yields to the older one', async () => {
    const api = new MemoryApi();
    let reads = 0;
    let raced: number | undefined;
    api.onList = () => {
      // The other run creates right after our re-read.
      if (++reads === 2) raced = api.add(commentBody('other run', '', undefined)).id;
    };
    const r = await write(api, 'upsert', commentBody('ours', '', undefined));
    expect(r).toMatchObject({ action: 'updated', comment: { id: raced } });
    expect(api.comments.map((c) => c.id)).toEqual([raced]);
    expect(api.comments[0]?.body).toBe(commentBody('ours', '', undefined));
  });

  test('duplicates left by an earlier race are cleaned up, keeping the oldest', async () => {
    const api = new MemoryApi();
    const a = api.add(commentBody('a', '', undefined));
    const b = api.add(commentBody('b', '', undefined));
    const r = await write(api, 'upsert', commentBody('c', '', undefined));
    expect(r.comment?.id).toBe(a.id);
    expect(api.comments.map((c) => c.id)).toEqual([a.id]);
    expect(api.calls).toContain(`deleteIssueComment ${b.id}`);
  });

  test('keys keep separate comments', async () => {
    const api = new MemoryApi();
    await write(api, 'upsert', commentBody('a', 'svc-a', undefined), 'svc-a');
    await write(api, 'upsert', commentBody('b', 'svc-b', undefined), 'svc-b');
    await write(api, 'upsert', commentBody('a2', 'svc-a', undefined), 'svc-a');
    expect(api.comments.map((c) => c.body)).toEqual([
      commentBody('a2', 'svc-a', undefined),
      commentBody('b', 'svc-b', undefined),
    ]);
  });
});
