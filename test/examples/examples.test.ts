import { runCli } from '../support/cli';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
}

function scan(file: string): JsonFinding[] {
  const r = runCli(['scan', file, '--format', 'json', '--fail-on', 'none']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

describe('examples', () => {
  it('the non-compliant inference service shows its mistakes', () => {
    const ids = new Set(scan('examples/inference/non-compliant.yaml').map((f) => f.ruleId));
    expect(ids).toContain('resources/cpu-request-missing');
  });
});
