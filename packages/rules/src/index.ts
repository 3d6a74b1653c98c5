export * from './model';
export { load } from './load/loader';
export type {
  LoadInput,
  LoadOptions,
  LoadResult,
  FileSummary,
  LoadedManifest,
} from './load/loader';
export { DEFAULT_LIMITS } from './load/limits';
export type { LoadLimits } from './load/limits';
export { Bundle } from './bundle/bundle';
export type { BundleOptions } from './bundle/bundle';
export type { ContainerRef, PodTemplate, Workload, WorkloadClass } from './bundle/workload';
export { defineRule, defineParseRule, docsUrl, interpolate, DOCS_BASE_URL } from './engine/rule';
export type { Rule, RuleMeta, JsonSchema } from './engine/rule';
export type {
  RuleContext,
  Reporter,
  ContainerSubject,
  MessageData,
  ReportOptions,
} from './engine/context';
export { Facts } from './engine/facts';
export type { GpuResource } from './engine/facts';
export { DEFAULT_SETTINGS } from './engine/settings';
export type { Settings } from './engine/settings';
export { resolveConfig, PRESETS } from './engine/config';
export type { AigovConfig, ResolvedConfig, Preset, RuleLevel, RuleSetting } from './engine/config';
export { IGNORE_ANNOTATION, IGNORE_REASON_ANNOTATION, ruleMatches } from './engine/suppression';
export type { Exemption } from './engine/suppression';
export { evaluateBundle, severityRank, objectRef } from './engine/evaluate';
export type { Check, Evaluation, RuleError } from './engine/evaluate';
export {
  scoreChecks,
  scoreBy,
  scoreOfWeights,
  weighChecks,
  gradeOf,
  SEVERITY_WEIGHT,
} from './engine/score';
export type { Score, CategoryScore, Grade, Weights, CheckWeights } from './engine/score';
export { scan, evaluateManifests, compareFindings, toResolvedConfig } from './engine/scan';
export type { EvaluateOptions, EvaluationResult, ScanResult } from './engine/scan';
export { allRules, getRule } from './rules';
export * from './report';
export { parseConfig, ConfigError, CONFIG_FILE_NAMES } from './engine/config-file';
export { configSchema } from './engine/config-schema';
export { validateSchema } from './engine/validate-schema';
export type { SchemaError } from './engine/validate-schema';
export * as docs from './docs/render';
export { clusterErrorsOf, fromObjectsByEntity } from './live/objects-by-entity';
export { isObject } from './util/json';
export type {
  ObjectsByEntityResponseLike,
  ClusterObjectsLike,
  LiveClusterError,
  LiveLoadResult,
  LiveLoadOptions,
  LiveCluster,
} from './live/objects-by-entity';
export { evaluateLive } from './live/evaluate-live';
export type {
  LiveResponses,
  LiveEvaluateOptions,
  LiveEvaluationResult,
  LiveStatus,
} from './live/evaluate-live';
export { liveCompleteness } from './live/completeness';
export type { LiveAnswers, LiveCompleteness } from './live/completeness';
export {
  BUILT_IN_TYPES,
  DEFAULT_OBJECT_TYPES,
  DEFAULT_CUSTOM_RESOURCES,
  apiVersionOf,
  kindOfCustomResource,
  kindOfResourcePath,
  parseResourcePath,
} from './live/resource-types';
export type { BuiltInResourceType, CustomResourceSpec } from './live/resource-types';
export { isManifestFileName, isSkippedDirectory } from './load/manifest-files';
