'use strict';
/**
 * Lets `node -r ./support/register-ts.js script.ts` run TypeScript (the benchmarks) with the
 * same swc transform Jest uses: types are stripped, not checked (`npm run typecheck` does that).
 */
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  });
  module._compile(code, filename);
};
