/**
 * The GitHub Action's end-to-end tests: action/dist/index.js run as a runner would, against a
 * fake GitHub API on 127.0.0.1. Run with `npx jest -c e2e/action/jest.config.js` from test/.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
  // The scenarios start child processes and git; two workers fit a 2-core machine.
  maxWorkers: 2,
};
