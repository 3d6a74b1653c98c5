import type { LoadLimits } from '../load/limits';
import type { Severity } from '../model';
import type { Rule } from './rule';
import { DEFAULT_SETTINGS } from './settings';
import type { Settings } from './settings';
import type { Exemption } from './suppression';

export type Preset = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];
export type RuleLevel = Severity | 'off';
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** The contents of an .aigov.yaml file, after validation. */
export interface AigovConfig {
  extends?: Preset;
  /** Whether scanned directories hold the whole picture of their namespaces. */
  complete?: boolean;
  /** Severity or `off` per rule id or `category/*`, optionally with options. */
  rules?: Record<string, RuleSetting>;
  settings?: Partial<Settings>;
  exemptions?: Exemption[];
  limits?: Partial<LoadLimits>;
}

export interface ResolvedConfig {
  preset: Preset;
  complete: boolean | undefined;
  /** Effective level of every rule. */
  levels: ReadonlyMap<string, RuleLevel>;
  /** Rule ids whose severity the config sets (a rule's own escalation is then ignored). */
  configured: ReadonlySet<string>;
  options: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  settings: Settings;
  exemptions: Exemption[];
  limits: Partial<LoadLimits>;
  /** Strict: suppression annotations need `aigov.dev/ignore-reason`. */
  requireIgnoreReason: boolean;
}

function presetLevel(preset: Preset, rule: Rule): RuleLevel {
  const { severity, recommended } = rule.meta;
  if (preset === 'recommended') return recommended === false ? 'off' : severity;
  if (preset === 'strict') return severity === 'info' ? 'warning' : severity;
  return severity;
}

function splitSetting(setting: RuleSetting): [RuleLevel, Record<string, unknown> | undefined] {
  if (Array.isArray(setting)) return [setting[0], setting[1]];
  return [setting, undefined];
}

/** Applies presets, category and rule overrides and default settings. */
export function resolveConfig(config: AigovConfig, rules: readonly Rule[]): ResolvedConfig {
  const preset = config.extends ?? 'recommended';
  const levels = new Map<string, RuleLevel>();
  const configured = new Set<string>();
  const options = new Map<string, Readonly<Record<string, unknown>>>();
  const entries = Object.entries(config.rules ?? {});
  for (const rule of rules) {
    const { id, category } = rule.meta;
    let level = presetLevel(preset, rule);
    let ruleOptions: Record<string, unknown> | undefined;
    // `category/*` first, then the exact id: the more specific entry wins.
    for (const key of [`${category}/*`, id]) {
      const entry = entries.find(([k]) => k === key);
      if (!entry) continue;
      const [l, o] = splitSetting(entry[1]);
      level = l;
      configured.add(id);
      if (o) ruleOptions = { ...ruleOptions, ...o };
    }
    levels.set(id, level);
    options.set(id, { ...rule.meta.options?.defaults, ...ruleOptions });
  }
  return {
    preset,
    complete: config.complete,
    levels,
    configured,
    options,
    settings: { ...DEFAULT_SETTINGS, ...config.settings },
    exemptions: config.exemptions ?? [],
    limits: config.limits ?? {},
    requireIgnoreReason: preset === 'strict',
  };
}
