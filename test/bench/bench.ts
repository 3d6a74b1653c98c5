/**
 * Benchmarks of the rules core, reported as ratios so they mean something on any machine:
 * - a full scan (load + bundle + every rule + the positions of findings) over
 *   `yaml.parseAllDocuments` alone on the same text (target ≤ 2×);
 * - 10,000 documents over 1,000 (target ≤ 11×: the scan scales linearly);
 * plus documents per second for the generated sets and the real-world corpus.
 *
 * `npm run bench` (root) or `npm run bench -w @aigov/tests`; `BENCH_RUNS=n` sets the runs per
 * measurement (median reported). CI runs it as a smoke test: it always exits 0.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { evaluateManifests, load, scan } from '@aigov/rules';
import type { LoadInput } from '@aigov/rules';
import { CORPUS } from '../support/cli';
import { generateManifests } from '../support/manifests';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const TARGET_PARSE_RATIO = 2;
const TARGET_SCALING = 11;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median wall time of `fn` over RUNS runs, in milliseconds, after a collection of garbage. */
function time(fn: () => unknown, runs = RUNS): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function corpusInputs(): LoadInput[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      return /\.(ya?ml|json)$/i.test(e.name) ? [p] : [];
    });
  return walk(CORPUS).map((file) => ({
    file: path.relative(CORPUS, file),
    bytes: new Uint8Array(readFileSync(file)),
  }));
}

interface SetResult {
  name: string;
  documents: number;
  bytes: number;
  parseMs: number;
  loadMs: number;
  evaluateMs: number;
  scanMs: number;
  findings: number;
  ruleErrors: number;
}

function measureSet(name: string, documents: number): SetResult {
  const text = generateManifests(documents);
  const inputs = [{ file: `${name}.yaml`, text }];
  const once = scan(inputs, { complete: true });
  const loaded = load(inputs);
  return {
    name,
    documents,
    bytes: text.length,
    parseMs: time(() => parseAllDocuments(text)),
    loadMs: time(() => load(inputs)),
    evaluateMs: time(() =>
      evaluateManifests(loaded.manifests, { complete: true }, loaded.findings),
    ),
    scanMs: time(() => scan(inputs, { complete: true })),
    findings: once.findings.length,
    ruleErrors: once.ruleErrors.length,
  };
}

const fmt = (ms: number): string => `${ms.toFixed(0).padStart(6)} ms`;
const rate = (docs: number, ms: number): string =>
  `${Math.round((docs / ms) * 1000).toLocaleString('en-US')} docs/s`;
const verdict = (ratio: number, target: number): string =>
  ratio <= target ? `ok (target ≤ ${target}×)` : `OVER TARGET (≤ ${target}×)`;

function printSet(r: SetResult): void {
  console.log(
    `\n${r.name}: ${r.documents.toLocaleString('en-US')} documents, ${(r.bytes / 1048576).toFixed(2)} MB, ` +
      `${r.findings.toLocaleString('en-US')} findings${r.ruleErrors ? `, ${r.ruleErrors} RULE ERRORS` : ''}`,
  );
  console.log(`  yaml.parseAllDocuments ${fmt(r.parseMs)}  ${rate(r.documents, r.parseMs)}`);
  console.log(`  load (aigov loader)    ${fmt(r.loadMs)}  ${rate(r.documents, r.loadMs)}`);
  console.log(`  bundle + rules         ${fmt(r.evaluateMs)}`);
  console.log(`  full scan              ${fmt(r.scanMs)}  ${rate(r.documents, r.scanMs)}`);
  const ratio = r.scanMs / r.parseMs;
  console.log(
    `  full scan / parseAllDocuments: ${ratio.toFixed(2)}×  ${verdict(ratio, TARGET_PARSE_RATIO)}`,
  );
  const share = (r.loadMs / (r.loadMs + r.evaluateMs)) * 100;
  console.log(
    `  time in the loader: ${share.toFixed(0)}%, in bundle + rules: ${(100 - share).toFixed(0)}%`,
  );
}

function main(): void {
  console.log(`aigov benchmarks — node ${process.version}, median of ${RUNS} runs`);
  measureSet('warm-up', 1000);
  const small = measureSet('generated-1k', 1000);
  const large = measureSet('generated-10k', 10000);
  printSet(small);
  printSet(large);
  const scaling = large.scanMs / small.scanMs;
  console.log(
    `\nscaling: 10,000-document scan / 1,000-document scan = ${scaling.toFixed(2)}×  ${verdict(scaling, TARGET_SCALING)}`,
  );

  if (existsSync(CORPUS)) {
    const inputs = corpusInputs();
    const result = scan(inputs, { complete: true });
    const documents = result.manifests.length;
    const scanMs = time(() => scan(inputs, { complete: true }));
    console.log(
      `\ncorpus: ${inputs.length} files, ${documents} objects, ${result.findings.length} findings` +
        `${result.ruleErrors.length ? `, ${result.ruleErrors.length} RULE ERRORS` : ''}`,
    );
    console.log(`  full scan              ${fmt(scanMs)}  ${rate(documents, scanMs)}`);
  } else {
    console.log(`\ncorpus: not found at ${CORPUS}, skipped`);
  }
}

main();
