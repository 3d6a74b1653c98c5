/**
 * dist/index.js is committed: it must be what src/ builds to. A change to src/ (or to the rules
 * core it bundles, or to a dependency) without `npm run build -w @aigov/action` fails here.
 *
 * `npm test` builds before testing (turbo), which rewrites dist/ in the working tree; so under
 * CI the committed dist/ (git HEAD) is compared too: a stale dist/ in the commit fails CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..');
const DIST = ['dist/index.js', 'dist/index.js.map'];

function committed(file: string): string | undefined {
  const r = spawnSync('git', ['show', `HEAD:./${file}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return r.status === 0 ? r.stdout : undefined;
}

test('dist/ is what src/ builds to', () => {
  for (const file of DIST) expect(existsSync(path.join(root, file))).toBe(true);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--check'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

const underCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

(underCi ? test : test.skip)('the committed dist/ is the built one (CI)', () => {
  const inRepo =
    spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: root }).status === 0;
  if (!inRepo) return; // not a git checkout: nothing committed to compare with
  for (const file of DIST) {
    const inGit = committed(file);
    if (inGit === undefined)
      throw new Error(
        `action/${file} is not committed: the Action runs from the committed bundle.`,
      );
    const stale = inGit !== readFileSync(path.join(root, file), 'utf8');
    if (stale)
      throw new Error(
        `action/${file} in the commit is out of date with src/: run \`npm run build -w @aigov/action\` and commit action/dist.`,
      );
  }
});

test('the bundle starts on this Node.js and fails cleanly outside a runner', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe(
    '::error::aigov: GITHUB_REPOSITORY must be "owner/repo" (got ""); is this running in GitHub Actions?\n',
  );
});
