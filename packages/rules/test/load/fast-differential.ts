/**
 * Compares the fast path with the `yaml` path chunk by chunk: wherever the fast path accepts a
 * chunk, it must give the same documents, values and positions.
 */
import { parseFast } from '../../src/load/fast-parse';
import { DEFAULT_LIMITS } from '../../src/load/limits';
import type { ParsedDocument } from '../../src/load/parsed';
import { splitDocuments } from '../../src/load/split';
import { MAX_COMPOSE_DEPTH, parseWithYaml } from '../../src/load/yaml-documents';
import type { Path } from '../../src/model';
import { probePaths, sameValue } from './differential';

export interface FastComparison {
  chunks: number;
  accepted: number;
  paths: number;
  differences: { chunk: number; what: string; path?: Path; expected: unknown; actual: unknown }[];
}

function describe(d: ParsedDocument): string {
  return d.kind === 'value' ? 'value' : `${d.kind} ${JSON.stringify(d.range)}`;
}

export function compareFast(text: string, maxDepth = DEFAULT_LIMITS.maxDepth): FastComparison {
  const out: FastComparison = { chunks: 0, accepted: 0, paths: 0, differences: [] };
  const limits = { ...DEFAULT_LIMITS, maxDepth };
  splitDocuments(text).forEach((chunk, index) => {
    out.chunks++;
    const fast = parseFast(chunk.text, chunk.lineOffset, Math.min(maxDepth, MAX_COMPOSE_DEPTH));
    if (!fast) return;
    out.accepted++;
    const ref = parseWithYaml(chunk.text, chunk.lineOffset, limits);
    const diff = (what: string, expected: unknown, actual: unknown, path?: Path): void => {
      out.differences.push({ chunk: index, what, path, expected, actual });
    };
    if (ref.length !== fast.length) return diff('documents', ref.map(describe), fast.map(describe));
    ref.forEach((r, i) => {
      const f = fast[i] as ParsedDocument;
      if (r.kind !== f.kind) return diff('kind', describe(r), describe(f));
      if (r.kind !== 'value' || f.kind !== 'value') {
        if (JSON.stringify(r) !== JSON.stringify(f)) diff('range', describe(r), describe(f));
        return;
      }
      if (!sameValue(f.value, r.value)) return diff('value', r.value, f.value);
      for (const path of probePaths(r.value)) {
        out.paths++;
        const want = r.source.locate(path);
        const got = f.source.locate(path);
        if (JSON.stringify(want) !== JSON.stringify(got)) diff('position', want, got, path);
      }
    });
  });
  return out;
}
