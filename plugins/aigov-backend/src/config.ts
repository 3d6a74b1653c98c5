import {
  allRules,
  configSchema,
  DEFAULT_CUSTOM_RESOURCES,
  formatPath,
  resolveConfig,
  validateSchema,
  type AigovConfig,
  type CustomResourceSpec,
  type ResolvedConfig,
} from '@aigov/rules';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader, readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';

/** How long scans are kept: every scan, then the last of each hour, then of each day. */
export interface RetentionPolicy {
  allMs: number;
  hourlyMs: number;
  dailyMs: number;
}

/** The aigov backend's settings, read from `aigov.*` with their defaults. */
export interface AigovBackendOptions {
  schedule: SchedulerServiceTaskScheduleDefinition;
  customResources: CustomResourceSpec[];
  concurrency: number;
  requestTimeoutMs: number;
  retention: RetentionPolicy;
  rules: ResolvedConfig;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_REQUEST_TIMEOUT: HumanDuration = { seconds: 60 };
const DEFAULT_ALL: HumanDuration = { days: 1 };
const DEFAULT_HOURLY: HumanDuration = { days: 7 };
const DEFAULT_DAILY: HumanDuration = { days: 365 };

function readDuration(config: Config, key: string, fallback: HumanDuration): number {
  if (!config.has(key)) return durationToMilliseconds(fallback);
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms > 0)) throw new Error(`Invalid config: aigov.${key} must be a positive duration`);
  return ms;
}

function readCustomResources(config: Config): CustomResourceSpec[] {
  const list = config.getOptionalConfigArray('customResources');
  if (!list) return DEFAULT_CUSTOM_RESOURCES.map((r) => ({ ...r }));
  return list.map((entry, index) => {
    const group = entry.getOptional('group') ?? '';
    if (typeof group !== 'string') {
      throw new Error(`Invalid config: aigov.customResources[${index}].group must be a string`);
    }
    const kind = entry.getOptionalString('kind');
    return {
      group,
      apiVersion: entry.getString('apiVersion'),
      plural: entry.getString('plural'),
      ...(kind ? { kind } : {}),
    };
  });
}

/**
 * Checks `aigov.rules` against the rules core's schema (the same one `.aigov.yaml` files
 * are checked with) and resolves it; a mistake names its key.
 */
export function readRulesConfig(value: unknown): ResolvedConfig {
  const raw = value ?? {};
  const errors = validateSchema(raw, configSchema(allRules));
  const first = errors[0];
  if (first) {
    // An unknown key is reported at its parent, as "unknown property <key>".
    const path = first.atKey ? first.path.slice(0, -1) : first.path;
    const where = path.length > 0 ? `.${formatPath(path)}` : '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new Error(`Invalid config: aigov.rules${where}: ${first.message}${more}`);
  }
  return resolveConfig(raw as AigovConfig, allRules);
}

export function readAigovConfig(rootConfig: Config): AigovBackendOptions {
  // Without an aigov section every setting takes its default, as an empty section would.
  const config = rootConfig.getOptionalConfig('aigov') ?? new ConfigReader({}, 'aigov defaults');
  const scheduleConfig = config.getOptionalConfig('schedule');
  const concurrency = config.getOptionalNumber('concurrency') ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new Error('Invalid config: aigov.concurrency must be an integer from 1 to 64');
  }
  const retention = {
    allMs: readDuration(config, 'retention.all', DEFAULT_ALL),
    hourlyMs: readDuration(config, 'retention.hourly', DEFAULT_HOURLY),
    dailyMs: readDuration(config, 'retention.daily', DEFAULT_DAILY),
  };
  if (retention.hourlyMs < retention.allMs || retention.dailyMs < retention.hourlyMs) {
    throw new Error(
      'Invalid config: aigov.retention needs all <= hourly <= daily (each tier keeps scans longer)',
    );
  }
  return {
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
    customResources: readCustomResources(config),
    concurrency,
    requestTimeoutMs: readDuration(config, 'requestTimeout', DEFAULT_REQUEST_TIMEOUT),
    retention,
    rules: readRulesConfig(config.getOptional('rules')),
  };
}
