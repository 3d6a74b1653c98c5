import { load } from '../../src/load/loader';
import { lines, loadBytes, loadText, summary, where } from './helpers';

const CONFIG_MAP = (name: string): string =>
  lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`);

describe('documents', () => {
  it('loads every document of a stream with its index and object identity', () => {
    const r = loadText(
      lines(
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: web, namespace: prod}',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  generateName: worker-',
      ),
    );
    expect(r.findings).toEqual([]);
    expect(r.files).toEqual([{ file: 'test.yaml', documents: 2, objects: 2 }]);
    expect(r.manifests.map((m) => [m.kind, m.group, m.name, m.namespace])).toEqual([
      ['Service', '', 'web', 'prod'],
      ['Deployment', 'apps', 'worker-', undefined],
    ]);
    expect(r.manifests.map((m) => m.origin.type === 'file' && m.origin.documentIndex)).toEqual([
      0, 1,
    ]);
    expect(where(r, 1, ['kind'])).toBe('6:7-6:17');
  });

  it('skips empty and comment-only documents without counting them', () => {
    const r = loadText(
      lines('# header comment', '---', '---', '# only a comment', '---', CONFIG_MAP('a'), '---'),
    );
    expect(r.findings).toEqual([]);
    expect(r.files).toEqual([{ file: 'test.yaml', documents: 1, objects: 1 }]);
    expect(where(r, 0, ['metadata', 'name'])).toBe('9:9-9:10');
  });

  it('ends a document at `...` and starts the next at `---`', () => {
    const r = loadText(`${CONFIG_MAP('a')}...\n---\n${CONFIG_MAP('b')}...\n`);
    expect(r.manifests.map((m) => m.name)).toEqual(['a', 'b']);
    expect(where(r, 1, ['metadata', 'name'])).toBe('10:9-10:10');
  });

  it('reports a file with no documents once, at its start', () => {
    for (const text of ['', '\n\n  \n', '# nothing here\n', '---\n...\n']) {
      const r = loadText(text);
      expect(summary(r.findings)).toEqual(['parse/not-kubernetes/emptyFile 1:1']);
      expect(r.files).toEqual([{ file: 'test.yaml', documents: 0, objects: 0 }]);
    }
  });

  it('names what a document that is not an object holds', () => {
    const r = loadText(lines('just a string', '---', '- a list', '---', '~', '---', '42'));
    expect(r.findings.map((f) => `${f.line} ${f.message}`)).toEqual([
      '1 The document is a string scalar, not a Kubernetes object; it was not checked.',
      '3 The document is a sequence (list), not a Kubernetes object; it was not checked.',
      '5 The document is null, not a Kubernetes object; it was not checked.',
      '7 The document is a number scalar, not a Kubernetes object; it was not checked.',
    ]);
  });

  it('says which of apiVersion and kind are missing, at the document start', () => {
    const r = loadText(
      lines(
        '# values.yaml',
        'replicaCount: 2',
        '---',
        'kind: Deployment',
        '---',
        'apiVersion: v1',
        'kind: ""',
      ),
    );
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:1 The document has no `apiVersion` or `kind`; it is not a Kubernetes object and was not checked.',
      '4:1 The document has no `apiVersion`; it is not a Kubernetes object and was not checked.',
      '6:1 The document has no `kind`; it is not a Kubernetes object and was not checked.',
    ]);
    expect(r.findings.every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('JSON', () => {
  it('loads a JSON object with exact positions', () => {
    const r = loadText(
      '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "j"},\n  "data": {"k": "v"}\n}\n',
      {},
      'cm.json',
    );
    expect(r.findings).toEqual([]);
    expect(r.manifests[0]?.name).toBe('j');
    expect(where(r, 0, ['data', 'k'])).toBe('5:17-5:20');
    expect(where(r, 0, ['data', 'missing'])).toBe('5:3-5:9');
  });

  it('accepts tabs as whitespace in JSON', () => {
    const r = loadText(
      '{\n\t"apiVersion": "v1",\n\t"kind": "ConfigMap",\n\t"metadata": {"name": "t"}\n}',
    );
    expect(r.findings).toEqual([]);
    expect(r.manifests[0]?.name).toBe('t');
  });

  it('reports a top-level JSON array as not an object', () => {
    const r = loadText('[{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}]');
    expect(r.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`)).toEqual([
      'parse/not-kubernetes 1:1 The document is a sequence (list), not a Kubernetes object; it was not checked.',
    ]);
  });

  it('reports a repeated key in JSON at the second occurrence', () => {
    const r = loadText('{"apiVersion": "v1", "kind": "ConfigMap", "kind": "Secret"}');
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:43 Invalid YAML: Map keys must be unique',
    ]);
  });
});

describe('List kinds', () => {
  const list = lines(
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - apiVersion: v1',
    '    kind: Service',
    '    metadata: {name: svc}',
    '  - apiVersion: apps/v1',
    '    kind: Deployment',
    '    metadata:',
    '      name: web',
    '    spec:',
    '      replicas: 3',
    '  - 7',
    '  - metadata: {name: half}',
  );

  it('gives each item its own manifest, origin and lines', () => {
    const r = loadText(list);
    expect(r.manifests.map((m) => `${m.kind}/${m.name}`)).toEqual([
      'Service/svc',
      'Deployment/web',
    ]);
    expect(
      r.manifests.map((m) => (m.origin.type === 'file' ? m.origin.basePath : undefined)),
    ).toEqual([
      ['items', 0],
      ['items', 1],
    ]);
    expect(where(r, 0, ['metadata', 'name'])).toBe('6:22-6:25');
    expect(where(r, 1, ['spec', 'replicas'])).toBe('12:17-12:18');
    // A missing field of an item points at the deepest key of that item, not of the List.
    expect(where(r, 1, ['spec', 'template'])).toBe('11:5-11:9');
    expect(r.files).toEqual([{ file: 'test.yaml', documents: 1, objects: 2 }]);
  });

  it('reports items that are not objects, by item number and line', () => {
    const r = loadText(list);
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '13:5 Item 2 of the List is a number scalar, not a Kubernetes object; it was not checked.',
      '14:5 Item 3 of the List has no `apiVersion` or `kind`; it is not a Kubernetes object and was not checked.',
    ]);
  });

  it('gives each item that is not an object its own fingerprint', () => {
    const r = loadText(lines('apiVersion: v1', 'kind: List', 'items: [1, 2]'));
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('treats typed lists (`ConfigMapList`) and nested lists the same way', () => {
    const r = loadText(
      lines(
        'apiVersion: v1',
        'kind: ConfigMapList',
        'items:',
        '  - apiVersion: v1',
        '    kind: List',
        '    items:',
        '      - {apiVersion: v1, kind: ConfigMap, metadata: {name: inner}}',
      ),
    );
    expect(r.manifests.map((m) => m.name)).toEqual(['inner']);
    expect(where(r, 0, ['metadata', 'name'])).toBe('7:60-7:65');
  });

  it('keeps a List without items as an object', () => {
    const r = loadText(lines('apiVersion: v1', 'kind: List', 'metadata: {}'));
    expect(r.findings).toEqual([]);
    expect(r.manifests.map((m) => m.kind)).toEqual(['List']);
  });
});

describe('line endings and encodings', () => {
  it('handles CRLF line endings with the same lines and columns', () => {
    const lf = loadText(`${CONFIG_MAP('a')}data:\n  k: v\n---\n${CONFIG_MAP('b')}`);
    const crlf = loadText(
      `${CONFIG_MAP('a')}data:\n  k: v\n---\n${CONFIG_MAP('b')}`.replace(/\n/g, '\r\n'),
    );
    expect(crlf.findings).toEqual([]);
    expect(crlf.manifests.map((m) => m.object)).toEqual(lf.manifests.map((m) => m.object));
    expect(where(crlf, 0, ['data', 'k'])).toBe(where(lf, 0, ['data', 'k']));
    expect(where(crlf, 1, ['metadata', 'name'])).toBe('11:9-11:10');
  });

  it('reports syntax errors in CRLF files on the right line', () => {
    const r = loadText(
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '  name: b').replace(
        /\n/g,
        '\r\n',
      ),
    );
    expect(summary(r.findings)).toEqual(['parse/yaml-invalid/syntax 5:3']);
  });

  it('ignores a byte order mark, in text and in bytes', () => {
    const text = `\ufeff${CONFIG_MAP('bom')}`;
    const fromText = loadText(text);
    const fromBytes = loadBytes(new TextEncoder().encode(text));
    for (const r of [fromText, fromBytes]) {
      expect(r.findings).toEqual([]);
      expect(r.manifests[0]?.object.apiVersion).toBe('v1');
      expect(where(r, 0, ['apiVersion'])).toBe('1:13-1:15');
    }
  });

  it('reports the line and column of the first byte that is not UTF-8', () => {
    const head = new TextEncoder().encode(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: café-',
    );
    const bytes = new Uint8Array([...head, 0xff, 0x0a]);
    const r = loadBytes(bytes);
    expect(
      r.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.line}:${f.column} ${f.message}`),
    ).toEqual([
      `parse/yaml-invalid/encoding 4:14 The file is not valid UTF-8 (first invalid byte at offset ${head.length}).`,
    ]);
    expect(r.files).toEqual([{ file: 'test.yaml', documents: 0, objects: 0 }]);
  });

  it('counts a 4-byte character as two columns, like the rest of the positions', () => {
    const head = new TextEncoder().encode('a: 😀');
    const r = loadBytes(new Uint8Array([...head, 0xc3, 0x28]));
    expect(summary(r.findings)).toEqual(['parse/yaml-invalid/encoding 1:6']);
  });

  it('reports binary data once, at the start of the file', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    expect(summary(loadBytes(bytes).findings)).toEqual(['parse/yaml-invalid/binary 1:1']);
    // A NUL anywhere, even after the first kilobytes, and in text given directly.
    expect(summary(loadText(`${'a: b\n'.repeat(5000)}\u0000`).findings)).toEqual([
      'parse/yaml-invalid/binary 1:1',
    ]);
  });
});

describe('anchors, aliases and merge keys', () => {
  const text = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'x-defaults: &res',
    '  requests: {cpu: 100m}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: a',
    '          resources: *res',
    '        - name: b',
    '          resources:',
    '            <<: *res',
    '            limits: {cpu: 1}',
  );

  it('expands aliases and merge keys into plain values', () => {
    const r = loadText(text);
    expect(r.findings).toEqual([]);
    const spec = r.manifests[0]?.object.spec as { template: { spec: { containers: unknown[] } } };
    expect(spec.template.spec.containers).toEqual([
      { name: 'a', resources: { requests: { cpu: '100m' } } },
      { name: 'b', resources: { requests: { cpu: '100m' }, limits: { cpu: 1 } } },
    ]);
  });

  it('points into an alias at the key that holds it, and into a merge at `<<`', () => {
    const r = loadText(text);
    const c = ['spec', 'template', 'spec', 'containers'];
    expect(where(r, 0, [...c, 0, 'resources', 'requests', 'cpu'])).toBe('11:11-11:20');
    expect(where(r, 0, [...c, 0, 'resources'])).toBe('11:22-11:26');
    expect(where(r, 0, [...c, 1, 'resources', 'requests', 'cpu'])).toBe('14:13-14:15');
    expect(where(r, 0, [...c, 1, 'resources', 'limits', 'cpu'])).toBe('15:27-15:28');
  });

  it('rejects an alias bomb without expanding it', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      rows.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    const r = loadText(
      `${CONFIG_MAP('bomb')}data:\n${rows.map((l) => `  ${l}`).join('\n')}\n---\n${CONFIG_MAP('ok')}`,
    );
    expect(
      r.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.line}:${f.column} ${f.message}`),
    ).toEqual([
      'parse/too-large/aliases 1:1 The document expands more than 1000 aliases (a possible alias bomb); it was not checked.',
    ]);
    expect(r.manifests.map((m) => m.name)).toEqual(['ok']);
  });

  it('accepts one node shared many times below the alias limit', () => {
    const r = loadText(
      `${CONFIG_MAP('shared')}x: &a {k: v}\ny: [${Array(500).fill('*a').join(', ')}]\n`,
    );
    expect(r.findings).toEqual([]);
    expect((r.manifests[0]?.object.y as unknown[]).length).toBe(500);
  });

  it('reports an alias inside its own anchor instead of building a cyclic value', () => {
    const r = loadText(`${CONFIG_MAP('loop')}data: &d\n  self: *d\n`);
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '6:9 Invalid YAML: alias *d is inside the node its anchor names (a recursive structure)',
    ]);
  });
});

describe('syntax errors', () => {
  it('reports the first error of a broken document and still loads the others', () => {
    const r = loadText(
      `${CONFIG_MAP('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n---\n${CONFIG_MAP('after')}`,
    );
    expect(r.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual([
      'parse/yaml-invalid 9:18',
    ]);
    expect(r.findings[0]?.message).toMatch(/^Invalid YAML: Flow sequence/);
    expect(r.manifests.map((m) => m.name)).toEqual(['before', 'after']);
    expect(r.files).toEqual([{ file: 'test.yaml', documents: 3, objects: 2 }]);
    expect(where(r, 1, ['metadata', 'name'])).toBe('14:9-14:14');
  });

  it('reports a repeated key at its second occurrence (kubectl refuses it too)', () => {
    const r = loadText(
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '  name: b'),
    );
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:3 Invalid YAML: Map keys must be unique',
    ]);
  });

  it('reports bad indentation, tabs and unclosed quotes where they are', () => {
    expect(summary(loadText(lines('a:', '  b: 1', ' c: 2')).findings)).toEqual([
      'parse/yaml-invalid/syntax 3:1',
    ]);
    expect(summary(loadText(lines('a:', '\t- x')).findings)).toEqual([
      'parse/yaml-invalid/syntax 2:1',
    ]);
    // An unclosed quote runs to the end of the document: the error is on its last line.
    expect(summary(loadText(lines('a: "x', 'b: 3')).findings)).toEqual([
      'parse/yaml-invalid/syntax 2:5',
    ]);
  });

  it('never reports a parse error for a document that only has content after errors', () => {
    expect(summary(loadText(']\n').findings)).toEqual(['parse/yaml-invalid/syntax 1:1']);
  });

  it('gives fingerprints that differ by document and stay put when lines move', () => {
    const one = loadText(`a: [\n---\nb: [\n`);
    const moved = loadText(`# a comment\n\na: [\n---\nb: [\n`);
    expect(one.findings.map((f) => f.fingerprint)).toEqual(
      moved.findings.map((f) => f.fingerprint),
    );
    expect(new Set(one.findings.map((f) => f.fingerprint)).size).toBe(2);
  });
});

describe('document markers inside block scalars', () => {
  it('treats `---` at column 1 inside a block scalar as a new document, like YAML does', () => {
    const r = loadText(
      lines(
        ...CONFIG_MAP('a').trimEnd().split('\n'),
        'data:',
        '  script: |',
        '    echo one',
        '---',
        '    echo two',
      ),
    );
    expect(r.manifests[0]?.object.data).toEqual({ script: 'echo one\n' });
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '9:5 The document is a string scalar, not a Kubernetes object; it was not checked.',
    ]);
  });

  it('keeps an indented `---` as block scalar content', () => {
    const r = loadText(
      lines(
        ...CONFIG_MAP('a').trimEnd().split('\n'),
        'data:',
        '  script: |',
        '    one',
        '    ---',
        '    two',
      ),
    );
    expect(r.findings).toEqual([]);
    expect(r.manifests[0]?.object.data).toEqual({ script: 'one\n---\ntwo\n' });
  });
});

describe('limits', () => {
  it('does not read a file over the size limit', () => {
    const r = load([{ file: 'big.yaml', size: 20 * 1024 * 1024 }]);
    expect(r.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.message}`)).toEqual([
      'parse/too-large/fileBytes The file is 20.0 MiB, over the 16.0 MiB limit; it was not checked.',
    ]);
    expect(r.files).toEqual([{ file: 'big.yaml', documents: 0, objects: 0 }]);
  });

  it('skips a document over the document limit and keeps the others', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ${'x'.repeat(2000)}\n`;
    const r = loadText(`${CONFIG_MAP('small')}---\n${big}---\n${CONFIG_MAP('after')}`, {
      limits: { maxDocumentBytes: 1000 },
    });
    expect(r.findings.map((f) => `${f.line} ${f.message}`)).toEqual([
      '6 The document is 2.0 KiB, over the 1000 B limit; it was not checked.',
    ]);
    expect(r.manifests.map((m) => m.name)).toEqual(['small', 'after']);
  });

  it.each([
    ['flow', `a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, '1:103'],
    ['block sequences', `a:\n${'- '.repeat(10000)}x\n`, '2:199'],
    [
      'block mappings',
      `${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
      '101:101',
    ],
  ])('reports %s nested past the depth limit where the limit is crossed', (_, text, at) => {
    const r = loadText(`${text}---\n${CONFIG_MAP('after')}`);
    expect(summary(r.findings)).toEqual([`parse/too-large/depth ${at}`]);
    expect(r.findings[0]?.message).toBe(
      'The document nests deeper than 100 levels; it was not checked.',
    );
    expect(r.manifests.map((m) => m.name)).toEqual(['after']);
  });

  it('honours a configured depth limit', () => {
    const text = `${CONFIG_MAP('a')}data: {k: [[1]]}\n`;
    expect(loadText(text, { limits: { maxDepth: 3 } }).findings[0]?.message).toBe(
      'The document nests deeper than 3 levels; it was not checked.',
    );
    expect(loadText(text, { limits: { maxDepth: 4 } }).findings).toEqual([]);
  });

  it('reads 500 levels when the limit allows it, on both parsers, and stops there', () => {
    const deep = (levels: number): string =>
      `${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`;
    for (const parser of ['fast', 'yaml'] as const) {
      const options = { limits: { maxDepth: 5000 }, parser };
      const ok = load([{ file: 'deep.yaml', text: deep(500) }], options);
      expect(summary(ok.findings)).toEqual(['parse/not-kubernetes/missingFields 1:1']);
      const over = load([{ file: 'deep.yaml', text: deep(501) }], options);
      expect(summary(over.findings)).toEqual(['parse/too-large/depth 501:501']);
    }
  });

  it('never hands the recursive composer more than it can take, whatever the limit', () => {
    const r = loadText(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, {
      limits: { maxDepth: 100000 },
    });
    expect(summary(r.findings)).toEqual(['parse/too-large/depth 1:503']);
  });
});

describe('every input is accounted for', () => {
  it('lists each file once, in order, whatever happened to it', () => {
    const r = load([
      { file: 'a.yaml', text: CONFIG_MAP('a') },
      { file: 'b.yaml', bytes: new Uint8Array([0, 1, 2]) },
      { file: 'c.yaml', text: '' },
      { file: 'd.yaml', size: 1 << 30 },
      { file: 'e.yaml', text: 'a: {{ .Values.x }}\n' },
    ]);
    expect(r.files.map((f) => f.file)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml']);
    expect(r.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual([
      'b.yaml parse/yaml-invalid',
      'c.yaml parse/not-kubernetes',
      'd.yaml parse/too-large',
      'e.yaml parse/template-unrendered',
    ]);
  });

  it('gives every parse finding its rule metadata', () => {
    const [f] = loadText('a: [\n').findings;
    expect(f).toMatchObject({
      ruleId: 'parse/yaml-invalid',
      severity: 'error',
      category: 'parse',
      file: 'test.yaml',
      path: '',
      docsUrl: expect.stringMatching(/parse\/yaml-invalid\.md$/),
      remediation: expect.any(String),
    });
  });
});
