/**
 * The action's inputs: read through a getter (the runner's INPUT_* variables in production, a
 * map in tests), validated, with the defaults of action.yml. A bad value is an InputError that
 * names the input, shown as one line.
 */
import type { Severity } from '@aigov/rules';

export type Scope = 'changed-files' | 'all';
export type CompareTo = 'base' | 'none';
export type FailOn = Severity | 'none';
export type CommentMode = 'upsert' | 'recreate' | 'on-findings' | 'off';
export type InlineMode = 'off' | 'changed-lines';

export interface Inputs {
  token: string;
  /** Entries of `paths`, trimmed, without blank lines and `#` comments. */
  paths: string[];
  excludePaths: string[];
  workingDirectory: string;
  configFile: string | undefined;
  scope: Scope;
  compareTo: CompareTo;
  failOn: FailOn;
  commentMode: CommentMode;
  commentKey: string;
  inlineComments: InlineMode;
  maxInlineComments: number;
  annotations: boolean;
  jobSummary: boolean;
  sarifFile: string | undefined;
  reportFile: string | undefined;
}

/** Defaults, the same as action.yml's (a test keeps them in step). */
export const INPUT_DEFAULTS = {
  'github-token': '',
  paths: '.',
  'exclude-paths': '',
  'working-directory': '.',
  'config-file': '',
  scope: 'changed-files',
  'compare-to': 'base',
  'fail-on-severity': 'error',
  'comment-mode': 'upsert',
  'comment-key': '',
  'inline-comments': 'off',
  'max-inline-comments': '20',
  annotations: 'true',
  'job-summary': 'true',
  'sarif-file': '',
  'report-file': '',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];

/** A bad input value: the message names the input and says what is allowed. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`input "${input}" ${detail}`);
    this.name = 'InputError';
  }
}

/** The environment variable the runner sets for an input: INPUT_ + name uppercased, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const MAX_INLINE_LIMIT = 100;
const KEY_PATTERN = /^[A-Za-z0-9._/:@+=-]{1,100}$/;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** YAML 1.2 core schema booleans, like core.getBooleanInput. */
function bool(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, `must be true or false (got "${value}")`);
}

/** Multi-line list: one entry per line, blank lines and lines starting with # left out. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function relativePath(name: string, value: string): string {
  if (value.includes('\0')) throw new InputError(name, 'must not contain NUL characters');
  return value;
}

export function parseInputs(get: (name: InputName) => string): Inputs {
  const read = (name: InputName): string => {
    const v = get(name).trim();
    return v === '' ? INPUT_DEFAULTS[name] : v;
  };
  const paths = lines(read('paths'));
  if (paths.length === 0) throw new InputError('paths', 'must name at least one path');
  if (paths.every((p) => p.startsWith('!')))
    throw new InputError('paths', 'must name at least one path that is not an exclusion (!)');
  for (const p of paths) relativePath('paths', p);

  const maxRaw = read('max-inline-comments');
  const max = Number(maxRaw);
  if (!/^\d+$/.test(maxRaw) || !Number.isSafeInteger(max) || max > MAX_INLINE_LIMIT)
    throw new InputError(
      'max-inline-comments',
      `must be a whole number from 0 to ${MAX_INLINE_LIMIT} (got "${maxRaw}")`,
    );

  const key = read('comment-key');
  if (key !== '' && (!KEY_PATTERN.test(key) || key.includes('--')))
    throw new InputError(
      'comment-key',
      `must be 1-100 characters of letters, digits and . _ / : @ + = -, without "--" (got "${key}")`,
    );

  const optionalPath = (name: InputName): string | undefined => {
    const v = read(name);
    return v === '' ? undefined : relativePath(name, v);
  };

  return {
    token: read('github-token'),
    paths,
    excludePaths: lines(read('exclude-paths')),
    workingDirectory: relativePath('working-directory', read('working-directory')),
    configFile: optionalPath('config-file'),
    scope: oneOf('scope', read('scope'), ['changed-files', 'all'] as const),
    compareTo: oneOf('compare-to', read('compare-to'), ['base', 'none'] as const),
    failOn: oneOf('fail-on-severity', read('fail-on-severity'), [
      'error',
      'warning',
      'info',
      'none',
    ] as const),
    commentMode: oneOf('comment-mode', read('comment-mode'), [
      'upsert',
      'recreate',
      'on-findings',
      'off',
    ] as const),
    commentKey: key,
    inlineComments: oneOf('inline-comments', read('inline-comments'), [
      'off',
      'changed-lines',
    ] as const),
    maxInlineComments: max,
    annotations: bool('annotations', read('annotations')),
    jobSummary: bool('job-summary', read('job-summary')),
    sarifFile: optionalPath('sarif-file'),
    reportFile: optionalPath('report-file'),
  };
}
