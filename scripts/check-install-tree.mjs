#!/usr/bin/env node
/**
 * Fails when the installed tree lacks a package the demo portal needs.
 *
 * npm can finish an install with exit code 0 yet leave packages out (seen here: a React peer range
 * conflict silently dropped @backstage/frontend-defaults, frontend-app-api and core-app-api; only
 * the type checker noticed). This check makes that a CI failure with a clear message:
 *
 *  1. every dependency that `npm ls --all` reports missing under the given workspaces (default:
 *     app and backend, which pull in the plugins) fails the check; "invalid" ranges, which the
 *     Backstage CLI's own tooling has by design, are printed but do not fail it;
 *  2. every direct dependency of those workspaces must be installed in a node_modules folder on
 *     the way up from the workspace (npm ls checks the version ranges).
 *
 * Usage: node scripts/check-install-tree.mjs [workspace...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspaces = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['app', 'backend'];
const workspaceDirs = { app: 'packages/app', backend: 'packages/backend' };

function npmLs() {
  const args = ['ls', '--all', '--json', ...workspaces.flatMap((name) => ['--workspace', name])];
  let output;
  try {
    output = execFileSync('npm', args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // npm ls exits 1 when it finds any problem; the JSON on stdout still describes the tree.
    output = error.stdout;
    if (!output) throw error;
  }
  return JSON.parse(output);
}

function findInstalled(fromDir, name) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return manifest;
    if (dir === path.dirname(dir)) return undefined;
  }
}

const failures = [];
const warnings = [];

const tree = npmLs();
for (const problem of tree.problems ?? []) {
  if (problem.startsWith('missing:')) failures.push(problem);
  else warnings.push(problem);
}

for (const name of workspaces) {
  const dir = path.join(root, workspaceDirs[name] ?? name);
  const manifestFile = path.join(dir, 'package.json');
  if (!existsSync(manifestFile)) {
    failures.push(`workspace ${name}: ${manifestFile} does not exist`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  for (const dependency of Object.keys(declared)) {
    if (!findInstalled(dir, dependency)) {
      failures.push(
        `missing: ${dependency}, declared by ${name} (${path.relative(root, manifestFile)})`,
      );
    }
  }
}

for (const warning of warnings) console.log(`note: ${warning}`);
if (failures.length > 0) {
  console.error(`The install tree of ${workspaces.join(', ')} is incomplete:`);
  for (const failure of failures) console.error(`  ${failure}`);
  console.error(
    'Run a fresh `npm install` and look for peer dependency conflicts (see docs/backstage.md).',
  );
  process.exit(1);
}
console.log(`Install tree of ${workspaces.join(', ')}: complete (${warnings.length} notes).`);
