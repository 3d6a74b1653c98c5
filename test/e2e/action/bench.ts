/**
 * The action's benchmark (`npm run bench -w @aigov/action`): the bundle's size and load time,
 * and a whole run — process start to the comment posted — on a 500-file pull request against
 * the fake GitHub API, with the default rules on generated AI-workload manifests.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateDocuments } from '../../support/manifests';
import { FakeGitHub } from './fake-github';
import {
  ACTION_DIST,
  GitRepo,
  makeTempDir,
  openPull,
  pullRequestPayload,
  removeDir,
  runAction,
} from './harness';

const FILES = 500;
const RUNS = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function ms(n: number): string {
  return `${n.toFixed(0)} ms`;
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return performance.now() - t;
}

async function main(): Promise<void> {
  // Bundle size and load time: node started with the bundle, which exits right after loading
  // (no GITHUB_REPOSITORY), against node doing nothing.
  const bytes = statSync(ACTION_DIST).size;
  const gzip = gzipSync(readFileSync(ACTION_DIST)).length;
  const env = { PATH: process.env.PATH };
  const bare: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < 7; i++) {
    bare.push(timeProcess(['-e', '0'], env));
    loaded.push(timeProcess([ACTION_DIST], env));
  }
  const load = median(loaded) - median(bare);

  // A 500-file pull request: every file changed between base and head.
  const dir = makeTempDir('aigov-bench-');
  const api = await new FakeGitHub().start();
  try {
    const repo = GitRepo.init(path.join(dir, 'repo'));
    const before = generateDocuments(FILES, 1);
    const after = generateDocuments(FILES, 2);
    const files = (docs: string[]): Record<string, string> =>
      Object.fromEntries(docs.map((d, i) => [`k8s/${String(i).padStart(3, '0')}.yaml`, d]));
    const base = repo.commit(files(before), 'base');
    const head = repo.commit(files(after), 'head');
    const pr = openPull(api, repo, { base, head });
    const sizeMb = after.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;

    const totals: number[] = [];
    const toComment: number[] = [];
    let requests = 0;
    let findings = '';
    for (let i = 0; i < RUNS; i++) {
      api.issueComments.length = 0;
      api.requests.length = 0;
      const started = Date.now();
      const run = await runAction({
        api,
        workspace: repo.dir,
        eventName: 'pull_request',
        payload: pullRequestPayload(api, pr),
        sha: head,
        inputs: { 'fail-on-severity': 'none' },
        // Real waits: GitHub's one second between writes is part of a real run.
        env: { AIGOV_ACTION_TEST_TIME_SCALE: process.env.SCALE ?? '1' },
        timeoutMs: 120_000,
      });
      if (run.code !== 0) throw new Error(`the action failed:\n${run.stdout}\n${run.stderr}`);
      const posted = api.requests.find(
        (r) => r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path),
      );
      if (!posted) throw new Error('no comment was posted');
      totals.push(run.durationMs);
      toComment.push(posted.time - started);
      requests = api.requests.length;
      findings = `${run.outputs['findings-count']} findings, score ${run.outputs.score} (${run.outputs.grade})`;
    }
    const filesPages = Math.ceil(FILES / 100);
    console.log('action benchmark');
    console.log(
      `  bundle                 ${(bytes / 1024).toFixed(0)} KiB (${(gzip / 1024).toFixed(0)} KiB gzipped)`,
    );
    console.log(
      `  load                   ${ms(load)} (node with the bundle ${ms(median(loaded))}, bare node ${ms(median(bare))}; median of 7)`,
    );
    console.log(
      `  pull request           ${FILES} changed files, ${sizeMb.toFixed(1)} MB, ${filesPages} pages of files; ${findings}`,
    );
    console.log(
      `  start → comment posted ${ms(median(toComment))} (median of ${RUNS}: ${toComment.map(ms).join(', ')})`,
    );
    console.log(
      `  whole run              ${ms(median(totals))} (process start to exit; ${requests} API requests)`,
    );
    console.log(
      `  ratios                 load / whole run ${(load / median(totals)).toFixed(2)}; comment / whole run ${(median(toComment) / median(totals)).toFixed(2)}`,
    );
  } finally {
    await api.stop();
    removeDir(dir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
