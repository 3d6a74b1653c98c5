/** Findings for unit tests. */
import type { Finding, Severity } from '@aigov/rules';

export function finding(
  fingerprint: string,
  options: {
    file?: string;
    line?: number;
    severity?: Severity;
    ruleId?: string;
    suppressed?: boolean;
  } = {},
): Finding {
  const ruleId = options.ruleId ?? 'resources/cpu-request-missing';
  return {
    ruleId,
    messageId: 'missing',
    severity: options.severity ?? 'warning',
    category: 'resources',
    message: `Finding ${fingerprint}`,
    remediation: 'Fix it.',
    docsUrl: `https://example.com/${ruleId}.md`,
    file: options.file ?? 'k8s/a.yaml',
    line: options.line ?? 10,
    column: 5,
    endLine: options.line ?? 10,
    endColumn: 9,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'api' },
    path: 'spec.template.spec.containers[0].resources',
    fingerprint,
    ...(options.suppressed ? { suppressed: { kind: 'annotation' as const, reason: 'ok' } } : {}),
  };
}
