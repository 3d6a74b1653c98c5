import * as path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { Finding } from '../../src/model';
import {
  SARIF_FINGERPRINT_KEY,
  SRCROOT,
  sarifArtifactLocation,
  formatSarif,
  toSarifLog,
} from '../../src/report';
import type { ReportInput } from '../../src/report';
import { CLEAN, CPU_RULE_ID, DEPLOYMENT, POD, scanYaml, withSeverity } from './fixtures';

// The official OASIS schema as shipped by @microsoft/jest-sarif. It is written in draft-04
// (`id` rather than `$id`), which Ajv 8 reads once the root id is renamed; its `anyOf`
// branches require properties declared next to them, which Ajv's strict mode rejects, and one
// of its patterns (`language`) has a stray `]` that is only valid without the `u` flag.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<
  string,
  unknown
>;

/** RFC 3986 URI-reference characters, with every `%` starting a valid escape. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

function sarifValidator(): ValidateFunction {
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (v: string) => URI_REFERENCE.test(v) && /^[A-Za-z][\w+.-]*:/.test(v));
  ajv.addFormat('uri-reference', (v: string) => URI_REFERENCE.test(v));
  ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
  return ajv.compile({ ...rest, $id: String(id) });
}

const validate = sarifValidator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

function sample(): ReportInput {
  return scanYaml({
    'k8s/app deploy.yaml': DEPLOYMENT,
    'k8s/pod.yaml': POD,
    'clean.yaml': CLEAN,
    'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n',
  });
}

describe('sarif', () => {
  it('is a valid SARIF 2.1.0 log', () => {
    const input = sample();
    const text = formatSarif(input, { toolVersion: '1.2.3' });
    const log = JSON.parse(text) as unknown;
    expectValid(log);
    expect(text.endsWith('}\n')).toBe(true);
    expect(log).toMatchObject({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'aigov', version: '1.2.3' } },
          originalUriBaseIds: { [SRCROOT]: {} },
          invocations: [{ executionSuccessful: true }],
        },
      ],
    });
  });

  it('is checked by a validator that does reject broken logs', () => {
    const good = JSON.parse(formatSarif(sample())) as {
      runs: { results: { level: string; locations: unknown[] }[] }[];
    };
    const broken = (mutate: (log: typeof good) => void): typeof good => {
      const copy = structuredClone(good);
      mutate(copy);
      return copy;
    };
    const badLevel = broken((l) => {
      const r = l.runs[0]?.results[0];
      if (r) r.level = 'fatal';
    });
    const badUri = broken((l) => {
      const r = l.runs[0]?.results[0];
      if (r) r.locations = [{ physicalLocation: { artifactLocation: { uri: 'my dir\\x.yaml' } } }];
    });
    for (const log of [badUri, badLevel, { version: '2.1.0' }, { ...good, version: '2.0.0' }])
      expect(validate(log)).toBe(false);
    expect(validate(good)).toBe(true);
  });

  it('describes every rule that has a result, once, and points results at it', () => {
    const input = sample();
    const run = toSarifLog(input).runs[0];
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['parse/yaml-invalid', CPU_RULE_ID]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    const cpu = run.tool.driver.rules[1];
    expect(cpu).toMatchObject({
      id: CPU_RULE_ID,
      name: 'ResourcesCpuRequestMissing',
      shortDescription: { text: 'A container without a CPU request.' },
      helpUri: `https://github.com/aigov-dev/aigov/blob/main/docs/rules/${CPU_RULE_ID}.md`,
      defaultConfiguration: { level: 'warning' },
      properties: {
        category: 'resources',
        tags: ['resources', 'scheduling'],
        precision: 'high',
        'problem.severity': 'warning',
      },
    });
    expect(cpu?.fullDescription.text).toMatch(/^The scheduler places pods by their requests/);
    expect(cpu?.help.markdown).toContain('**How to fix:** Set resources.requests.cpu');
    expect(cpu?.help.markdown).toContain(`[Documentation](${cpu?.helpUri})`);
  });

  it('maps severities to levels and keeps the configured severity per result', () => {
    const [f] = scanYaml({ 'pod.yaml': POD }).findings as Finding[];
    if (!f) throw new Error('expected a finding');
    const input: ReportInput = {
      ...scanYaml({ 'pod.yaml': POD }),
      findings: [withSeverity(f, 'error', 'e'), f, withSeverity(f, 'info', 'i')],
    };
    const log = toSarifLog(input);
    expect(log.runs[0].results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
    expectValid(JSON.parse(JSON.stringify(log)));
  });

  it('locates file findings by relative URI and region, and names the object and container', () => {
    const run = toSarifLog(sample()).runs[0];
    const server = run.results.find((r) => r.message.text.includes('"server"'));
    expect(server?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'k8s/app%20deploy.yaml', uriBaseId: SRCROOT, index: 0 },
          region: { startLine: 13, startColumn: 11, endLine: 15, endColumn: 1 },
        },
        logicalLocations: [
          {
            name: 'server',
            fullyQualifiedName: 'ml/Deployment/api/server',
            kind: 'member',
            index: 1,
          },
        ],
      },
    ]);
    expect(run.logicalLocations.slice(0, 2)).toEqual([
      {
        name: 'api',
        fullyQualifiedName: 'ml/Deployment/api',
        kind: 'resource',
        index: 0,
        properties: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml' },
      },
      {
        name: 'server',
        fullyQualifiedName: 'ml/Deployment/api/server',
        kind: 'member',
        index: 1,
        parentIndex: 0,
      },
    ]);
    expect(run.artifacts.map((a) => a.location.uri)).toEqual([
      'k8s/app%20deploy.yaml',
      'k8s/pod.yaml',
      'clean.yaml',
      'broken.yaml',
    ]);
    const parse = run.results.find((r) => r.ruleId === 'parse/yaml-invalid');
    expect(parse?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe('broken.yaml');
    expect(parse?.locations[0]?.logicalLocations).toBeUndefined();
  });

  it('gives a file-only location without lines and a logical-only one for live objects', () => {
    const [f] = scanYaml({ 'pod.yaml': POD }).findings as Finding[];
    if (!f) throw new Error('expected a finding');
    const { line: _l, column: _c, endLine: _el, endColumn: _ec, ...noLines } = f;
    const { file: _f, ...live } = noLines;
    const input: ReportInput = {
      findings: [noLines, { ...live, cluster: 'prod', fingerprint: 'live' }],
      score: scanYaml({}).score,
      files: [],
    };
    const log = toSarifLog(input);
    expectValid(JSON.parse(JSON.stringify(log)));
    const [fileOnly, liveOnly] = log.runs[0].results;
    expect(fileOnly?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'pod.yaml', uriBaseId: SRCROOT, index: 0 },
    });
    expect(liveOnly?.locations[0]?.physicalLocation).toBeUndefined();
    expect(liveOnly?.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe(
      'Pod/train_*job*/<b>@octocat</b>|`x`',
    );
    expect(liveOnly?.properties).toMatchObject({ cluster: 'prod' });
  });

  it('writes relative URIs with forward slashes, percent-encoded', () => {
    const cases: [string, string, string | undefined][] = [
      ['k8s/app.yaml', 'k8s/app.yaml', SRCROOT],
      ['./k8s/app.yaml', 'k8s/app.yaml', SRCROOT],
      ['k8s\\win\\app.yaml', 'k8s/win/app.yaml', SRCROOT],
      ['my dir/a#b?.yaml', 'my%20dir/a%23b%3F.yaml', SRCROOT],
      ['ünï/50%.yaml', '%C3%BCn%C3%AF/50%25.yaml', SRCROOT],
      ['<stdin>', '%3Cstdin%3E', SRCROOT],
      ['a:b.yaml', 'a%3Ab.yaml', SRCROOT],
      ["it's (1).yaml", 'it%27s%20%281%29.yaml', SRCROOT],
      ['../other/app.yaml', '../other/app.yaml', SRCROOT],
      ['/abs/x y.yaml', 'file:///abs/x%20y.yaml', undefined],
      ['C:\\repo\\x.yaml', 'file:///C:/repo/x.yaml', undefined],
    ];
    for (const [file, uri, base] of cases) {
      const loc = sarifArtifactLocation(file);
      expect(loc).toEqual(base ? { uri, uriBaseId: base } : { uri });
      expect(loc.uri).toMatch(URI_REFERENCE);
      // Resolving against the base gives back the file (a relative reference never
      // turns into a scheme or a fragment).
      if (base) {
        const resolved = new URL(loc.uri, 'file:///root/sub/');
        expect(resolved.search + resolved.hash).toBe('');
        const expected = file.replace(/\\/g, '/');
        expect(decodeURIComponent(resolved.pathname)).toBe(
          path.posix.normalize(`/root/sub/${expected}`),
        );
      }
    }
    const run = toSarifLog(sample()).runs[0];
    for (const r of run.results) {
      const uri = r.locations[0]?.physicalLocation?.artifactLocation.uri ?? '';
      expect(uri).not.toMatch(/^\/|\\|^[a-z]+:/i);
    }
  });

  it('carries the fingerprint, stable when lines move', () => {
    const before = toSarifLog(scanYaml({ 'app.yaml': DEPLOYMENT })).runs[0].results;
    const after = toSarifLog(scanYaml({ 'app.yaml': `# a comment\n# another\n${DEPLOYMENT}` }))
      .runs[0].results;
    const input = scanYaml({ 'app.yaml': DEPLOYMENT });
    expect(before.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY])).toEqual(
      input.findings.map((f) => f.fingerprint),
    );
    expect(after.map((r) => r.partialFingerprints)).toEqual(
      before.map((r) => r.partialFingerprints),
    );
    expect(after.map((r) => r.locations[0]?.physicalLocation?.region?.startLine)).toEqual(
      before.map((r) => (r.locations[0]?.physicalLocation?.region?.startLine ?? 0) + 2),
    );
  });

  it('keeps suppressed findings as suppressed, with their justification', () => {
    const annotated = toSarifLog(scanYaml({ 'app.yaml': DEPLOYMENT })).runs[0].results;
    expect(annotated.map((r) => r.suppressions)).toEqual([
      undefined,
      [{ kind: 'inSource', status: 'accepted', justification: 'the sidecar is <tiny> & idle' }],
    ]);

    const exempted = toSarifLog(
      scanYaml(
        { 'pod.yaml': POD },
        {
          exemptions: [
            { kind: 'Pod', rules: ['resources/*'], reason: 'batch pods are best effort' },
          ],
        },
      ),
    );
    expect(exempted.runs[0].results[0]?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'batch pods are best effort' },
    ]);
    expectValid(JSON.parse(JSON.stringify(exempted)));

    const noReason = toSarifLog(
      scanYaml({ 'app.yaml': DEPLOYMENT.replace(/ {4}aigov.dev\/ignore-reason.*\n/, '') }),
    );
    expect(noReason.runs[0].results[1]?.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted' },
    ]);
  });

  it('reports crashed rules as notifications and unknown rules with fallback metadata', () => {
    const input = sample();
    const [f] = input.findings.filter((x) => x.ruleId === CPU_RULE_ID);
    if (!f) throw new Error('expected a finding');
    const log = toSarifLog({
      ...input,
      findings: [{ ...f, ruleId: 'custom/thing', docsUrl: 'https://example.com/thing' }],
      ruleErrors: [{ ruleId: 'gpu/limit-missing', message: 'boom' }],
    });
    expectValid(JSON.parse(JSON.stringify(log)));
    expect(log.runs[0].tool.driver.rules).toMatchObject([
      { id: 'custom/thing', name: 'CustomThing', helpUri: 'https://example.com/thing' },
    ]);
    expect(log.runs[0].invocations[0]?.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Rule gpu/limit-missing failed and was skipped: boom' },
        associatedRule: { id: 'gpu/limit-missing' },
      },
    ]);
  });

  it('is valid with no findings at all', () => {
    const log = toSarifLog(scanYaml({ 'clean.yaml': CLEAN }), { srcRoot: 'file:///home/me/repo' });
    expectValid(JSON.parse(JSON.stringify(log)));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
    expect(log.runs[0].originalUriBaseIds[SRCROOT]?.uri).toBe('file:///home/me/repo/');
  });
});
