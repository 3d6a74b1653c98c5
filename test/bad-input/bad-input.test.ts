/**
 * Hostile and broken files, generated in a temporary directory and scanned together with one good
 * manifest through the built CLI: each bad file gets one clear finding at the right line, the good
 * file's findings are still reported, the exit code is right, nothing crashes, nothing hangs, and
 * the process stays under 512 MB.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareParsers } from '../support/differential';
import { generateManifests } from '../support/manifests';
import { runCliMeasured } from '../support/rss';
import type { MeasuredRun } from '../support/rss';
import { STACK_TRACE } from '../support/report';
import type { JsonFinding, JsonReport } from '../support/report';

const MAX_RSS_MB = 512;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

const GOOD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: good
spec:
  selector:
    matchLabels: {app: good}
  template:
    metadata:
      labels: {app: good}
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.8.5
          resources:
            limits:
              memory: 16Gi
`;

const CONFIG_MAP = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

function aliasBomb(): string {
  const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    rows.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = n;
  }
  return `${CONFIG_MAP('lol')}data:\n${rows.map((r) => `  ${r}`).join('\n')}\n`;
}

function noise(bytes: number): string {
  const r = rng(7);
  const alphabet = '-:[]{}\'"&*!|>#%@`, \n\n\t?abc123';
  let out = '';
  while (out.length < bytes) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
}

/** Each bad file, what it holds, and the one finding it must give. */
const BAD: {
  file: string;
  content: () => string | Uint8Array;
  ruleId: string;
  message: string | RegExp;
  line: number;
  objects?: number;
}[] = [
  {
    file: 'invalid.yaml',
    content: () =>
      `${CONFIG_MAP('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: x\n  namespace: y\n---\n${CONFIG_MAP('after')}`,
    ruleId: 'parse/yaml-invalid',
    message: 'Invalid YAML: All mapping items must start at the same column',
    line: 10,
    objects: 2,
  },
  {
    file: 'alias-bomb.yaml',
    content: aliasBomb,
    ruleId: 'parse/too-large',
    message:
      'The document expands more than 1000 aliases (a possible alias bomb); it was not checked.',
    line: 1,
  },
  {
    file: 'huge-50mb.yaml',
    content: () =>
      generateManifests(2000).repeat(
        Math.ceil((50 * 1024 * 1024) / generateManifests(2000).length),
      ),
    ruleId: 'parse/too-large',
    message: /^The file is 5\d\.\d MiB, over the 16\.0 MiB limit; it was not checked\.$/,
    line: 1,
  },
  {
    file: 'huge-document.yaml',
    content: () =>
      `${CONFIG_MAP('small')}---\n${CONFIG_MAP('huge')}data:\n  blob: ${'x'.repeat(4 * 1024 * 1024)}\n`,
    ruleId: 'parse/too-large',
    message: 'The document is 4.0 MiB, over the 3.0 MiB limit; it was not checked.',
    line: 6,
    objects: 1,
  },
  {
    file: 'deep-flow.yaml',
    content: () => `${CONFIG_MAP('deep')}data: ${'['.repeat(10000)}${']'.repeat(10000)}\n`,
    ruleId: 'parse/too-large',
    message: 'The document nests deeper than 100 levels; it was not checked.',
    line: 5,
  },
  {
    file: 'deep-block.yaml',
    content: () => `${CONFIG_MAP('deep')}data:\n${'- '.repeat(10000)}x\n`,
    ruleId: 'parse/too-large',
    message: 'The document nests deeper than 100 levels; it was not checked.',
    line: 6,
  },
  {
    // Real indentation: 2,000 levels is already 2 MB of spaces (10,000 would be 50 MB, which the
    // size limit stops first).
    file: 'deep-indent.yaml',
    content: () =>
      `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}level${i}:`).join('\n')} x\n`,
    ruleId: 'parse/too-large',
    message: 'The document nests deeper than 100 levels; it was not checked.',
    line: 101,
  },
  {
    file: 'binary.yaml',
    content: () => new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24),
    ruleId: 'parse/yaml-invalid',
    message: 'The file holds binary data, not YAML or JSON text.',
    line: 1,
  },
  {
    file: 'latin1.yaml',
    content: () =>
      new Uint8Array([
        ...Buffer.from(`${CONFIG_MAP('caf')}data:\n  city: Z`),
        0xfc,
        0x72,
        0x69,
        0x63,
        0x68,
        0x0a,
      ]),
    ruleId: 'parse/yaml-invalid',
    message: 'The file is not valid UTF-8 (first invalid byte at offset 68).',
    line: 6,
  },
  {
    file: 'duplicate-keys.yaml',
    content: () => `${CONFIG_MAP('dup')}data:\n  key: one\n  key: two\n`,
    ruleId: 'parse/yaml-invalid',
    message: 'Invalid YAML: Map keys must be unique',
    line: 7,
  },
  {
    file: 'helm-template.yaml',
    content: () =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\n`,
    ruleId: 'parse/template-unrendered',
    message: /^Unrendered template marker \{\{ include "chart\.fullname" \. \}\}; render the file/,
    line: 4,
  },
  {
    file: 'empty.yaml',
    content: () => '',
    ruleId: 'parse/not-kubernetes',
    message: 'The file holds no YAML documents.',
    line: 1,
  },
  {
    file: 'array.json',
    content: () =>
      JSON.stringify([
        JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}'),
      ]),
    ruleId: 'parse/not-kubernetes',
    message: 'The document is a sequence (list), not a Kubernetes object; it was not checked.',
    line: 1,
  },
];

describe('bad input through the CLI', () => {
  let dir: string;
  let run: MeasuredRun;
  let report: JsonReport;
  const findingsOf = (file: string): JsonFinding[] =>
    report.findings.filter((f) => f.file === file);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aigov-bad-input-'));
    for (const bad of BAD) writeFileSync(path.join(dir, bad.file), bad.content());
    writeFileSync(path.join(dir, 'realistic-5mb.yaml'), generateManifests(8800));
    writeFileSync(
      path.join(dir, 'long-line.yaml'),
      `${CONFIG_MAP('long')}data:\n  blob: ${'y'.repeat(2 * 1024 * 1024)}\n`,
    );
    writeFileSync(path.join(dir, 'noise.yaml'), noise(256 * 1024));
    writeFileSync(path.join(dir, 'good.yaml'), GOOD);
    run = runCliMeasured(['scan', '.', '--format', 'json'], { cwd: dir, timeoutMs: 110_000 });
    report = JSON.parse(run.stdout) as JsonReport;
    console.log(
      `bad-input scan: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.maxRssMb.toFixed(0)} MB, ` +
        `${report.findings.length} findings over ${report.files.length} files`,
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the files it promises', () => {
    expect(statSync(path.join(dir, 'huge-50mb.yaml')).size).toBeGreaterThan(50 * 1024 * 1024);
    const realistic = statSync(path.join(dir, 'realistic-5mb.yaml')).size;
    expect(realistic).toBeGreaterThan(5 * 1024 * 1024);
    expect(realistic).toBeLessThan(6 * 1024 * 1024);
  });

  it('exits 1 because of the errors, without a crash or a failed rule', () => {
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it(`stays under ${MAX_RSS_MB} MB of memory`, () => {
    expect(run.maxRssMb).toBeGreaterThan(0);
    expect(run.maxRssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('lists every file', () => {
    expect(report.files.map((f) => f.file).sort()).toEqual(
      [
        ...BAD.map((b) => b.file),
        'good.yaml',
        'long-line.yaml',
        'noise.yaml',
        'realistic-5mb.yaml',
      ].sort(),
    );
  });

  it.each(BAD.map((b) => [b.file, b] as const))('%s gives its one clear finding', (file, bad) => {
    const parse = findingsOf(file).filter((f) => f.ruleId.startsWith('parse/'));
    expect(parse.map((f) => [f.ruleId, f.line])).toEqual([[bad.ruleId, bad.line]]);
    expect(parse[0]?.message).toEqual(
      typeof bad.message === 'string' ? bad.message : expect.stringMatching(bad.message),
    );
    expect(report.files.find((f) => f.file === file)?.objects).toBe(bad.objects ?? 0);
  });

  it('still loads the documents around a broken one', () => {
    const objects = new Set(findingsOf('invalid.yaml').map((f) => f.ruleId));
    expect(objects.has('parse/yaml-invalid')).toBe(true);
    expect(report.files.find((f) => f.file === 'invalid.yaml')).toEqual({
      file: 'invalid.yaml',
      documents: 3,
      objects: 2,
    });
  });

  it('loads the realistic 5 MB file completely, with rule findings and no parse finding', () => {
    const summary = report.files.find((f) => f.file === 'realistic-5mb.yaml');
    expect(summary).toEqual({ file: 'realistic-5mb.yaml', documents: 8800, objects: 8800 });
    const found = findingsOf('realistic-5mb.yaml');
    expect(found.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
    expect(found.length).toBeGreaterThan(100);
  });

  it('loads a 2 MB line', () => {
    expect(findingsOf('long-line.yaml').filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
    expect(report.files.find((f) => f.file === 'long-line.yaml')?.objects).toBe(1);
  });

  it('turns random punctuation into parse findings only', () => {
    const found = findingsOf('noise.yaml');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.ruleId.startsWith('parse/'))).toBe(true);
  });

  it('gives the same findings, objects and positions on the fast path as with yaml alone', () => {
    const inputs = readdirSync(dir).map((file) => {
      const size = statSync(path.join(dir, file)).size;
      return size > 16 * 1024 * 1024
        ? { file, size }
        : { file, bytes: new Uint8Array(readFileSync(path.join(dir, file))) };
    });
    const r = compareParsers(inputs, 200);
    expect(r.differences).toEqual([]);
    expect(r.manifests).toBeGreaterThan(8800);
  });

  it("still reports the good file's findings", () => {
    expect(findingsOf('good.yaml').map((f) => [f.ruleId, f.line])).toContainEqual([
      'resources/cpu-request-missing',
      15,
    ]);
  });
});
