import { inlineBody, inlineMarker, postedFingerprints, selectInline } from '../src/lib/inline';
import { changedFiles } from '../src/lib/scope';
import { finding } from './findings';

const changed = changedFiles([
  {
    filename: 'k8s/a.yaml',
    status: 'modified',
    patch: '@@ -8,3 +8,4 @@\n ctx\n+added 9\n+added 10\n ctx',
  },
  {
    filename: 'k8s/b.yaml',
    status: 'added',
    patch: '@@ -0,0 +1,30 @@\n' + Array.from({ length: 30 }, (_, i) => `+l${i + 1}`).join('\n'),
  },
]);

describe('selectInline', () => {
  test('only findings on added lines, most severe first, at most max', () => {
    const s = selectInline({
      newFindings: [
        finding('ctx', { line: 8 }),
        finding('w', { line: 10 }),
        finding('e', { file: 'k8s/b.yaml', line: 20, severity: 'error' }),
        finding('i', { file: 'k8s/b.yaml', line: 3, severity: 'info' }),
        finding('elsewhere', { file: 'k8s/c.yaml', line: 1 }),
        finding('sup', { line: 9, suppressed: true }),
      ],
      changed,
      posted: new Set(),
      max: 2,
      key: '',
    });
    expect(s.comments.map((c) => `${c.path}:${c.line}:${c.fingerprint}`)).toEqual([
      'k8s/b.yaml:20:e',
      'k8s/a.yaml:10:w',
    ]);
    expect(s.overLimit).toBe(1);
    expect(s.comments[0]?.side).toBe('RIGHT');
  });

  test('never the same fingerprint twice, in a run or across runs', () => {
    const s = selectInline({
      newFindings: [
        finding('x', { line: 9 }),
        finding('x', { line: 10 }),
        finding('y', { line: 10 }),
      ],
      changed,
      posted: new Set(['y']),
      max: 10,
      key: '',
    });
    expect(s.comments.map((c) => c.fingerprint)).toEqual(['x']);
  });
});

describe('postedFingerprints', () => {
  test('ours, for this key', () => {
    const bot = { login: 'github-actions[bot]' };
    const comments = [
      { id: 1, path: 'a', user: bot, body: inlineBody(finding('aaaa'), '') },
      { id: 2, path: 'a', user: bot, body: inlineBody(finding('bbbb'), 'svc') },
      { id: 3, path: 'a', user: { login: 'mallory' }, body: inlineMarker('cccc', '') },
      { id: 4, path: 'a', user: bot, body: 'a reply without marker' },
    ];
    expect([...postedFingerprints(comments, '', 'github-actions[bot]')]).toEqual(['aaaa']);
    expect([...postedFingerprints(comments, 'svc', 'github-actions[bot]')]).toEqual(['bbbb']);
  });

  test('the body names the rule, the message and the fix, escaped', () => {
    const f = { ...finding('abc'), message: 'Container "<img>" has *no* CPU request @team' };
    const body = inlineBody(f, '');
    expect(body).toContain(
      '[`resources/cpu-request-missing`](https://example.com/resources/cpu-request-missing.md)',
    );
    expect(body).toContain('&lt;img&gt;');
    expect(body).toContain('\\*no\\*');
    expect(body).not.toContain('@team');
    expect(body).toContain('**Fix:** Fix it.');
    expect(body.endsWith('<!-- aigov-inline fingerprint="abc" -->')).toBe(true);
  });
});
