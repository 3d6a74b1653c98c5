import type { Category, Manifest, ObjectRef, Path, Severity } from './types';

/** Why a finding does not count against the score. */
export interface Suppression {
  kind: 'annotation' | 'exemption';
  reason?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  category: Category;
  message: string;
  remediation: string;
  docsUrl: string;
  /** Absent for objects read from a live cluster. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  object?: ObjectRef;
  /** The cluster a live object came from. */
  cluster?: string;
  container?: string;
  /** Path inside the object, e.g. `spec.template.spec.containers[0].resources`. */
  path: string;
  fingerprint: string;
  suppressed?: Suppression;
}

/** Renders a path the way kubectl explain and most users write it. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The cluster a live object came from; `''` for objects read from files. */
export function clusterOf(m: Manifest): string {
  return m.origin.type === 'live' ? m.origin.cluster : '';
}
