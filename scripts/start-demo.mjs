#!/usr/bin/env node
/**
 * Starts the aigov demo portal: no real cluster or Prometheus needed.
 *
 *  1. builds what the portal runs from build output (the rules core, the demo cluster);
 *  2. starts the demo cluster (packages/demo-cluster) on a free loopback port: a Kubernetes API
 *     with the demo teams' AI services, and a Prometheus-compatible API with their GPU usage;
 *  3. runs `backstage-cli repo start` (frontend on http://localhost:3000, backend on :7007) with
 *     app-config.yaml (and app-config.local.yaml when present) and the demo cluster's address;
 *  4. on Ctrl-C (or when the portal exits) stops everything it started.
 *
 * Environment:
 *   PROMETHEUS_URL   a real Prometheus for the GPU card (default: the demo cluster's, whose
 *                    answers the plugin labels as demo data)
 *   AIGOV_DEMO_SKIP_BUILD=1  skip step 1 (when `npm start` has just built)
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const FRONTEND_URL = 'http://localhost:3000';
const BACKEND_URL = 'http://localhost:7007';
const STARTUP_TIMEOUT_MS = 5 * 60_000;
const STOP_GRACE_MS = 10_000;

function log(message) {
  console.log(`[demo] ${message}`);
}

function fail(message) {
  console.error(`[demo] ${message}`);
  process.exit(1);
}

function build() {
  if (process.env.AIGOV_DEMO_SKIP_BUILD === '1') return;
  log('building the demo cluster and what the plugins run from build output…');
  const result = spawnSync(
    path.join(BIN, 'turbo'),
    [
      'run',
      'build',
      '--output-logs=errors-only',
      '--filter=@aigov/demo-cluster...',
      '--filter=@aigov/backstage-plugin^...',
      '--filter=@aigov/backstage-plugin-backend^...',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) fail('the build failed (see above)');
}

/** Resolves when nothing listens on the port of `url` (IPv4 and IPv6 loopback). */
async function assertPortFree(url) {
  const { port } = new URL(url);
  for (const host of ['127.0.0.1', '::1']) {
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once('error', (error) => resolve(error.code === 'EADDRNOTAVAIL'));
      server.listen(Number(port), host, () => server.close(() => resolve(true)));
    });
    if (!free) {
      fail(
        `port ${port} is in use (${url} must be free for the demo portal); stop what uses it and retry`,
      );
    }
  }
}

async function waitUntilUp(url, child) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (response.ok) return true;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
}

async function main() {
  build();
  const distIndex = path.join(ROOT, 'packages', 'demo-cluster', 'dist', 'index.js');
  if (!existsSync(distIndex)) fail(`${distIndex} is missing: build @aigov/demo-cluster first`);
  const { startDemoCluster } = await import('@aigov/demo-cluster');

  await assertPortFree(FRONTEND_URL);
  await assertPortFree(BACKEND_URL);

  const token = randomBytes(24).toString('hex');
  const cluster = await startDemoCluster({ token });
  const prometheusUrl = process.env.PROMETHEUS_URL || cluster.prometheusUrl;
  log(`demo cluster: Kubernetes API at ${cluster.url}`);
  log(
    process.env.PROMETHEUS_URL
      ? `Prometheus: ${prometheusUrl}`
      : `Prometheus: the demo cluster's metrics API at ${prometheusUrl} (demo data)`,
  );

  const configs = ['app-config.yaml', 'app-config.local.yaml']
    .map((file) => path.join(ROOT, file))
    .filter((file) => existsSync(file))
    .flatMap((file) => ['--config', file]);
  const headless =
    process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  // Its own process group, so that stopping it stops the frontend and backend it starts.
  const portal = spawn(path.join(BIN, 'backstage-cli'), ['repo', 'start', ...configs], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      AIGOV_DEMO_CLUSTER_URL: cluster.url,
      AIGOV_DEMO_CLUSTER_TOKEN: token,
      AIGOV_PROMETHEUS_URL: prometheusUrl,
      ...(headless && !process.env.BROWSER ? { BROWSER: 'none' } : {}),
    },
  });

  let stopping = false;
  const exited = new Promise((resolve) =>
    portal.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );

  async function stop(code) {
    if (stopping) return;
    stopping = true;
    log('stopping the portal and the demo cluster…');
    const signalGroup = (signal) => {
      try {
        process.kill(-portal.pid, signal);
      } catch {
        // already gone
      }
    };
    signalGroup('SIGINT');
    const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    signalGroup('SIGKILL');
    await cluster.close();
    process.exit(code);
  }

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  exited.then((code) => {
    if (!stopping) {
      log(`the portal exited (${code})`);
      void stop(code === 0 ? 0 : 1);
    }
  });

  const up =
    (await waitUntilUp(`${BACKEND_URL}/.backstage/health/v1/readiness`, portal)) &&
    (await waitUntilUp(FRONTEND_URL, portal));
  if (stopping) return;
  if (!up) {
    log(`the portal did not come up within ${STARTUP_TIMEOUT_MS / 1000} s`);
    await stop(1);
    return;
  }
  log('');
  log(`The demo portal is up: ${FRONTEND_URL}  (sign in as a guest)`);
  log(`  a service:  ${FRONTEND_URL}/catalog/default/component/chat-assistant/aigov`);
  log('  Ctrl-C stops the portal and the demo cluster.');
}

main().catch((error) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
