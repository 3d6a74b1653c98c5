import { existsSync } from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The real-world manifest corpus: `$AIGOV_CORPUS`, else `../shared/corpus` beside the checkout,
 * else `/work/shared/corpus` (where it lives on the development and CI machines). Missing is an
 * error, not a skip: tests that quietly skip their evidence prove nothing.
 */
export function corpusDir(): string {
  const candidates = [
    process.env.AIGOV_CORPUS,
    path.resolve(REPO_ROOT, '..', 'shared', 'corpus'),
    '/work/shared/corpus',
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    `The manifest corpus was not found (looked in ${candidates.filter(Boolean).join(', ')}); set AIGOV_CORPUS.`,
  );
}
