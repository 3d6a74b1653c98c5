/**
 * A strict reader of the Prometheus text exposition format (0.0.4) for the tests: every line is
 * a comment (`# HELP`/`# TYPE` or free text), a sample, or empty; anything else throws.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help?: string;
  type?: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseValue(raw: string, line: number): number {
  if (raw === '+Inf') return Infinity;
  if (raw === '-Inf') return -Infinity;
  if (raw === 'NaN') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw))
    throw new Error(`line ${line}: bad value "${raw}"`);
  return Number(raw);
}

function parseLabels(text: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 0;
  for (;;) {
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const m = LABEL_NAME.exec(text.slice(i));
    if (!m) throw new Error(`line ${line}: bad label name at "${text.slice(i, i + 10)}"`);
    const name = m[0];
    i += name.length;
    if (text[i] !== '=' || text[i + 1] !== '"') throw new Error(`line ${line}: expected ="`);
    i += 2;
    let value = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error(`line ${line}: unterminated label value`);
      if (c === '"') break;
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`line ${line}: bad escape \\${next}`);
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    if (name in labels) throw new Error(`line ${line}: duplicate label ${name}`);
    labels[name] = value;
    i++;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`line ${line}: expected , or }`);
  }
}

export function parseExposition(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const family = (name: string): MetricFamily => {
    let f = families.get(name);
    if (!f) {
      f = { name, samples: [] };
      families.set(name, f);
    }
    return f;
  };
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === '') return;
      const meta = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(raw);
      if (meta) {
        const f = family(meta[2] as string);
        if (meta[1] === 'HELP') f.help = meta[3];
        else {
          if (f.samples.length > 0)
            throw new Error(`line ${line}: TYPE after samples of ${f.name}`);
          if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(meta[3] as string))
            throw new Error(`line ${line}: bad type ${meta[3]}`);
          f.type = meta[3];
        }
        return;
      }
      if (raw.startsWith('#')) return;
      const m = new RegExp(`^(${NAME})(\\{)?`).exec(raw);
      if (!m) throw new Error(`line ${line}: not a sample: ${raw}`);
      const name = m[1] as string;
      let rest = raw.slice(name.length);
      let labels: Record<string, string> = {};
      if (m[2]) ({ labels, rest } = parseLabels(rest.slice(1), line));
      const parts = rest.trim().split(/\s+/);
      if (!rest.startsWith(' ') || parts.length < 1 || parts.length > 2)
        throw new Error(`line ${line}: expected " value [timestamp]"`);
      family(name).samples.push({ name, labels, value: parseValue(parts[0] as string, line) });
    });
  return families;
}
