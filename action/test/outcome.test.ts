import { annotationsFor, conclusionOf, countOutputs } from '../src/lib/outcome';
import { finding } from './findings';

const score = { overall: 72, grade: 'C' as const, categories: {}, checks: 10, failed: 3 };

describe('conclusionOf', () => {
  const warn = [
    finding('w', { severity: 'warning' }),
    finding('s', { severity: 'error', suppressed: true }),
  ];
  test.each([
    ['error', 'success'],
    ['warning', 'failure'],
    ['info', 'failure'],
    ['none', 'success'],
  ] as const)('fail-on %s: %s (suppressed findings never count)', (failOn, expected) => {
    expect(conclusionOf(warn, failOn)).toBe(expected);
  });
});

describe('annotationsFor', () => {
  test('at or above the threshold, new first, with the place and the fix', () => {
    const findings = [
      finding('old-e', { severity: 'error', line: 5 }),
      finding('new-w', { severity: 'warning', line: 7 }),
      finding('new-i', { severity: 'info', line: 9 }),
    ];
    const isNew = (f: { fingerprint: string }) => f.fingerprint.startsWith('new');
    const a = annotationsFor(findings, 'warning', isNew);
    expect(a.map((x) => `${x.level}:${x.startLine}`)).toEqual(['warning:7', 'error:5']);
    expect(a[0]).toMatchObject({
      file: 'k8s/a.yaml',
      title: 'aigov resources/cpu-request-missing',
      startLine: 7,
      endLine: 7,
      startColumn: 5,
      endColumn: 9,
    });
    expect(a[0]?.message).toBe(
      'Finding new-w (Deployment ml/api)\nFix: Fix it.\nhttps://example.com/resources/cpu-request-missing.md',
    );
    expect(annotationsFor(findings, 'info', isNew).map((x) => x.level)).toEqual([
      'warning',
      'notice',
      'error',
    ]);
    expect(annotationsFor(findings, 'none', isNew)).toHaveLength(2);
  });
});

describe('countOutputs', () => {
  test('with and without a comparison', () => {
    const active = [
      finding('a', { severity: 'error' }),
      finding('b'),
      finding('c', { severity: 'info' }),
    ];
    expect(countOutputs(active, score, { new: [active[0] as never], fixed: [] }, 'error')).toEqual({
      'findings-count': 3,
      'new-findings-count': 1,
      'fixed-findings-count': 0,
      'error-count': 1,
      'warning-count': 1,
      'info-count': 1,
      score: 72,
      grade: 'C',
      conclusion: 'failure',
    });
    expect(countOutputs(active, score, undefined, 'none')).toMatchObject({
      'new-findings-count': 3,
      'fixed-findings-count': 0,
      conclusion: 'success',
    });
  });
});

describe('limitAnnotations', () => {
  test('at most 10 per level, in order', async () => {
    const { limitAnnotations } = await import('../src/lib/review');
    const many = Array.from({ length: 25 }, (_, i) =>
      finding(`f${i}`, { line: i + 1, severity: i % 2 ? 'warning' : 'error' }),
    );
    const a = limitAnnotations(annotationsFor(many, 'warning', () => false));
    expect(a.filter((x) => x.level === 'error')).toHaveLength(10);
    expect(a.filter((x) => x.level === 'warning')).toHaveLength(10);
    expect(a[0]?.startLine).toBe(1);
  });
});
