#!/usr/bin/env node
/**
 * `npm test` runs every test, and some run real programs from Debian: Chromium (the portal's
 * browser test), Prometheus and promtool (the GPU card's queries and metrics), PostgreSQL (the
 * backend's storage). This makes sure they are installed before the tests start: missing ones
 * are installed with apt-get when that is possible without asking (root, or passwordless sudo);
 * otherwise it says what to install and stops, rather than letting those tests fail one by one.
 *
 * `npm run test:unit` leaves out the browser test and skips the checks whose programs are missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasPostgres() {
  const root = '/usr/lib/postgresql';
  if (process.env.AIGOV_PG_BIN) return existsSync(path.join(process.env.AIGOV_PG_BIN, 'postgres'));
  if (!existsSync(root)) return false;
  return readdirSync(root).some((v) => existsSync(path.join(root, v, 'bin', 'postgres')));
}

// Where the browser test looks for them (test/e2e/portal/support).
const chromium = process.env.AIGOV_E2E_CHROMIUM ?? '/usr/bin/chromium';
const prometheus = process.env.AIGOV_E2E_PROMETHEUS ?? '/usr/bin/prometheus';
const needs = [
  { pkg: 'chromium', what: 'Chromium for the browser test', ok: () => existsSync(chromium) },
  {
    pkg: 'prometheus',
    what: 'Prometheus and promtool for the GPU metrics tests',
    ok: () => existsSync(prometheus) && onPath('promtool'),
  },
  { pkg: 'postgresql', what: 'PostgreSQL for the backend storage tests', ok: hasPostgres },
];

const missing = needs.filter((n) => !n.ok());
if (missing.length === 0) process.exit(0);

const packages = missing.map((n) => n.pkg);
const list = missing.map((n) => `  ${n.pkg.padEnd(11)} ${n.what}`).join('\n');

function installer() {
  if (!onPath('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
    return ['sudo', '-n'];
  return undefined;
}

const prefix = installer();
if (!prefix) {
  console.error(
    `npm test needs Debian packages that are not installed:\n${list}\n\n` +
      `Install them (sudo apt-get install -y ${packages.join(' ')}) and run npm test again, ` +
      'or run `npm run test:unit`, which leaves out the browser test and skips the checks whose programs are missing.',
  );
  process.exit(1);
}

console.log(`Installing what the tests need with apt-get:\n${list}`);
const run = (args) => {
  const [command, ...rest] = [...prefix, ...args];
  const result = spawnSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(
      `\`${[command, ...rest].join(' ')}\` failed (exit ${result.status ?? 'signal'}).`,
    );
    process.exit(1);
  }
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', ...packages]);

const still = needs.filter((n) => !n.ok());
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map((n) => n.pkg).join(', ')}.`);
  process.exit(1);
}
