/**
 * Differential check of the loader's two parsers through the public API: the default load (the
 * fast path where it applies) against `parser: 'yaml'` (the `yaml` library for every document).
 * They must agree on files, findings, objects (same keys in the same order, `Object.is` on
 * scalars) and the position of every path a rule can report, existing or not.
 */
import { load } from '@aigov/rules';
import type { JsonValue, LoadInput, LoadResult, Path } from '@aigov/rules';

export interface ParserComparison {
  manifests: number;
  paths: number;
  differences: string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Every path of a value, and beside each the missing ones a rule may report. */
function probePaths(value: JsonValue, limit: number): Path[] {
  const out: Path[] = [];
  const stack: [JsonValue, Path][] = [[value, []]];
  while (stack.length > 0 && out.length < limit) {
    const [v, path] = stack.pop() as [JsonValue, Path];
    out.push(path);
    if (Array.isArray(v)) {
      out.push([...path, v.length], [...path, 'name']);
      v.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (v !== null && typeof v === 'object') {
      out.push([...path, 'zz-missing', 'deeper']);
      for (const [k, child] of Object.entries(v)) stack.push([child ?? null, [...path, k]]);
    } else out.push([...path, 'child']);
  }
  return out;
}

function withoutOrigins(r: LoadResult): unknown {
  return { files: r.files, findings: r.findings };
}

export function compareParsers(
  inputs: readonly LoadInput[],
  pathsPerObject = 5000,
): ParserComparison {
  const fast = load(inputs);
  const reference = load(inputs, { parser: 'yaml' });
  const out: ParserComparison = { manifests: fast.manifests.length, paths: 0, differences: [] };
  if (JSON.stringify(withoutOrigins(fast)) !== JSON.stringify(withoutOrigins(reference)))
    out.differences.push('files or findings differ');
  if (fast.manifests.length !== reference.manifests.length) {
    out.differences.push(
      `${fast.manifests.length} objects, ${reference.manifests.length} expected`,
    );
    return out;
  }
  fast.manifests.forEach((m, i) => {
    const ref = reference.manifests[i];
    if (!ref || m.origin.type !== 'file' || ref.origin.type !== 'file') return;
    const where = `${m.origin.file} document ${m.origin.documentIndex}`;
    const identity = (x: typeof m): string =>
      JSON.stringify([
        x.apiVersion,
        x.kind,
        x.name,
        x.namespace,
        x.origin.type === 'file' && x.origin.basePath,
      ]);
    if (identity(m) !== identity(ref)) out.differences.push(`${where}: identity differs`);
    if (!sameValue(m.object, ref.object)) out.differences.push(`${where}: values differ`);
    for (const path of probePaths(ref.object, pathsPerObject)) {
      out.paths++;
      const full = [...ref.origin.basePath, ...path];
      const want = JSON.stringify(ref.origin.source.locate(full));
      const got = JSON.stringify(m.origin.source.locate(full));
      if (want !== got)
        out.differences.push(`${where} ${JSON.stringify(path)}: ${got}, expected ${want}`);
    }
  });
  return out;
}
