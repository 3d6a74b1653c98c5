import { compareFindings } from '../src/lib/compare';
import { finding } from './findings';

describe('compareFindings', () => {
  test('new, existing and fixed by fingerprint, whatever the file and line', () => {
    const head = [finding('a', { line: 30 }), finding('b', { file: 'renamed.yaml' }), finding('n')];
    const base = [finding('a', { line: 10 }), finding('b', { file: 'old.yaml' }), finding('f')];
    const c = compareFindings(head, head, base, base);
    expect(c.new.map((f) => f.fingerprint)).toEqual(['n']);
    expect(c.existing.map((f) => f.fingerprint)).toEqual(['a', 'b']);
    expect(c.fixed.map((f) => f.fingerprint)).toEqual(['f']);
  });

  test('counts as multisets', () => {
    const head = [finding('a'), finding('a')];
    const base = [finding('a'), finding('b'), finding('b')];
    const c = compareFindings(head, head, base, base);
    expect(c.new).toHaveLength(1);
    expect(c.existing).toHaveLength(1);
    expect(c.fixed.map((f) => f.fingerprint)).toEqual(['b', 'b']);
  });

  test('a finding moved to or from a file outside the scope is neither new nor fixed', () => {
    const moved = finding('m', { file: 'unchanged.yaml' });
    // Head in scope has m (moved in from an unchanged file's object on base).
    const c1 = compareFindings([finding('m')], [finding('m')], [], [moved]);
    expect(c1.new).toHaveLength(0);
    expect(c1.existing).toHaveLength(1);
    // Base in scope had m, now in a file the pull request does not change.
    const c2 = compareFindings([], [moved], [finding('m')], [finding('m')]);
    expect(c2.fixed).toHaveLength(0);
  });
});
