import { Bundle } from '../bundle/bundle';
import type { Completeness } from '../bundle/bundle';
import { load } from '../load/loader';
import type { FileSummary, LoadedManifest, LoadInput } from '../load/loader';
import type { Finding, Manifest } from '../model';
import { allRules } from '../rules';
import { resolveConfig } from './config';
import type { AigovConfig, ResolvedConfig } from './config';
import { evaluateBundle } from './evaluate';
import type { Check, RuleError } from './evaluate';
import { scoreChecks } from './score';
import type { Score } from './score';
import type { Rule } from './rule';

export interface EvaluateOptions {
  /** The configuration, as written in .aigov.yaml or already resolved. */
  config?: AigovConfig | ResolvedConfig;
  /** Overrides `complete` of the config. Default false. */
  complete?: Completeness;
  /** The rules to run (default: all). */
  rules?: readonly Rule[];
}

export interface EvaluationResult {
  /** Parse findings first, then rule findings, sorted by file, line and column. */
  findings: Finding[];
  checks: Check[];
  score: Score;
  manifests: readonly Manifest[];
  ruleErrors: RuleError[];
  config: ResolvedConfig;
}

export interface ScanResult extends EvaluationResult {
  files: FileSummary[];
}

function isResolved(config: AigovConfig | ResolvedConfig): config is ResolvedConfig {
  return 'levels' in config;
}

export function toResolvedConfig(
  config: AigovConfig | ResolvedConfig | undefined,
  rules: readonly Rule[] = allRules,
): ResolvedConfig {
  if (!config) return resolveConfig({}, rules);
  return isResolved(config) ? config : resolveConfig(config, rules);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Bundles and evaluates already loaded manifests (files or live objects). */
export function evaluateManifests(
  manifests: readonly LoadedManifest[],
  options: EvaluateOptions = {},
  parseFindings: Finding[] = [],
): EvaluationResult {
  const rules = options.rules ?? allRules;
  const config = toResolvedConfig(options.config, rules);
  const complete = options.complete ?? config.complete ?? false;
  const bundle = new Bundle(manifests, { complete });
  const evaluation = evaluateBundle(bundle, config, rules);
  const enabledParse = parseFindings
    .filter((f) => config.levels.get(f.ruleId) !== 'off')
    .map((f) => {
      const level = config.levels.get(f.ruleId);
      return level && level !== 'off' && level !== f.severity ? { ...f, severity: level } : f;
    });
  const findings = [...enabledParse, ...evaluation.findings].sort(compareFindings);
  return {
    findings,
    checks: evaluation.checks,
    score: scoreChecks(evaluation.checks),
    manifests: bundle.manifests,
    ruleErrors: evaluation.ruleErrors,
    config,
  };
}

/** The whole pipeline on files: load → bundle → evaluate → score. */
export function scan(inputs: readonly LoadInput[], options: EvaluateOptions = {}): ScanResult {
  const config = toResolvedConfig(options.config, options.rules);
  const loaded = load(inputs, { limits: config.limits });
  return {
    ...evaluateManifests(loaded.manifests, { ...options, config }, loaded.findings),
    files: loaded.files,
  };
}
