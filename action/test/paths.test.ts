import { PathError, createSelector, joinRelative } from '../src/lib/paths';

const FILES = [
  '.aigov.yaml',
  'README.md',
  'k8s/api.yaml',
  'k8s/api.yml',
  'k8s/values.json',
  'k8s/notes.txt',
  'k8s/tmp/scratch.yaml',
  'k8s/vendor/chart.yaml',
  'services/a/k8s/deploy.yaml',
  'services/b/k8s/deploy.yaml',
  'services/b/.aigov.yml',
  'node_modules/pkg/x.yaml',
  'Dockerfile',
];

function select(prefix: string, paths: string[], exclude: string[] = []): string[] {
  const s = createSelector(prefix, paths, exclude);
  return FILES.filter((f) => s.selects(f));
}

describe('createSelector', () => {
  test('"." selects every manifest, not the configuration, not node_modules', () => {
    expect(select('', ['.'])).toEqual([
      'k8s/api.yaml',
      'k8s/api.yml',
      'k8s/values.json',
      'k8s/tmp/scratch.yaml',
      'k8s/vendor/chart.yaml',
      'services/a/k8s/deploy.yaml',
      'services/b/k8s/deploy.yaml',
    ]);
    expect(createSelector('', ['.'], []).roots).toEqual(['']);
  });

  test('directories, globs, negations and exclude-paths', () => {
    expect(select('', ['services/*/k8s'])).toEqual([
      'services/a/k8s/deploy.yaml',
      'services/b/k8s/deploy.yaml',
    ]);
    expect(select('', ['k8s/**/*.yaml', '!k8s/tmp'])).toEqual([
      'k8s/api.yaml',
      'k8s/vendor/chart.yaml',
    ]);
    expect(select('', ['k8s'], ['vendor/', '*.json'])).toEqual([
      'k8s/api.yaml',
      'k8s/api.yml',
      'k8s/tmp/scratch.yaml',
    ]);
    expect(createSelector('', ['k8s/**/*.yaml', 'k8s/tmp', 'services/*/k8s'], []).roots).toEqual([
      'k8s',
      'services',
    ]);
  });

  test('a file named explicitly is scanned whatever its extension', () => {
    expect(select('', ['Dockerfile', 'k8s/api.yaml'])).toEqual(['k8s/api.yaml', 'Dockerfile']);
    const s = createSelector('', ['Dockerfile', 'k8s'], []);
    expect(s.literals).toEqual(['Dockerfile', 'k8s']);
    expect(s.wholeDirectories((l) => l === 'Dockerfile')).toBe(false);
    expect(createSelector('', ['k8s', 'services/*'], []).wholeDirectories(() => false)).toBe(true);
  });

  test('paths and exclude-paths are relative to the working directory', () => {
    expect(select('services/b', ['.'])).toEqual(['services/b/k8s/deploy.yaml']);
    expect(select('services', ['.'], ['a/'])).toEqual(['services/b/k8s/deploy.yaml']);
    expect(select('services/a', ['../b/k8s'])).toEqual(['services/b/k8s/deploy.yaml']);
    expect(createSelector('services/a', ['k8s/*.yaml'], []).roots).toEqual(['services/a/k8s']);
  });

  test('a path outside the repository is an error', () => {
    expect(() => createSelector('', ['../elsewhere'], [])).toThrow(PathError);
    expect(joinRelative('a/b', '../../c/./d')).toBe('c/d');
    expect(joinRelative('', '.')).toBe('');
  });
});
