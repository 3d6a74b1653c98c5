import { runCli } from '../support/cli';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
}

interface JsonReport {
  findings: JsonFinding[];
  files: { file: string; objects: number }[];
}

// The whole folder, as `npm start` scans it: a complete set.
function scanExamples(): JsonReport {
  const r = runCli(['scan', 'examples', '--format', 'json', '--fail-on', 'none']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

const report = scanExamples();
const rulesIn = (file: string) => new Set(report.findings.filter((f) => f.file === file).map((f) => f.ruleId));

describe('examples', () => {
  it('scans the four example files', () => {
    expect(report.files.map((f) => f.file)).toEqual([
      'examples/inference/compliant.yaml',
      'examples/inference/non-compliant.yaml',
      'examples/training/compliant.yaml',
      'examples/training/non-compliant.yaml',
    ]);
  });

  it.each(['examples/inference/compliant.yaml', 'examples/training/compliant.yaml'])('%s has no error or warning', (file) => {
    expect(report.findings.filter((f) => f.file === file && f.severity !== 'info')).toEqual([]);
  });

  it('the non-compliant inference service shows the mistakes aigov exists to catch', () => {
    const ids = rulesIn('examples/inference/non-compliant.yaml');
    for (const id of [
      'gpu/limit-missing',
      'gpu/shm-missing',
      'gpu/startup-probe-missing',
      'gpu/probe-budget-too-short',
      'gpu/hpa-cpu-only',
      'storage/ephemeral-model-volume',
      'security/inference-endpoint-exposed',
      'security/secret-in-env',
      'security/image-tag-mutable',
      'security/network-policy-missing',
      'monitoring/metrics-not-scraped',
      'reliability/pdb-missing',
      'reliability/probes-identical',
      'scaling/hpa-min-replicas-low',
      'scaling/replicas-with-hpa',
      'resources/memory-limit-missing',
    ]) {
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
  });

  it('the non-compliant training job shows the mistakes aigov exists to catch', () => {
    const ids = rulesIn('examples/training/non-compliant.yaml');
    for (const id of [
      'gpu/request-limit-mismatch',
      'gpu/non-integer',
      'gpu/init-container-gpu',
      'gpu/shm-missing',
      'scaling/gang-scheduling-missing',
      'reliability/job-limits-missing',
      'reliability/checkpoint-volume-missing',
      'storage/ephemeral-model-volume',
      'security/secret-in-env',
    ]) {
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
  });
});
