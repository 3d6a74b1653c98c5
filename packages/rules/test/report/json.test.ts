import { JSON_REPORT_VERSION, formatJson, toJsonReport } from '../../src/report';
import { CLEAN, DEPLOYMENT, POD, scanYaml } from './fixtures';

interface JsonFinding {
  ruleId: string;
  file: string | null;
  line: number | null;
  object: { kind: string; name: string; namespace?: string } | null;
  container: string | null;
  fingerprint: string;
  suppressed: false | { kind: string; reason: string | null };
}

interface JsonReport {
  version: number;
  findings: JsonFinding[];
  score: { overall: number; grade: string; categories: Record<string, unknown> };
  files: { file: string; documents: number; objects: number }[];
}

describe('json', () => {
  it('has the documented shape: { version, findings, score, files }', () => {
    const input = scanYaml({
      'k8s/app.yaml': DEPLOYMENT,
      'k8s/pod.yaml': POD,
      'clean.yaml': CLEAN,
    });
    const text = formatJson(input);
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as JsonReport;
    expect(Object.keys(report)).toEqual(['version', 'findings', 'score', 'files']);
    expect(report.version).toBe(JSON_REPORT_VERSION);
    expect(report).toEqual(JSON.parse(JSON.stringify(toJsonReport(input))));
    expect(report.score).toEqual({
      overall: input.score.overall,
      grade: input.score.grade,
      categories: input.score.categories,
    });
    expect(report.files).toEqual([
      { file: 'k8s/app.yaml', documents: 1, objects: 1 },
      { file: 'k8s/pod.yaml', documents: 1, objects: 1 },
      { file: 'clean.yaml', documents: 1, objects: 1 },
    ]);
  });

  it('keeps suppressed findings, with their reason, and uses null for what is absent', () => {
    const input = scanYaml({ 'k8s/app.yaml': DEPLOYMENT });
    const report = JSON.parse(formatJson(input)) as JsonReport;
    expect(report.findings).toHaveLength(2);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'resources/cpu-request-missing',
      file: 'k8s/app.yaml',
      line: 13,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'api' },
      container: 'server',
      fingerprint: input.findings[0]?.fingerprint,
      suppressed: false,
    });
    expect(report.findings[1]?.suppressed).toEqual({
      kind: 'annotation',
      reason: 'the sidecar is <tiny> & idle',
    });
    const parse = JSON.parse(formatJson(scanYaml({ 'bad.yaml': 'kind: [\n' }))) as JsonReport;
    expect(parse.findings[0]).toMatchObject({
      ruleId: 'parse/yaml-invalid',
      object: null,
      container: null,
    });
  });
});
