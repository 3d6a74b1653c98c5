import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPORT_FORMATS } from '@aigov/rules';
import type { ReportFormat } from '@aigov/rules';
import { main } from '../src/main';
import { capture, ONE_RULE_CONFIG } from './capture';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const CLI_VERSION = (require('../package.json') as { version: string }).version;

const BAD = `apiVersion: v1
kind: Pod
metadata: {name: bad}
spec:
  containers:
    - name: app
      image: app:1.0
`;

const GOOD = `apiVersion: v1
kind: Pod
metadata: {name: ok}
spec:
  containers:
    - name: app
      image: app:1.0
      resources: {requests: {cpu: 100m}}
`;

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aigov-formats-'));
  await write('.aigov.yaml', ONE_RULE_CONFIG);
  await write('k8s/my app.yaml', BAD);
  await write('k8s/good.yaml', GOOD);
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<void> {
  const file = path.join(dir, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await main(['scan', 'k8s', ...args], c, dir);
  return { code, out: c.out, err: c.err };
}

interface SarifRun {
  tool: { driver: { name: string; version: string; rules: { id: string }[] } };
  results: {
    ruleId: string;
    level: string;
    locations: {
      physicalLocation: {
        artifactLocation: { uri: string; uriBaseId: string };
        region: { startLine: number; startColumn: number };
      };
    }[];
    partialFingerprints: Record<string, string>;
  }[];
}

const CHECKS: Record<ReportFormat, (out: string) => void> = {
  text(out) {
    expect(out).toContain('k8s/my app.yaml');
    expect(out).toContain('6:7');
    expect(out).toContain('resources/cpu-request-missing');
    expect(out).not.toContain('\u001b[');
  },
  json(out) {
    const report = JSON.parse(out) as {
      version: number;
      findings: { file: string; line: number }[];
    };
    expect(report.version).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ file: 'k8s/my app.yaml', line: 6 }),
    ]);
  },
  sarif(out) {
    const log = JSON.parse(out) as { version: string; $schema: string; runs: SarifRun[] };
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [r] = log.runs;
    expect(r?.tool.driver).toMatchObject({ name: 'aigov', version: CLI_VERSION });
    expect(r?.tool.driver.rules.map((x) => x.id)).toEqual(['resources/cpu-request-missing']);
    expect(r?.results).toHaveLength(1);
    expect(r?.results[0]).toMatchObject({
      ruleId: 'resources/cpu-request-missing',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'k8s/my%20app.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 6, startColumn: 7 },
          },
        },
      ],
    });
    expect(r?.results[0]?.partialFingerprints['aigov/v1']).toMatch(/^[0-9a-f]{16}$/);
  },
  markdown(out) {
    expect(out).toMatch(/^## aigov\n\n⚠️ \*\*1 warning\*\* · score \*\*\d+\/100 \([A-F]\)\*\*\n/);
    expect(out).toContain('| Resources |');
    expect(out).toContain('### Findings (1)');
    expect(out).toContain('#### 📄 k8s/my app.yaml');
    expect(out).toContain('- ⚠️ **warning** line 6 — Container "app" has no CPU request.');
  },
  junit(out) {
    // The default --fail-on is error: the warning is a passing test case with its details.
    expect(out.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="aigov" tests="2" failures="0" errors="0" skipped="0">',
      '  <testsuite name="k8s/good.yaml" tests="1" failures="0" errors="0" skipped="0">',
    ]);
    expect(out).toContain(
      '<testcase classname="resources/cpu-request-missing" name="Pod bad: Container &quot;app&quot; has no CPU request." file="k8s/my app.yaml" line="6">',
    );
    expect(out.trimEnd().endsWith('</testsuites>')).toBe(true);
  },
};

describe('aigov scan --format', () => {
  it('offers every format of the rules core', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...REPORT_FORMATS].sort());
  });

  it.each(REPORT_FORMATS)('%s writes its format to stdout', async (format) => {
    const { code, out, err } = await run('--format', format);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    CHECKS[format](out);
  });

  it.each(REPORT_FORMATS)('%s writes the same report to --output', async (format) => {
    const stdout = await run('-f', format);
    const written = await run('-f', format, '-o', `reports/aigov.${format}`);
    expect(written.out).toBe('');
    const file = await fs.readFile(path.join(dir, 'reports', `aigov.${format}`), 'utf8');
    expect(file).toBe(stdout.out);
  });

  it('keeps the exit code of --fail-on whatever the format', async () => {
    for (const format of REPORT_FORMATS) {
      const { code, out } = await run('--format', format, '--fail-on', 'warning');
      expect(code).toBe(1);
      expect(out.length).toBeGreaterThan(0);
    }
  });

  it('junit marks as failures what --fail-on fails on', async () => {
    const { out } = await run('--format', 'junit', '--fail-on', 'warning');
    expect(out).toContain(
      '<testsuites name="aigov" tests="2" failures="1" errors="0" skipped="0">',
    );
    expect(out).toContain(
      '<testsuite name="k8s/my app.yaml" tests="1" failures="1" errors="0" skipped="0">',
    );
  });

  it('defaults to text', async () => {
    const { out } = await run();
    CHECKS.text(out);
  });
});
