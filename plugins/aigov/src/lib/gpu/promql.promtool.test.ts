/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LABEL_NAMES, podMetricQuery } from './promql';

// Prometheus's own parser (promtool, Debian's `prometheus` package) checks that every query the
// card builds is valid PromQL, hostile names included.
function findPromtool(): string | undefined {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return 'promtool';
  } catch {
    return undefined;
  }
}
const promtool = findPromtool();

// Skipped only outside CI: `npm test` installs promtool first (scripts/ensure-test-tools.mjs).
(promtool || process.env.CI ? it : it.skip)(
  'builds queries Prometheus parses, whatever the pod and namespace names',
  () => {
    if (!promtool)
      throw new Error('promtool is not installed (Debian: apt-get install prometheus)');
    const hostile = [
      'x"}) or vector(1) or (up{a=~"',
      'a\\b',
      'new\nline',
      'y|.*',
      '`',
      "'",
      'ümlaut',
      '{{x}}',
    ];
    const labels = [
      DEFAULT_LABEL_NAMES,
      { ...DEFAULT_LABEL_NAMES, exportedPod: '' },
      { ...DEFAULT_LABEL_NAMES, cluster: 'cluster' },
    ];
    const queries = labels.flatMap((l) =>
      ['avg', 'sum'].flatMap((agg) =>
        [
          { namespace: 'ml', pods: ['llm-7d9f-1', 'llm.2'] },
          { namespace: 'x"}) or vector(1) #', pods: hostile, cluster: 'a\\b' },
        ].map((s) => podMetricQuery('DCGM_FI_DEV_GPU_UTIL', agg as 'avg' | 'sum', s, l)),
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'aigov-promql-'));
    try {
      const file = join(dir, 'rules.yml');
      const rules = queries.map((q, i) => ({ record: `aigov:test${i}`, expr: q }));
      // JSON is YAML: the expressions go in as JSON strings, unchanged.
      writeFileSync(file, JSON.stringify({ groups: [{ name: 'aigov', rules }] }));
      const out = execFileSync('promtool', ['check', 'rules', file], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(out).toContain(`SUCCESS: ${queries.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
