import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/main';
import { ONE_RULE_CONFIG, capture } from './capture';

const GOOD = `apiVersion: v1
kind: Pod
metadata: {name: ok}
spec:
  containers:
    - name: app
      image: app:1.0
      resources: {requests: {cpu: 100m}}
`;

const BAD = `apiVersion: v1
kind: Pod
metadata: {name: bad}
spec:
  containers:
    - name: app
      image: app:1.0
`;

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aigov-cli-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

describe('aigov', () => {
  it('prints usage and exits 2 without a command', async () => {
    const c = capture();
    expect(await main([], c, dir)).toBe(2);
    expect(c.out).toContain('Usage: aigov');
  });

  it('rejects an unknown command, format or option with one line and exit 2', async () => {
    for (const args of [
      ['frobnicate'],
      ['scan', '--format', 'xml'],
      ['scan', '--fail-on', 'critical'],
      ['scan', '--bogus'],
    ]) {
      const c = capture();
      expect(await main(args, c, dir)).toBe(2);
      expect(c.err.trim().split('\n')).toHaveLength(1);
      expect(c.err).toMatch(/^aigov: /);
    }
  });

  it('exits 2 when a path does not exist', async () => {
    const c = capture();
    expect(await main(['scan', 'nope.yaml'], c, dir)).toBe(2);
    expect(c.err).toBe('aigov: no such file or directory: nope.yaml\n');
  });

  it('exits 0 on a clean file and 1 when findings reach --fail-on', async () => {
    await write('.aigov.yaml', ONE_RULE_CONFIG);
    await write('good.yaml', GOOD);
    await write('bad.yaml', BAD);
    const clean = capture();
    expect(await main(['scan', 'good.yaml'], clean, dir)).toBe(0);
    expect(clean.out).toContain('No problems found');

    const warnOnly = capture();
    expect(await main(['scan', 'bad.yaml'], warnOnly, dir)).toBe(0); // a warning is below the default threshold
    const failing = capture();
    expect(await main(['scan', 'bad.yaml', '--fail-on', 'warning'], failing, dir)).toBe(1);
    expect(failing.out).toContain('bad.yaml');
    expect(failing.out).toContain('6:7');
  });

  it('walks directories for yaml, yml and json, honouring --exclude', async () => {
    await write('a/one.yaml', BAD);
    await write('a/two.yml', BAD);
    await write(
      'a/three.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }),
    );
    await write('a/notes.txt', 'not scanned');
    await write('a/skip/four.yaml', BAD);
    await write('a/.aigov.yaml', 'rules: {}\n');
    await write('a/node_modules/dep/five.yaml', BAD);
    const c = capture();
    await main(['scan', 'a', '--format', 'json', '--exclude', 'skip/'], c, dir);
    const report = JSON.parse(c.out) as { files: { file: string }[] };
    expect(report.files.map((f) => f.file)).toEqual(['a/one.yaml', 'a/three.json', 'a/two.yml']);
  });

  it('writes the report to --output', async () => {
    await write('.aigov.yaml', ONE_RULE_CONFIG);
    await write('bad.yaml', BAD);
    const c = capture();
    await main(['scan', 'bad.yaml', '--format', 'json', '--output', 'out/report.json'], c, dir);
    expect(c.out).toBe('');
    const report = JSON.parse(await fs.readFile(path.join(dir, 'out/report.json'), 'utf8')) as {
      version: number;
      findings: { file: string; line: number }[];
    };
    expect(report.version).toBe(1);
    expect(report.findings[0]).toMatchObject({ file: 'bad.yaml', line: 6 });
  });

  it('reports a config error with its file and line and exits 2', async () => {
    await write(
      '.aigov.yaml',
      'extends: recommended\nrules:\n  resources/cpu-request-mising: off\n',
    );
    await write('bad.yaml', BAD);
    const c = capture();
    expect(await main(['scan', 'bad.yaml'], c, dir)).toBe(2);
    expect(c.err).toBe(
      'aigov: .aigov.yaml:3:3: unknown property "resources/cpu-request-mising" (did you mean "resources/cpu-request-missing"?)\n',
    );
  });

  it('applies the nearest .aigov.yaml', async () => {
    await write(
      '.aigov.yaml',
      ONE_RULE_CONFIG.replace('cpu-request-missing: warning', 'cpu-request-missing: error'),
    );
    await write('k8s/bad.yaml', BAD);
    const c = capture();
    expect(await main(['scan', 'k8s'], c, dir)).toBe(1);
  });

  it('init writes a config that loads', async () => {
    const c = capture();
    expect(await main(['init'], c, dir)).toBe(0);
    expect(await main(['init'], capture(), dir)).toBe(2);
    await write('good.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(await main(['scan', 'good.yaml'], capture(), dir)).toBe(0);
  });

  it('explains a rule with its documentation page, and suggests the full id', async () => {
    const c = capture();
    expect(await main(['explain', 'gpu/shm-missing'], c, dir)).toBe(0);
    expect(c.out).toMatch(/^<!-- aigov:generated:start/);
    expect(c.out).toContain('# gpu/shm-missing');
    expect(c.out).toContain('```yaml bad');
    const unknown = capture();
    expect(await main(['explain', 'shm-missing'], unknown, dir)).toBe(2);
    expect(unknown.err).toBe('aigov: unknown rule "shm-missing" (did you mean gpu/shm-missing?)\n');
  });

  it('lists rules as json', async () => {
    const c = capture();
    expect(await main(['rules', '--format', 'json'], c, dir)).toBe(0);
    const rules = JSON.parse(c.out) as { id: string; docsUrl: string }[];
    expect(rules.map((r) => r.id)).toContain('parse/yaml-invalid');
    for (const r of rules) expect(r.docsUrl).toContain(r.id);
  });
});
