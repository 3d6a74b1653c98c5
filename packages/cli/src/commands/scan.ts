import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_LIMITS,
  REPORT_FORMATS,
  formatReport,
  scan,
  severityRank,
  toResolvedConfig,
} from '@aigov/rules';
import type { LoadInput, ReportFormat, ScanResult, Severity } from '@aigov/rules';
import { loadConfig } from '../config';
import { UsageError } from '../errors';
import { discover, readInputs, readStdin } from '../files';
import type { Output } from '../output';

export type FailOn = Severity | 'none';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export interface ScanCommandOptions {
  paths: string[];
  format: ReportFormat;
  output?: string;
  config?: string;
  failOn: FailOn;
  complete?: boolean;
  exclude: string[];
  cwd: string;
}

export function parseFormat(value: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${value}")`);
  return value as ReportFormat;
}

export function parseFailOn(value: string): FailOn {
  if (!(FAIL_ON as readonly string[]).includes(value))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${value}")`);
  return value as FailOn;
}

// The version SARIF names as the tool's (same path from src/commands and dist/commands).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CLI_VERSION = (require('../../package.json') as { version: string }).version;

export interface RenderOptions {
  color: boolean;
  /** The directory report paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  failOn: FailOn;
}

export function renderReport(
  result: ScanResult,
  format: ReportFormat,
  options: RenderOptions,
): string {
  return formatReport(format, result, {
    color: options.color,
    toolVersion: CLI_VERSION,
    srcRoot: pathToFileURL(options.cwd).href,
    // JUnit marks as failures what fails the run.
    ...(options.failOn !== 'none' ? { failureSeverity: options.failOn } : {}),
  });
}

/** Whether any unsuppressed finding is at or above the threshold. */
export function failsAt(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = severityRank(failOn);
  return result.findings.some((f) => !f.suppressed && severityRank(f.severity) >= threshold);
}

export async function runScan(opts: ScanCommandOptions, out: Output): Promise<number> {
  const paths = opts.paths.length > 0 ? opts.paths : ['.'];
  const fromStdin = paths.includes('-');
  if (fromStdin && paths.length > 1)
    throw new UsageError('"-" (stdin) cannot be combined with other paths');
  const { config } = await loadConfig(opts.config, paths[0], opts.cwd);
  const resolved = toResolvedConfig(config);
  const maxFileBytes = resolved.limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;

  let inputs: LoadInput[];
  let wholeDirectories = false;
  if (fromStdin) {
    inputs = [{ file: '<stdin>', bytes: await readStdin() }];
  } else {
    const found = await discover(paths, { exclude: opts.exclude, cwd: opts.cwd });
    wholeDirectories = found.allDirectories;
    if (found.files.length > 200) out.progress(`Scanning ${found.files.length} files…`);
    inputs = await readInputs(found.files, opts.cwd, maxFileBytes);
  }
  // A scan of whole directories is complete for their namespaces unless configured otherwise.
  const complete = opts.complete ?? resolved.complete ?? wholeDirectories;
  const result = scan(inputs, { config: resolved, complete });
  for (const e of result.ruleErrors)
    out.warn(`rule ${e.ruleId} failed and was skipped: ${e.message} (please report this bug)`);

  const color = !opts.output && out.colorStdout;
  const report = renderReport(result, opts.format, { color, cwd: opts.cwd, failOn: opts.failOn });
  if (opts.output) {
    const target = path.resolve(opts.cwd, opts.output);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, report);
  } else {
    out.stdout(report);
  }
  return failsAt(result, opts.failOn) ? 1 : 0;
}
