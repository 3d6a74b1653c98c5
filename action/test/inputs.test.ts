import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  InputError,
  inputVariable,
  lines,
  parseInputs,
} from '../src/lib/inputs';
import type { InputName } from '../src/lib/inputs';

const actionYml = parse(readFileSync(path.join(__dirname, '..', 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

function inputs(values: Partial<Record<InputName, string>>) {
  return parseInputs((name) => values[name] ?? '');
}

describe('action.yml', () => {
  test('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) {
      const declared = actionYml.inputs[name]?.default ?? '';
      if (name === 'github-token') expect(declared).toBe('${{ github.token }}');
      else expect(declared).toBe(INPUT_DEFAULTS[name]);
    }
  });

  test('declares the outputs and runs dist/index.js on node24', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(
      [
        'findings-count',
        'new-findings-count',
        'fixed-findings-count',
        'error-count',
        'warning-count',
        'info-count',
        'score',
        'grade',
        'conclusion',
        'comment-id',
        'comment-url',
        'sarif-file',
        'report-file',
      ].sort(),
    );
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('parseInputs', () => {
  test('defaults', () => {
    expect(inputs({})).toEqual({
      token: '',
      paths: ['.'],
      excludePaths: [],
      workingDirectory: '.',
      configFile: undefined,
      scope: 'changed-files',
      compareTo: 'base',
      failOn: 'error',
      commentMode: 'upsert',
      commentKey: '',
      inlineComments: 'off',
      maxInlineComments: 20,
      annotations: true,
      jobSummary: true,
      sarifFile: undefined,
      reportFile: undefined,
    });
  });

  test('multi-line lists drop blanks and comments', () => {
    expect(lines('  k8s/\n\n# generated\nhelm/out/**/*.yaml\r\n!k8s/tmp  \n')).toEqual([
      'k8s/',
      'helm/out/**/*.yaml',
      '!k8s/tmp',
    ]);
    expect(inputs({ paths: 'a\nb', 'exclude-paths': 'vendor/\n*.tmp.yaml' })).toMatchObject({
      paths: ['a', 'b'],
      excludePaths: ['vendor/', '*.tmp.yaml'],
    });
  });

  test.each([
    [
      'fail-on-severity',
      'critical',
      'input "fail-on-severity" must be one of error, warning, info, none (got "critical")',
    ],
    ['scope', 'some', 'input "scope" must be one of changed-files, all (got "some")'],
    ['compare-to', 'main', 'input "compare-to" must be one of base, none (got "main")'],
    [
      'comment-mode',
      'always',
      'input "comment-mode" must be one of upsert, recreate, on-findings, off (got "always")',
    ],
    [
      'inline-comments',
      'all',
      'input "inline-comments" must be one of off, changed-lines (got "all")',
    ],
    [
      'max-inline-comments',
      '-1',
      'input "max-inline-comments" must be a whole number from 0 to 100 (got "-1")',
    ],
    [
      'max-inline-comments',
      '101',
      'input "max-inline-comments" must be a whole number from 0 to 100 (got "101")',
    ],
    [
      'max-inline-comments',
      '2.5',
      'input "max-inline-comments" must be a whole number from 0 to 100 (got "2.5")',
    ],
    ['annotations', 'yes', 'input "annotations" must be true or false (got "yes")'],
    ['job-summary', '1', 'input "job-summary" must be true or false (got "1")'],
    ['comment-key', 'a -->b', 'input "comment-key" must be 1-100 characters'],
    ['comment-key', 'a--b', 'input "comment-key" must be 1-100 characters'],
    [
      'paths',
      '!only-exclusions',
      'input "paths" must name at least one path that is not an exclusion (!)',
    ],
  ] as const)('%s: %s is refused with a message naming the input', (name, value, message) => {
    expect(() => inputs({ [name]: value })).toThrow(InputError);
    expect(() => inputs({ [name]: value })).toThrow(message);
  });

  test('accepts the documented values', () => {
    expect(
      inputs({
        'fail-on-severity': 'none',
        scope: 'all',
        'compare-to': 'none',
        'comment-mode': 'on-findings',
        'comment-key': 'services/api:prod',
        'inline-comments': 'changed-lines',
        'max-inline-comments': '0',
        annotations: 'False',
        'job-summary': 'TRUE',
        'sarif-file': 'out/aigov.sarif',
      }),
    ).toMatchObject({
      failOn: 'none',
      scope: 'all',
      compareTo: 'none',
      commentMode: 'on-findings',
      commentKey: 'services/api:prod',
      inlineComments: 'changed-lines',
      maxInlineComments: 0,
      annotations: false,
      jobSummary: true,
      sarifFile: 'out/aigov.sarif',
    });
  });

  test('names the INPUT_* variables as the runner does: uppercased, hyphens kept', () => {
    expect(inputVariable('fail-on-severity')).toBe('INPUT_FAIL-ON-SEVERITY');
    expect(inputVariable('github-token')).toBe('INPUT_GITHUB-TOKEN');
  });
});
