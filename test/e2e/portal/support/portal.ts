/**
 * The demo portal as the end-to-end test runs it: the Backstage backend (packages/backend) from
 * source through the Backstage CLI's TypeScript transform, serving the production build of the
 * frontend (packages/app/dist) on one free loopback port. Configuration: app-config.yaml, then
 * app-config.e2e.yaml, then a generated file with the port.
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  fetchWithTimeout,
  freePort,
  startProcess,
  stopOnFailure,
  waitFor,
  type ManagedProcess,
} from './processes';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BACKEND_DIR = path.join(REPO_ROOT, 'packages', 'backend');
const APP_DIST_INDEX = path.join(REPO_ROOT, 'packages', 'app', 'dist', 'index.html');

export interface Portal {
  /** http://127.0.0.1:<port>: frontend and backend. */
  readonly url: string;
  readonly process: ManagedProcess;
  /** A guest user's Backstage token, for API calls from the test. */
  guestToken(): Promise<string>;
  /** GET an API path (`/api/...`) as the guest; the parsed JSON body. */
  api<T>(apiPath: string, init?: RequestInit): Promise<T>;
  stop(): Promise<void>;
}

export interface StartPortalOptions {
  dir: string;
  clusterUrl: string;
  clusterToken: string;
  prometheusUrl: string;
  /** More environment for the backend (e.g. settings the config reads through ${...}). */
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export async function startPortal(options: StartPortalOptions): Promise<Portal> {
  if (!existsSync(APP_DIST_INDEX)) {
    throw new Error(
      `The frontend is not built (${APP_DIST_INDEX} is missing): run "npx turbo run build --filter=app..." first, ` +
        'or use "npm run test:e2e", which does.',
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const portConfig = path.join(options.dir, 'app-config.ports.yaml');
  writeFileSync(
    portConfig,
    [
      'app:',
      `  baseUrl: ${url}`,
      'backend:',
      `  baseUrl: ${url}`,
      '  listen:',
      `    port: ${port}`,
      '    host: 127.0.0.1',
      '  cors:',
      `    origin: ${url}`,
      '',
    ].join('\n'),
  );
  const transform = require.resolve('@backstage/cli-node/config/nodeTransform.cjs');
  const child = startProcess({
    name: 'backend',
    command: process.execPath,
    args: [
      '--enable-source-maps',
      '--require',
      transform,
      'src/index.ts',
      '--config',
      path.join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      path.join(REPO_ROOT, 'app-config.e2e.yaml'),
      '--config',
      portConfig,
    ],
    cwd: BACKEND_DIR,
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: 'development',
      AIGOV_DEMO_CLUSTER_URL: options.clusterUrl,
      AIGOV_DEMO_CLUSTER_TOKEN: options.clusterToken,
      AIGOV_PROMETHEUS_URL: options.prometheusUrl,
    },
    logFile: path.join(options.dir, 'backend.log'),
  });

  await stopOnFailure(
    child,
    waitFor(
      async () => {
        const response = await fetchWithTimeout(`${url}/.backstage/health/v1/readiness`);
        return response.ok ? true : undefined;
      },
      {
        what: 'the backend to be ready',
        timeoutMs: options.timeoutMs,
        intervalMs: 500,
        process: child,
      },
    ),
  );

  let token: string | undefined;
  async function guestToken(): Promise<string> {
    if (token) return token;
    const response = await fetchWithTimeout(`${url}/api/auth/guest/refresh?env=development`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (!response.ok) throw new Error(`guest sign-in failed: HTTP ${response.status}`);
    const body = (await response.json()) as { backstageIdentity?: { token?: string } };
    const value = body.backstageIdentity?.token;
    if (!value) throw new Error('guest sign-in returned no token');
    token = value;
    return value;
  }

  async function api<T>(apiPath: string, init: RequestInit = {}): Promise<T> {
    const response = await fetchWithTimeout(
      `${url}${apiPath}`,
      {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          Authorization: `Bearer ${await guestToken()}`,
        },
      },
      15_000,
    );
    if (!response.ok) {
      throw new Error(
        `${init.method ?? 'GET'} ${apiPath}: HTTP ${response.status} ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }

  return { url, process: child, guestToken, api, stop: () => child.stop() };
}
