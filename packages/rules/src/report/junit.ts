import type { Finding, Severity } from '../model';
import { severityRank } from '../engine/evaluate';
import { groupBy, objectLabel, placeOf } from './common';
import type { ReportInput } from './types';

export interface JunitOptions {
  /**
   * The lowest severity reported as a `<failure>` (default `warning`). Findings below it are
   * passing test cases that carry their message in `<system-out>`: info findings are advice,
   * and a test report that turns red for advice teaches people to ignore it.
   */
  failureSeverity?: Severity;
}

/** Characters XML 1.0 cannot carry at all, not even as references. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values keep their line breaks and tabs as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
}

type Outcome = 'failure' | 'skipped' | 'passed';

function outcome(f: Finding, threshold: number): Outcome {
  if (f.suppressed) return 'skipped';
  return severityRank(f.severity) >= threshold ? 'failure' : 'passed';
}

function where(f: Finding): string {
  if (f.line === undefined) return placeOf(f);
  return `${placeOf(f)}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}`;
}

/** The body of a failure: where, what, how to fix, and the rule's documentation. */
function details(f: Finding): string {
  const lines = [`${where(f)} ${f.severity} ${f.ruleId}`, f.message];
  const object = objectLabel(f.object);
  if (object)
    lines.push(`Object: ${object}${f.container !== undefined ? `, container ${f.container}` : ''}`);
  if (f.path) lines.push(`Path: ${f.path}`);
  lines.push(`Fix: ${f.remediation}`, `Docs: ${f.docsUrl}`);
  return lines.join('\n');
}

function testcase(f: Finding, result: Outcome): string {
  const object = objectLabel(f.object);
  const open = `    <testcase${attributes({
    classname: f.ruleId,
    name: object ? `${object}: ${f.message}` : f.message,
    file: f.file,
    line: f.line,
  })}>`;
  const body = escapeXmlText(details(f));
  switch (result) {
    case 'failure':
      return `${open}\n      <failure${attributes({ message: f.message, type: f.severity })}>${body}</failure>\n    </testcase>`;
    case 'skipped': {
      const s = f.suppressed;
      const reason = `suppressed by ${s?.kind ?? 'annotation'}${s?.reason ? `: ${s.reason}` : ''}`;
      return `${open}\n      <skipped${attributes({ message: reason })}/>\n    </testcase>`;
    }
    case 'passed':
      return `${open}\n      <system-out>${body}</system-out>\n    </testcase>`;
  }
}

interface Suite {
  name: string;
  cases: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suiteXml(s: Suite): string {
  const open = `  <testsuite${attributes({
    name: s.name,
    tests: s.tests,
    failures: s.failures,
    errors: s.errors,
    skipped: s.skipped,
  })}>`;
  return [open, ...s.cases, '  </testsuite>'].join('\n');
}

function findingSuite(name: string, findings: readonly Finding[], threshold: number): Suite {
  const suite: Suite = { name, cases: [], tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const f of findings) {
    const result = outcome(f, threshold);
    suite.tests++;
    if (result === 'failure') suite.failures++;
    if (result === 'skipped') suite.skipped++;
    suite.cases.push(testcase(f, result));
  }
  if (findings.length === 0) {
    suite.tests = 1;
    suite.cases.push(
      `    <testcase${attributes({ classname: 'aigov', name: 'no findings', file: name })}/>`,
    );
  }
  return suite;
}

/** Rules that crashed: JUnit's `<error>`, a test that could not run. */
function ruleErrorSuite(input: ReportInput): Suite | undefined {
  const errors = input.ruleErrors ?? [];
  if (errors.length === 0) return undefined;
  return {
    name: 'aigov rule errors',
    tests: errors.length,
    failures: 0,
    errors: errors.length,
    skipped: 0,
    cases: errors.map(
      (e) =>
        `    <testcase${attributes({ classname: e.ruleId, name: 'rule failed and was skipped' })}>\n      <error${attributes({ message: e.message, type: 'rule-error' })}/>\n    </testcase>`,
    ),
  };
}

/**
 * JUnit XML: one `<testsuite>` per file (in scan order; live objects per cluster), one
 * `<testcase>` per finding with the rule id as class name, and one passing case for a file
 * without findings. Suppressed findings are `<skipped>`; crashed rules are `<error>`s.
 */
export function formatJunit(input: ReportInput, options: JunitOptions = {}): string {
  const threshold = severityRank(options.failureSeverity ?? 'warning');
  const byPlace = groupBy(input.findings, placeOf);
  const places = [...new Set([...input.files.map((f) => f.file), ...byPlace.keys()])];
  const suites = places.map((p) => findingSuite(p, byPlace.get(p) ?? [], threshold));
  const errors = ruleErrorSuite(input);
  if (errors) suites.push(errors);
  const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped'): number =>
    suites.reduce((n, s) => n + s[key], 0);
  const root = `<testsuites${attributes({
    name: 'aigov',
    tests: sum('tests'),
    failures: sum('failures'),
    errors: sum('errors'),
    skipped: sum('skipped'),
  })}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    root,
    ...suites.map(suiteXml),
    '</testsuites>',
    '',
  ].join('\n');
}
