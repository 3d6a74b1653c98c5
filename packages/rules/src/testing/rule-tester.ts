import { Bundle } from '../bundle/bundle';
import { resolveConfig } from '../engine/config';
import type { RuleSetting } from '../engine/config';
import type { Rule } from '../engine/rule';
import { evaluateManifests } from '../engine/scan';
import type { Settings } from '../engine/settings';
import { load } from '../load/loader';
import type { Finding, Severity } from '../model';
import { DEFAULT_VARIANTS, buildVariant, relativePlace, variantSource } from './variants';
import type { VariantKind } from './variants';

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column?: number;
  /** Checked when given. */
  severity?: Severity;
  /** Checked when given: a substring of the message. */
  message?: string;
  container?: string;
}

interface CaseBase {
  /** A short description, shown as the test name. */
  name?: string;
  /** The manifests, as YAML. */
  code: string;
  settings?: Partial<Settings>;
  options?: Record<string, unknown>;
  /** Whether the scanned set is complete. Default: the tester's default (true). */
  complete?: boolean;
  filename?: string;
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase {
  errors: ExpectedFinding[];
  /** Kinds to re-run this case as; defaults to the run's variants. `[]` for none. */
  variants?: readonly VariantKind[];
}

export interface RuleTests {
  valid: readonly (string | ValidCase)[];
  invalid: readonly InvalidCase[];
  /** Kinds every invalid case is re-run as (default Deployment, CronJob, PyTorchJob). */
  variants?: readonly VariantKind[];
}

type TestFn = (name: string, fn: () => void) => void;

interface TestGlobals {
  describe?: TestFn;
  it?: TestFn;
}

export class RuleTesterError extends Error {}

function fail(message: string): never {
  throw new RuleTesterError(message);
}

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings
    .map((f) => `  ${f.ruleId} ${f.messageId} at ${f.line}:${f.column} — ${f.message} [${f.path}]`)
    .join('\n');
}

/**
 * Runs a rule over valid and invalid manifests and checks the exact findings, like ESLint's
 * RuleTester. Uses the test framework's `describe` and `it` when they exist (Jest, Mocha,
 * Vitest with globals), otherwise runs the cases at once and throws on the first failure.
 */
export class RuleTester {
  static describe: TestFn | undefined;
  static it: TestFn | undefined;

  constructor(private readonly defaults: { complete?: boolean } = {}) {}

  private static group(name: string, fn: () => void): void {
    const g = globalThis as TestGlobals;
    const describe = RuleTester.describe ?? g.describe;
    if (describe) describe(name, fn);
    else fn();
  }

  private static test(name: string, fn: () => void): void {
    const g = globalThis as TestGlobals;
    const it = RuleTester.it ?? g.it;
    if (it) it(name, fn);
    else fn();
  }

  run(rule: Rule, tests: RuleTests): void {
    const { id } = rule.meta;
    const messageIds = new Set(Object.keys(rule.meta.messages));
    const seen = new Set<string>();
    const cases = [
      ...tests.valid.map((c) => (typeof c === 'string' ? { code: c } : c)),
      ...tests.invalid,
    ];
    for (const c of cases) {
      const key = JSON.stringify([
        c.code,
        c.settings ?? null,
        c.options ?? null,
        c.complete ?? null,
      ]);
      if (seen.has(key))
        fail(`${id}: duplicate test case${c.name ? ` "${c.name}"` : ''}:\n${c.code}`);
      seen.add(key);
    }
    for (const c of tests.invalid) {
      if (c.errors.length === 0)
        fail(
          `${id}: an invalid case must expect at least one finding${c.name ? ` ("${c.name}")` : ''}`,
        );
      for (const e of c.errors)
        if (!messageIds.has(e.messageId))
          fail(`${id}: unknown messageId "${e.messageId}" (known: ${[...messageIds].join(', ')})`);
    }
    RuleTester.group(id, () => {
      RuleTester.group('valid', () => {
        tests.valid.forEach((raw, i) => {
          const c = typeof raw === 'string' ? { code: raw } : raw;
          RuleTester.test(c.name ?? `valid #${i + 1}`, () => {
            const findings = this.findings(rule, c, c.code);
            if (findings.length > 0)
              fail(`${id}: expected no findings, got:\n${describeFindings(findings)}\n\n${c.code}`);
          });
        });
      });
      RuleTester.group('invalid', () => {
        tests.invalid.forEach((c, i) => {
          const name = c.name ?? `invalid #${i + 1}`;
          RuleTester.test(name, () => this.checkInvalid(rule, c));
          const variants = c.variants ?? tests.variants ?? DEFAULT_VARIANTS;
          const source = variants.length > 0 ? variantSource(c.code) : undefined;
          if (!source) return;
          for (const kind of variants) {
            if (kind === source.template.workload.manifest.kind) continue;
            RuleTester.test(`${name} (as ${kind})`, () => this.checkVariant(rule, c, kind));
          }
        });
      });
    });
  }

  private findings(rule: Rule, c: CaseBase, code: string): Finding[] {
    // The rule runs at its default severity; without options it stays unconfigured, so a
    // finding's own severity (an escalation) shows as it would for users.
    const rules: Record<string, RuleSetting> = c.options
      ? { [rule.meta.id]: [rule.meta.severity, c.options] }
      : {};
    const config = resolveConfig({ extends: 'all', rules, settings: c.settings }, [rule]);
    const loaded = load([{ file: c.filename ?? 'test.yaml', text: code }]);
    const broken = loaded.findings.filter((f) => f.ruleId !== rule.meta.id);
    if (broken.length > 0)
      fail(
        `${rule.meta.id}: the test case does not load cleanly:\n${describeFindings(broken)}\n\n${code}`,
      );
    const result = evaluateManifests(
      loaded.manifests,
      { config, complete: c.complete ?? this.defaults.complete ?? true, rules: [rule] },
      loaded.findings,
    );
    if (result.ruleErrors.length > 0)
      fail(`${rule.meta.id} threw: ${result.ruleErrors.map((e) => e.message).join('; ')}`);
    return result.findings.filter((f) => f.ruleId === rule.meta.id);
  }

  private checkInvalid(rule: Rule, c: InvalidCase): void {
    const findings = this.findings(rule, c, c.code);
    const expected = [...c.errors].sort(
      (a, b) =>
        a.line - b.line ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.messageId.localeCompare(b.messageId),
    );
    const actual = [...findings].sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.messageId.localeCompare(b.messageId),
    );
    const mismatch = (why: string): never =>
      fail(
        `${rule.meta.id}: ${why}\nexpected:\n${expected.map((e) => `  ${e.messageId} at line ${e.line}${e.column ? `:${e.column}` : ''}`).join('\n')}\nactual:\n${describeFindings(actual)}\n\n${c.code}`,
      );
    if (actual.length !== expected.length)
      mismatch(`expected ${expected.length} finding(s), got ${actual.length}`);
    expected.forEach((e, i) => {
      const a = actual[i] as Finding;
      if (
        a.messageId !== e.messageId ||
        a.line !== e.line ||
        (e.column !== undefined && a.column !== e.column)
      )
        mismatch(`finding ${i + 1} differs`);
      if (e.severity && a.severity !== e.severity)
        mismatch(`finding ${i + 1} has severity ${a.severity}, expected ${e.severity}`);
      if (e.message && !a.message.includes(e.message))
        mismatch(`finding ${i + 1} message "${a.message}" does not contain "${e.message}"`);
      if (e.container !== undefined && a.container !== e.container)
        mismatch(`finding ${i + 1} is on container ${a.container}, expected ${e.container}`);
    });
  }

  private checkVariant(rule: Rule, c: InvalidCase, kind: VariantKind): void {
    const source = variantSource(c.code);
    if (!source) return;
    const code = buildVariant(source, kind);
    const places = (text: string, findings: Finding[]): string[] => {
      const bundle = new Bundle(load([{ file: 'test.yaml', text }]).manifests);
      const template = bundle.templates[0];
      return findings.map((f) => `${f.messageId} ${relativePlace(f, template)}`).sort();
    };
    const original = places(c.code, this.findings(rule, c, c.code));
    const variantFindings = this.findings(rule, c, code);
    const variant = places(code, variantFindings);
    if (JSON.stringify(original) !== JSON.stringify(variant)) {
      fail(
        `${rule.meta.id}: as a ${kind} the case gives different findings.\noriginal:\n  ${original.join('\n  ')}\nas ${kind}:\n  ${variant.join('\n  ')}\n\n${code}`,
      );
    }
  }
}
