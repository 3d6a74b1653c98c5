import type { ReportInput } from './types';

export const JSON_REPORT_VERSION = 1;

/** The machine-readable report: `{ version, findings, score, files }`. */
export function toJsonReport(input: ReportInput): object {
  const { overall, grade, categories } = input.score;
  return {
    version: JSON_REPORT_VERSION,
    findings: input.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      category: f.category,
      message: f.message,
      remediation: f.remediation,
      docsUrl: f.docsUrl,
      file: f.file ?? null,
      line: f.line ?? null,
      column: f.column ?? null,
      endLine: f.endLine ?? null,
      endColumn: f.endColumn ?? null,
      object: f.object ?? null,
      container: f.container ?? null,
      path: f.path,
      fingerprint: f.fingerprint,
      suppressed: f.suppressed
        ? { kind: f.suppressed.kind, reason: f.suppressed.reason ?? null }
        : false,
      ...(f.cluster !== undefined ? { cluster: f.cluster } : {}),
    })),
    score: { overall, grade, categories },
    files: input.files.map((f) => ({ file: f.file, documents: f.documents, objects: f.objects })),
  };
}

export function formatJson(input: ReportInput): string {
  return `${JSON.stringify(toJsonReport(input), null, 2)}\n`;
}
