import { addedLines, changedFiles } from '../src/lib/scope';

describe('addedLines', () => {
  test('new-side numbers of + lines, across hunks', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' apiVersion: apps/v1',
      '-kind: Deployment',
      '+kind: StatefulSet',
      '+# added',
      ' metadata:',
      '   name: api',
      '@@ -20,3 +21,3 @@ spec:',
      '         resources:',
      '-          cpu: 1',
      '+          cpu: 2',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...addedLines(patch)]).toEqual([2, 3, 22]);
  });

  test('a new file: every line', () => {
    expect([...addedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')]).toEqual([1, 2, 3]);
  });
});

describe('changedFiles', () => {
  test('statuses decide the head and base sides', () => {
    const c = changedFiles([
      { filename: 'a.yaml', status: 'modified', patch: '@@ -1 +1 @@\n-x\n+y' },
      { filename: 'b.yaml', status: 'added' },
      { filename: 'c.yaml', status: 'removed' },
      { filename: 'new/d.yaml', previous_filename: 'old/d.yaml', status: 'renamed' },
    ]);
    expect([...c.head].sort()).toEqual(['a.yaml', 'b.yaml', 'new/d.yaml']);
    expect([...c.base].sort()).toEqual(['a.yaml', 'c.yaml', 'old/d.yaml']);
    expect([...(c.addedLines.get('a.yaml') ?? [])]).toEqual([1]);
    expect(c.addedLines.has('b.yaml')).toBe(false);
    expect(c.count).toBe(4);
  });
});
