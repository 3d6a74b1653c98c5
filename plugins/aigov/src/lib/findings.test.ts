import type { AigovFinding } from '@aigov/backstage-plugin-common';
import { countFindings } from '@aigov/backstage-plugin-common';
import { filterFindings, groupFindings, worstFindings } from './findings';
import { must } from '../testUtils/must';

let n = 0;
function finding(partial: Partial<AigovFinding>): AigovFinding {
  n++;
  return {
    ruleId: 'gpu/shm-missing',
    messageId: 'm',
    severity: 'warning',
    category: 'gpu',
    message: `message ${n}`,
    remediation: 'r',
    docsUrl: 'https://example.com',
    path: 'spec',
    fingerprint: `fp${n}`,
    cluster: 'east',
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'llm' },
    ...partial,
  };
}

describe('groupFindings', () => {
  it('groups by cluster, workload and container; worst workloads first, object-level findings first', () => {
    const api = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'api' };
    const findings = [
      finding({ container: 'vllm' }),
      finding({ severity: 'info' }),
      finding({ object: api, severity: 'error', container: 'web' }),
      finding({ cluster: 'west', severity: 'info' }),
      finding({ container: 'sidecar', severity: 'error', suppressed: { kind: 'annotation' } }),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.cluster)).toEqual(['east', 'west']);
    const east = must(groups[0]);
    expect(east.workloads.map((w) => w.object?.name)).toEqual(['api', 'llm']);
    expect(must(east.workloads[1]).containers.map((c) => c.container)).toEqual([
      undefined,
      'sidecar',
      'vllm',
    ]);
    // A suppressed error does not make the workload an error.
    expect(east.workloads[1]?.worst).toBe('warning');
    expect(east.counts).toEqual({ error: 1, warning: 1, info: 1, suppressed: 1 });
  });
});

describe('filterFindings', () => {
  const findings = [
    finding({ severity: 'error', category: 'security' }),
    finding({ severity: 'warning', category: 'gpu' }),
    finding({ severity: 'info', category: 'gpu', suppressed: { kind: 'exemption', reason: 'x' } }),
  ];
  it('shows everything when nothing is selected', () => {
    expect(
      filterFindings(findings, { severities: [], categories: [], showSuppressed: true }),
    ).toHaveLength(3);
  });
  it('combines severities, categories and suppressed', () => {
    expect(
      filterFindings(findings, {
        severities: ['warning', 'info'],
        categories: ['gpu'],
        showSuppressed: false,
      }),
    ).toEqual([findings[1]]);
    expect(
      filterFindings(findings, { severities: [], categories: ['security'], showSuppressed: true }),
    ).toEqual([findings[0]]);
  });
});

describe('worstFindings and countFindings', () => {
  it('ranks by severity, keeps the given order otherwise, skips suppressed', () => {
    const findings = [
      finding({ severity: 'info' }),
      finding({ severity: 'warning' }),
      finding({ severity: 'error', suppressed: { kind: 'annotation' } }),
      finding({ severity: 'warning' }),
      finding({ severity: 'error' }),
    ];
    expect(worstFindings(findings, 3)).toEqual([findings[4], findings[1], findings[3]]);
    expect(countFindings(findings)).toEqual({ error: 1, warning: 2, info: 1, suppressed: 1 });
  });
});
