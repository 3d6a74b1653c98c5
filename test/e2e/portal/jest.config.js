/**
 * The demo portal's browser end-to-end test: the real Backstage backend serving the built
 * frontend, the demo cluster (fake Kubernetes API), a real Prometheus scraping the DCGM exporter
 * fixture, and headless Chromium. Run with `npm run test:e2e` from the root, which builds first.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Each wait inside is bounded on its own; this only stops a test that hangs regardless.
  testTimeout: 180_000,
  // One portal, one browser: the tests share them and run in order.
  maxWorkers: 1,
};
