/**
 * The demo portal's configuration and catalog, checked without starting it: the app-config.yaml
 * settings whose mistakes would only show in a browser on `npm start` (the end-to-end test
 * serves the app from the backend, on one origin), and the catalog generated from the demo
 * cluster.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DEMO_CUSTOM_RESOURCES, DEMO_DATA_HEADER } from '@aigov/demo-cluster';

interface DemoConfig {
  app: { baseUrl: string };
  backend: {
    baseUrl: string;
    cors?: { origin?: string | string[]; exposedHeaders?: string[]; credentials?: boolean };
  };
  proxy: { endpoints: Record<string, { allowedHeaders?: string[] }> };
  kubernetes: { customResources: { group: string; apiVersion: string; plural: string }[] };
}

const REPO_ROOT = path.join(__dirname, '..', '..');
const config = parse(readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8')) as DemoConfig;
const lower = (names: readonly string[] | undefined) => (names ?? []).map((n) => n.toLowerCase());

test('the Prometheus proxy passes the demo data header on', () => {
  expect(lower(config.proxy.endpoints['/prometheus']?.allowedHeaders)).toContain(
    DEMO_DATA_HEADER.toLowerCase(),
  );
});

test('a frontend on another origin may call the backend and read the demo data header', () => {
  const frontend = new URL(config.app.baseUrl).origin;
  const backend = new URL(config.backend.baseUrl).origin;
  expect(frontend).not.toBe(backend);
  const origins = [config.backend.cors?.origin ?? []].flat();
  expect(origins).toContain(frontend);
  expect(config.backend.cors?.credentials).toBe(true);
  expect(lower(config.backend.cors?.exposedHeaders)).toContain(DEMO_DATA_HEADER.toLowerCase());
});

test('the Kubernetes plugin reads the custom resources of the demo workloads', () => {
  expect(config.kubernetes.customResources).toEqual(DEMO_CUSTOM_RESOURCES);
});

test('the committed demo catalog is the demo cluster’s', () => {
  execFileSync(process.execPath, [path.join('scripts', 'generate-demo-catalog.mjs'), '--check'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
});
