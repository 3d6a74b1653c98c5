/**
 * What the step reports besides the comment: the conclusion for fail-on-severity, annotations
 * and the outputs.
 */
import { severityRank } from '@aigov/rules';
import type { Finding, ObjectRef, Score, Severity } from '@aigov/rules';
import type { FailOn } from './inputs';

/** Whether a finding counts against the threshold (suppressed ones never do). */
export function atOrAbove(f: Finding, threshold: Severity): boolean {
  return !f.suppressed && severityRank(f.severity) >= severityRank(threshold);
}

export function conclusionOf(findings: readonly Finding[], failOn: FailOn): 'success' | 'failure' {
  if (failOn === 'none') return 'success';
  return findings.some((f) => atOrAbove(f, failOn)) ? 'failure' : 'success';
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title: string;
  file: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

const LEVEL: Record<Severity, Annotation['level']> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

function objectLabel(ref: ObjectRef | undefined): string {
  if (!ref) return '';
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/**
 * Annotations for the reported findings at or above fail-on-severity (warning and above when it
 * is none), new ones first: GitHub shows a limited number per step.
 */
export function annotationsFor(
  findings: readonly Finding[],
  failOn: FailOn,
  isNew: (f: Finding) => boolean,
): Annotation[] {
  const threshold: Severity = failOn === 'none' ? 'warning' : failOn;
  return findings
    .filter((f) => f.file !== undefined && atOrAbove(f, threshold))
    .map((f, i) => ({ f, i, fresh: isNew(f) }))
    .sort(
      (a, b) =>
        Number(b.fresh) - Number(a.fresh) ||
        severityRank(b.f.severity) - severityRank(a.f.severity) ||
        a.i - b.i,
    )
    .map(({ f }) => {
      const obj = objectLabel(f.object);
      const a: Annotation = {
        level: LEVEL[f.severity],
        title: `aigov ${f.ruleId}`,
        message: `${f.message}${obj ? ` (${obj})` : ''}\nFix: ${f.remediation}\n${f.docsUrl}`,
        file: f.file as string,
      };
      if (f.line !== undefined) {
        a.startLine = f.line;
        a.endLine = f.endLine ?? f.line;
        // Columns only make sense on one line.
        if (a.endLine === a.startLine && f.column !== undefined) {
          a.startColumn = f.column;
          if (f.endColumn !== undefined) a.endColumn = f.endColumn;
        }
      }
      return a;
    });
}

export interface Outputs {
  'findings-count': number;
  'new-findings-count': number;
  'fixed-findings-count': number;
  'error-count': number;
  'warning-count': number;
  'info-count': number;
  score: number;
  grade: string;
  conclusion: 'success' | 'failure';
  'comment-id': string;
  'comment-url': string;
  'sarif-file': string;
  'report-file': string;
}

export function countOutputs(
  active: readonly Finding[],
  score: Score,
  comparison: { new: readonly Finding[]; fixed: readonly Finding[] } | undefined,
  failOn: FailOn,
): Pick<
  Outputs,
  | 'findings-count'
  | 'new-findings-count'
  | 'fixed-findings-count'
  | 'error-count'
  | 'warning-count'
  | 'info-count'
  | 'score'
  | 'grade'
  | 'conclusion'
> {
  const by = (s: Severity): number => active.filter((f) => f.severity === s).length;
  return {
    'findings-count': active.length,
    'new-findings-count': comparison ? comparison.new.length : active.length,
    'fixed-findings-count': comparison ? comparison.fixed.length : 0,
    'error-count': by('error'),
    'warning-count': by('warning'),
    'info-count': by('info'),
    score: score.overall,
    grade: score.grade,
    conclusion: conclusionOf(active, failOn),
  };
}
