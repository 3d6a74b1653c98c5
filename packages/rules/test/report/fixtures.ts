import type { AigovConfig } from '../../src/engine/config';
import type { Rule } from '../../src/engine/rule';
import { scan } from '../../src/engine/scan';
import type { ScanResult } from '../../src/engine/scan';
import type { Finding, Severity } from '../../src/model';
import { getRule } from '../../src/rules';

export const CPU_RULE_ID = 'resources/cpu-request-missing';

function rule(id: string): Rule {
  const r = getRule(id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/**
 * Scans YAML with one rule only, so the expectations do not move as rules are added.
 * Parse findings (from the loader) still appear.
 */
export function scanYaml(files: Record<string, string>, config: AigovConfig = {}): ScanResult {
  return scan(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { rules: [rule(CPU_RULE_ID)], config },
  );
}

/** Two containers without CPU requests; the second is suppressed by annotation. */
export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ml
  annotations:
    aigov.dev/ignore.sidecar: resources/cpu-request-missing
    aigov.dev/ignore-reason: "the sidecar is <tiny> & idle"
spec:
  template:
    spec:
      containers:
        - name: server
          image: server:1.0
        - name: sidecar
          image: proxy:1.0
`;

/** A pod whose container name is hostile to markdown. */
export const POD = `apiVersion: v1
kind: Pod
metadata: {name: "train_*job*"}
spec:
  containers:
    - name: "<b>@octocat</b>|\`x\`"
      image: trainer:1.0
`;

export const CLEAN = `apiVersion: v1
kind: Pod
metadata: {name: ok}
spec:
  containers:
    - name: app
      image: app:1.0
      resources: {requests: {cpu: 100m}}
`;

/** `count` pods without CPU requests in one document stream, one container each. */
export function manyPods(count: number, prefix = 'pod'): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++)
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${prefix}-${i}}\nspec:\n  containers:\n    - name: c\n      image: x:1\n`,
    );
  return docs.join('---\n');
}

/** A copy of a finding with another severity and fingerprint (for mixing severities). */
export function withSeverity(f: Finding, severity: Severity, tag: string): Finding {
  return {
    ...f,
    severity,
    fingerprint: `${f.fingerprint}-${tag}`,
    message: `${f.message} [${tag}]`,
  };
}
