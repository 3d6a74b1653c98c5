/**
 * Random block YAML in the style of manifests, built to hit what decides positions in `yaml`:
 * comment lines at every indentation after values and at the ends of collections, blank and
 * whitespace-only lines, block scalars with every chomping mode and trailing lines, flow
 * collections, compact nested collections, sequences at their parent's indentation.
 */
export type Random = () => number;

/** A deterministic random source (mulberry32). */
export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS = [
  'a',
  'b c',
  '1',
  '0x1F',
  '-0',
  '.5',
  '1e3',
  'true',
  'null',
  '~',
  '"q"',
  "'s''t'",
  '"e\\tsc"',
  'a:b',
  'a#b',
  'http://x:80/y',
  '-1',
  ':x',
  '?y',
  '""',
  "''",
  'x  ',
  '"a # b"',
];
const FLOW_SCALARS = SCALARS.filter((s) => !/[:#]/.test(s));
const KEYS = ['a', 'b', 'k e', '"q k"', "'s'", '1', 'true', '~', 'x.y/z', 'a:b'];

export function randomYaml(r: Random): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (a: number, b: number): number => a + Math.floor(r() * (b - a + 1));
  const lines: string[] = [];

  /** Blank lines, lines of spaces and comment lines at any indentation near `indent`. */
  const noise = (indent: number): void => {
    for (let i = int(0, 3); i > 0; i--) {
      const kind = int(0, 3);
      if (kind === 0) lines.push('');
      else if (kind === 1) lines.push(' '.repeat(int(0, indent + 4)));
      else lines.push(`${' '.repeat(int(0, indent + 4))}# c`);
    }
  };
  const trailing = (): string => pick(['', '', ' ', ' # t', '   # t2']);
  const flow = (depth: number): string => {
    if (depth > 2 || r() < 0.4) return pick(FLOW_SCALARS);
    const items = Array.from({ length: int(0, 3) }, (_, i) =>
      r() < 0.5 ? flow(depth + 1) : `k${i}: ${flow(depth + 1)}`,
    );
    return items.every((s) => s.startsWith('k')) && items.length > 0
      ? `{${items.join(', ')}}`
      : `[${items.filter((s) => !s.startsWith('k')).join(', ')}]`;
  };
  const blockScalar = (indent: number): string[] => {
    const header = pick(['|', '|-', '|+', '>', '>-', '>+']) + pick(['', ' # h']);
    const at = indent + int(1, 3);
    const body = [`${' '.repeat(at)}first`];
    for (let i = int(0, 3); i > 0; i--) {
      const kind = int(0, 4);
      if (kind === 0) body.push('');
      else if (kind === 1) body.push(' '.repeat(int(0, at + 2)));
      else
        body.push(
          `${' '.repeat(at + (kind === 2 ? int(0, 2) : 0))}${pick(['text', '# not a comment', 'x: y'])}`,
        );
    }
    return [header, ...body];
  };

  /** A value after `prefix` (`key:` or `-`, indented) in a collection indented `indent`. */
  const node = (indent: number, depth: number, prefix: string): void => {
    const kind = depth > 3 ? int(0, 2) : int(0, 5);
    if (kind === 0) return void lines.push(`${prefix} ${pick(SCALARS)}${trailing()}`);
    if (kind === 1) return void lines.push(`${prefix} ${flow(0)}${trailing()}`);
    if (kind === 2) {
      const [header, ...body] = blockScalar(indent);
      return void lines.push(`${prefix} ${header}`, ...body);
    }
    const inner = indent + int(1, 3);
    lines.push(prefix + pick(['', ' # c']));
    if (kind === 3 && prefix.endsWith(':') && r() < 0.2) return; // an empty value
    if (kind === 3 || kind === 4) {
      noise(inner);
      for (let i = int(1, 3); i > 0; i--) {
        node(inner, depth + 1, `${' '.repeat(inner)}${pick(KEYS)}${i}:`);
        noise(inner);
      }
      return;
    }
    const seqIndent = prefix.endsWith(':') && r() < 0.3 ? indent : inner;
    for (let i = int(1, 3); i > 0; i--) {
      if (r() < 0.4) {
        lines.push(`${' '.repeat(seqIndent)}- k${i}: ${pick(SCALARS)}${trailing()}`);
        if (r() < 0.5) node(seqIndent + 2, depth + 1, `${' '.repeat(seqIndent + 2)}m${i}:`);
      } else node(seqIndent, depth + 1, `${' '.repeat(seqIndent)}-`);
      noise(seqIndent);
    }
  };

  noise(0);
  for (let i = int(1, 3); i > 0; i--) {
    node(0, 0, `key${i}:`);
    noise(0);
  }
  return lines.join('\n') + pick(['\n', '', '\n\n', '\n  ', '\n...\n']);
}
