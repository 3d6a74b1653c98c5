import type { Finding } from '../../src/model';
import { escapeXmlAttribute, formatJunit } from '../../src/report';
import type { ReportInput } from '../../src/report';
import { CLEAN, CPU_RULE_ID, DEPLOYMENT, POD, scanYaml, withSeverity } from './fixtures';
import { XmlError, parseXml } from './xml';
import type { XmlElement } from './xml';

const DOCS = `https://github.com/aigov-dev/aigov/blob/main/docs/rules/${CPU_RULE_ID}.md`;
const FIX =
  'Set resources.requests.cpu to what the container needs at steady load (for example "2" or "500m").';

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

function counts(el: XmlElement | undefined): Record<string, string | undefined> {
  const a = el?.attributes ?? {};
  return { tests: a.tests, failures: a.failures, errors: a.errors, skipped: a.skipped };
}

describe('the strict XML reader used by these tests', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a>&nbsp;</a>',
      '<a>a & b</a>',
      '<a>a < b</a>',
      '<a x="<"/>',
      '<a/><b/>',
      '<a>\u0001</a>',
      '<a>&#1;</a>',
      '<a>]]></a>',
      '<a/ >',
      '<?xml version="1.0" encoding="UTF-8"?>',
    ])
      expect(() => parseXml(bad)).toThrow(XmlError);
    expect(
      parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="&lt;&#10;"> t &amp; <b/></a>\n'),
    ).toEqual({
      name: 'a',
      attributes: { x: '<\n' },
      children: [{ name: 'b', attributes: {}, children: [], text: '' }],
      text: ' t & ',
    });
  });
});

describe('junit', () => {
  it('writes this exact document for a small scan', () => {
    const xml = formatJunit(scanYaml({ 'k8s/pod.yaml': POD, 'clean.yaml': CLEAN }));
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="aigov" tests="2" failures="1" errors="0" skipped="0">',
        '  <testsuite name="k8s/pod.yaml" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase classname="resources/cpu-request-missing" name="Pod train_*job*: Container &quot;&lt;b&gt;@octocat&lt;/b&gt;|`x`&quot; has no CPU request." file="k8s/pod.yaml" line="6">',
        '      <failure message="Container &quot;&lt;b&gt;@octocat&lt;/b&gt;|`x`&quot; has no CPU request." type="warning">k8s/pod.yaml:6:7 warning resources/cpu-request-missing',
        'Container "&lt;b&gt;@octocat&lt;/b&gt;|`x`" has no CPU request.',
        'Object: Pod train_*job*, container &lt;b&gt;@octocat&lt;/b&gt;|`x`',
        'Path: spec.containers[0].resources.requests.cpu',
        `Fix: ${FIX}`,
        `Docs: ${DOCS}</failure>`,
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="clean.yaml" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="aigov" name="no findings" file="clean.yaml"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    parseXml(xml);
  });

  it('has one suite per file, a case per finding and consistent counts', () => {
    const input = scanYaml({
      'k8s/app.yaml': DEPLOYMENT,
      'k8s/pod.yaml': POD,
      'clean.yaml': CLEAN,
      'broken.yaml': 'kind: [\n',
    });
    const [server] = input.findings.filter((f) => f.file === 'k8s/app.yaml');
    if (!server) throw new Error('expected a finding');
    const info = withSeverity(server, 'info', 'advice');
    const root = parseXml(formatJunit({ ...input, findings: [...input.findings, info] }));
    expect(root.name).toBe('testsuites');
    const suites = root.children;
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'k8s/app.yaml',
      'k8s/pod.yaml',
      'clean.yaml',
      'broken.yaml',
    ]);
    // app.yaml: server (failure), sidecar (suppressed: skipped), the info copy (passes).
    expect(counts(suites[0])).toEqual({ tests: '3', failures: '1', errors: '0', skipped: '1' });
    expect(counts(suites[3])).toEqual({ tests: '1', failures: '1', errors: '0', skipped: '0' });
    expect(child(suites[3], 'testcase')?.attributes.classname).toBe('parse/yaml-invalid');
    for (const s of suites) {
      const cases = s.children.filter((c) => c.name === 'testcase');
      expect(String(cases.length)).toBe(s.attributes.tests);
      expect(String(cases.filter((c) => child(c, 'failure')).length)).toBe(s.attributes.failures);
      expect(String(cases.filter((c) => child(c, 'skipped')).length)).toBe(s.attributes.skipped);
    }
    const sum = (k: string): string =>
      String(suites.reduce((n, s) => n + Number(s.attributes[k]), 0));
    expect(counts(root)).toEqual({
      tests: sum('tests'),
      failures: sum('failures'),
      errors: '0',
      skipped: sum('skipped'),
    });
    expect(counts(root)).toEqual({ tests: '6', failures: '3', errors: '0', skipped: '1' });

    const [failing, skipped, advice] = suites[0]?.children ?? [];
    expect(child(failing, 'failure')?.attributes).toEqual({
      message: 'Container "server" has no CPU request.',
      type: 'warning',
    });
    expect(child(skipped, 'skipped')?.attributes.message).toBe(
      'suppressed by annotation: the sidecar is <tiny> & idle',
    );
    expect(advice?.children.map((c) => c.name)).toEqual(['system-out']);
    expect(child(advice, 'system-out')?.text).toContain(`k8s/app.yaml:13:11 info ${CPU_RULE_ID}`);
  });

  it('makes the failure threshold configurable', () => {
    const input = scanYaml({ 'pod.yaml': POD });
    const [f] = input.findings;
    if (!f) throw new Error('expected a finding');
    const three: ReportInput = {
      ...input,
      findings: [withSeverity(f, 'error', 'e'), f, withSeverity(f, 'info', 'i')],
    };
    const failures = (xml: string): string | undefined => parseXml(xml).attributes.failures;
    expect(failures(formatJunit(three))).toBe('2');
    expect(failures(formatJunit(three, { failureSeverity: 'error' }))).toBe('1');
    expect(failures(formatJunit(three, { failureSeverity: 'info' }))).toBe('3');
  });

  it('escapes whatever the findings hold and stays well-formed', () => {
    const input = scanYaml({ 'pod.yaml': POD });
    const [f] = input.findings;
    if (!f) throw new Error('expected a finding');
    const message =
      'quote " apos \' amp & lt < gt > ]]> tab\tnewline\nbell\u0007 lone \ud800 emoji 😀';
    const hostile: Finding = { ...f, message, file: 'dir/<&>"\'.yaml', ruleId: 'a"b<c' };
    const root = parseXml(formatJunit({ ...input, findings: [hostile] }));
    const suite = root.children.find((s) => s.attributes.name === 'dir/<&>"\'.yaml');
    const testcase = child(suite, 'testcase');
    const expected = message.replace('\u0007', '\ufffd').replace('\ud800', '\ufffd');
    expect(testcase?.attributes.classname).toBe('a"b<c');
    expect(child(testcase, 'failure')?.attributes.message).toBe(expected);
    expect(child(testcase, 'failure')?.text).toContain(expected);
    expect(escapeXmlAttribute('a\r\nb')).toBe('a&#13;&#10;b');
  });

  it('reports crashed rules as errors and findings of live objects per cluster', () => {
    const input = scanYaml({ 'pod.yaml': POD });
    const [f] = input.findings;
    if (!f) throw new Error('expected a finding');
    const { file: _file, line: _line, column: _c, endLine: _el, endColumn: _ec, ...rest } = f;
    const live: Finding = { ...rest, cluster: 'prod' };
    const root = parseXml(
      formatJunit({
        ...input,
        findings: [live],
        ruleErrors: [{ ruleId: 'gpu/limit-missing', message: 'boom <1>' }],
      }),
    );
    expect(root.children.map((s) => s.attributes.name)).toEqual([
      'pod.yaml',
      'cluster prod',
      'aigov rule errors',
    ]);
    expect(counts(root)).toEqual({ tests: '3', failures: '1', errors: '1', skipped: '0' });
    const crashed = child(root.children[2], 'testcase');
    expect(crashed?.attributes.classname).toBe('gpu/limit-missing');
    expect(child(crashed, 'error')?.attributes).toEqual({
      message: 'boom <1>',
      type: 'rule-error',
    });
    expect(child(root.children[1], 'testcase')?.attributes).toEqual({
      classname: CPU_RULE_ID,
      name: 'Pod train_*job*: Container "<b>@octocat</b>|`x`" has no CPU request.',
    });
  });
});
