import type { Bundle } from '../bundle/bundle';
import type { ContainerRef, PodTemplate } from '../bundle/workload';
import { clusterOf, formatPath } from '../model';
import type { Category, Finding, Manifest, ObjectRef, Path, Severity } from '../model';
import type {
  ContainerSubject,
  MessageData,
  ReportOptions,
  Reporter,
  RuleContext,
} from './context';
import { Facts } from './facts';
import { hash64 } from './hash';
import { docsUrl, interpolate } from './rule';
import type { Rule } from './rule';
import type { ResolvedConfig } from './config';
import { Suppressor } from './suppression';

/** One subject a rule applied to: passed, failed, or failed but suppressed. Scores count these. */
export interface Check {
  ruleId: string;
  category: Category;
  severity: Severity;
  manifest: Manifest;
  failed: boolean;
  suppressed: boolean;
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface Evaluation {
  findings: Finding[];
  checks: Check[];
  /** Rules that threw: a bug in aigov, reported rather than crashing the scan. */
  ruleErrors: RuleError[];
}

export function objectRef(m: Manifest): ObjectRef {
  const ref: ObjectRef = { apiVersion: m.apiVersion, kind: m.kind, name: m.name };
  if (m.namespace !== undefined) ref.namespace = m.namespace;
  return ref;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

/** Identity of a finding that survives edits that move lines or reorder containers. */
function fingerprintKey(
  ruleId: string,
  messageId: string,
  bundle: Bundle,
  m: Manifest,
  template: PodTemplate | undefined,
  container: ContainerRef | undefined,
  path: Path,
): string {
  let where: string;
  if (container && startsWith(path, container.path))
    where = `${template?.role ?? ''}|c:${container.name}|${formatPath(path.slice(container.path.length))}`;
  else if (template && startsWith(path, template.specPath))
    where = `${template.role ?? ''}|s:${formatPath(path.slice(template.specPath.length))}`;
  else where = formatPath(path);
  const cluster = clusterOf(m);
  return [ruleId, messageId, cluster, m.group, m.kind, bundle.namespaceOf(m), m.name, where].join(
    '|',
  );
}

interface Subject {
  check: Check;
  manifest: Manifest;
  template: PodTemplate | undefined;
  container: ContainerRef | undefined;
}

class Evaluator {
  readonly findings: Finding[] = [];
  readonly checks: Check[] = [];
  readonly ruleErrors: RuleError[] = [];
  private readonly facts: Facts;
  private readonly suppressor: Suppressor;
  private readonly subjects = new Map<object, Subject>();
  private readonly fingerprints = new Map<string, number>();
  private containerList: ContainerSubject[] | undefined;

  constructor(
    private readonly bundle: Bundle,
    private readonly config: ResolvedConfig,
  ) {
    this.facts = new Facts(bundle, config.settings);
    this.suppressor = new Suppressor(config.exemptions, config.requireIgnoreReason);
  }

  private allContainers(): ContainerSubject[] {
    if (!this.containerList) {
      this.containerList = [];
      for (const template of this.bundle.templates) {
        for (const container of template.containers) {
          this.containerList.push({
            container,
            template,
            workload: template.workload,
            manifest: template.workload.manifest,
          });
        }
      }
    }
    return this.containerList;
  }

  run(rule: Rule): void {
    const level = this.config.levels.get(rule.meta.id) ?? 'off';
    if (level === 'off' || !rule.check) return;
    const { requiresComplete, completeKinds } = rule.meta;
    if (requiresComplete && !this.bundle.isCompleteFor(completeKinds ?? [])) return;
    this.subjects.clear();
    const ctx = this.context(rule, level);
    try {
      rule.check(ctx);
    } catch (error) {
      this.ruleErrors.push({
        ruleId: rule.meta.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private context(rule: Rule, level: Severity): RuleContext<string> {
    return {
      bundle: this.bundle,
      settings: this.config.settings,
      facts: this.facts,
      options: this.config.options.get(rule.meta.id) ?? {},
      containers: (filter) => {
        const all = this.allContainers();
        return filter?.init === false ? all.filter((s) => !s.container.init) : all;
      },
      on: (target, container) => this.subject(rule, level, target, container),
    };
  }

  private subject(
    rule: Rule,
    level: Severity,
    target: Manifest | PodTemplate,
    container: ContainerRef | undefined,
  ): Reporter<string> {
    const template = 'workload' in target ? target : undefined;
    const manifest = template ? template.workload.manifest : (target as Manifest);
    // The most specific of the three identifies the subject (containers and templates are
    // objects unique to their workload).
    const key: object = container ?? template ?? manifest;
    let subject = this.subjects.get(key);
    if (!subject) {
      const check: Check = {
        ruleId: rule.meta.id,
        category: rule.meta.category,
        severity: level,
        manifest,
        failed: false,
        suppressed: false,
      };
      this.checks.push(check);
      subject = { check, manifest, template, container };
      this.subjects.set(key, subject);
    }
    const s = subject;
    return {
      report: (messageId: string, path: Path, data?: MessageData, options?: ReportOptions) =>
        this.report(rule, level, s, messageId, path, data, options),
    };
  }

  private report(
    rule: Rule,
    level: Severity,
    subject: Subject,
    messageId: string,
    path: Path,
    data: MessageData | undefined,
    options: ReportOptions | undefined,
  ): void {
    const { meta } = rule;
    const { manifest, template, container } = subject;
    const severity =
      options?.severity && !this.config.configured.has(meta.id) ? options.severity : level;
    const suppressed = this.suppressor.suppression({
      ruleId: meta.id,
      manifest,
      namespace: this.bundle.namespaceOf(manifest),
      template,
      container: container?.name,
    });
    subject.check.failed = true;
    subject.check.severity = severityMax(subject.check.severity, severity);
    if (suppressed) subject.check.suppressed = true;
    const finding: Finding = {
      ruleId: meta.id,
      messageId,
      severity,
      category: meta.category,
      message: interpolate(meta.messages[messageId] ?? messageId, data),
      remediation: meta.remediation,
      docsUrl: docsUrl(meta.id),
      object: objectRef(manifest),
      path: formatPath(path),
      fingerprint: this.fingerprint(
        fingerprintKey(meta.id, messageId, this.bundle, manifest, template, container, path),
      ),
    };
    if (container) finding.container = container.name;
    const origin = manifest.origin;
    if (origin.type === 'file') {
      finding.file = origin.file;
      Object.assign(finding, origin.source.locate([...origin.basePath, ...path]));
    } else {
      finding.cluster = origin.cluster;
    }
    if (suppressed) finding.suppressed = suppressed;
    this.findings.push(finding);
  }

  private fingerprint(key: string): string {
    const base = hash64(key);
    const seen = this.fingerprints.get(base) ?? 0;
    this.fingerprints.set(base, seen + 1);
    return seen === 0 ? base : `${base}~${seen + 1}`;
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

function severityMax(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Runs every enabled rule over the bundle. Never throws because of its input. */
export function evaluateBundle(
  bundle: Bundle,
  config: ResolvedConfig,
  rules: readonly Rule[],
): Evaluation {
  const evaluator = new Evaluator(bundle, config);
  for (const rule of rules) evaluator.run(rule);
  return {
    findings: evaluator.findings,
    checks: evaluator.checks,
    ruleErrors: evaluator.ruleErrors,
  };
}
