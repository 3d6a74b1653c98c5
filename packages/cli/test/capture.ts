import type { Output } from '../src/output';

export interface Captured extends Output {
  out: string;
  err: string;
}

export function capture(): Captured {
  const c: Captured = {
    out: '',
    err: '',
    stdout: (t) => void (c.out += t),
    stderr: (t) => void (c.err += t),
    warn: (m) => void (c.err += `aigov: warning: ${m}\n`),
    progress: () => undefined,
    colorStdout: false,
  };
  return c;
}

/** An .aigov.yaml with one rule on, so CLI expectations hold while the catalog grows. */
export const ONE_RULE_CONFIG = `rules:
  resources/*: off
  gpu/*: off
  scaling/*: off
  storage/*: off
  security/*: off
  monitoring/*: off
  reliability/*: off
  resources/cpu-request-missing: warning
`;
