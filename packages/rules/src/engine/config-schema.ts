import { RULE_CATEGORIES } from '../model';
import { PRESETS } from './config';
import type { JsonSchema, Rule } from './rule';

const LEVELS = ['error', 'warning', 'info', 'off'] as const;
const stringList = (description: string): JsonSchema => ({
  type: 'array',
  description,
  items: { type: 'string', minLength: 1 },
});

const SETTINGS_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Settings shared by rules.',
  additionalProperties: false,
  properties: {
    gpuResources: stringList(
      'Extended resources that are GPUs; `*` matches anything (default nvidia.com/gpu, nvidia.com/gpu.shared, nvidia.com/mig-*, amd.com/gpu, gpu.intel.com/*).',
    ),
    gpuNodeLabels: stringList('Node label keys that pin pods to GPU nodes.'),
    gpuTaints: stringList(
      'Taint keys GPU nodes carry (default nvidia.com/gpu, amd.com/gpu, gpu.intel.com/i915).',
    ),
    modelLoadSeconds: {
      type: 'integer',
      minimum: 0,
      description: 'Seconds a model server may need to load its model (default 600).',
    },
    minReplicas: {
      type: 'integer',
      minimum: 1,
      description: 'Least replicas and HPA minReplicas for a highly available service (default 2).',
    },
    kueueRequired: {
      type: 'boolean',
      description: 'Whether batch and training workloads must name a Kueue queue (default false).',
    },
    modelPaths: stringList(
      'Mount paths that hold models, data or checkpoints; a trailing `*` matches below.',
    ),
    modelPathEnvVars: stringList(
      'Environment variables whose value is a model, cache or checkpoint directory.',
    ),
    modelServers: stringList('Model server names matched against images and labels.'),
    gpuSurgeAnnotation: {
      type: 'string',
      minLength: 1,
      description: 'Annotation declaring spare GPU capacity for surge rollouts.',
    },
  },
};

const LIMITS_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Loader limits against hostile input.',
  additionalProperties: false,
  properties: {
    maxFileBytes: { type: 'integer', minimum: 1 },
    maxDocumentBytes: { type: 'integer', minimum: 1 },
    maxAliasCount: { type: 'integer', minimum: 0 },
    maxDepth: { type: 'integer', minimum: 2, maximum: 500 },
  },
};

const EXEMPTION_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules', 'reason'],
  properties: {
    namespace: { type: 'string', minLength: 1, description: 'Namespace pattern (`*` wildcards).' },
    kind: { type: 'string', minLength: 1, description: 'Kind pattern.' },
    name: { type: 'string', minLength: 1, description: 'Object name pattern.' },
    container: { type: 'string', minLength: 1, description: 'Container name pattern.' },
    rules: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      description: 'Rule ids or `category/*`.',
    },
    reason: {
      type: 'string',
      minLength: 1,
      description: 'Why the exemption exists; shown with suppressed findings.',
    },
  },
};

function ruleSettingSchema(rule: Rule | undefined): JsonSchema {
  const level: JsonSchema = { enum: LEVELS };
  const options: JsonSchema = rule?.meta.options?.schema ?? {
    type: 'object',
    additionalProperties: false,
    properties: {},
  };
  return { oneOf: [level, { type: 'array', minItems: 1, maxItems: 2, items: [level, options] }] };
}

/** The JSON Schema of .aigov.yaml, generated from the rule registry so it never drifts. */
export function configSchema(rules: readonly Rule[]): JsonSchema {
  const ruleProps: Record<string, JsonSchema> = {};
  for (const c of RULE_CATEGORIES) ruleProps[`${c}/*`] = ruleSettingSchema(undefined);
  ruleProps['parse/*'] = ruleSettingSchema(undefined);
  for (const rule of rules) ruleProps[rule.meta.id] = ruleSettingSchema(rule);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/aigov-dev/aigov/blob/main/packages/rules/schema/aigov.schema.json',
    title: 'aigov configuration (.aigov.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: { enum: PRESETS, description: 'Preset: recommended (default), strict or all.' },
      complete: {
        type: 'boolean',
        description: 'Whether the scanned directories hold every object of their namespaces.',
      },
      rules: {
        type: 'object',
        description:
          'Severity (error, warning, info) or off, per rule id or category/*; optionally [severity, options].',
        additionalProperties: false,
        properties: ruleProps,
      },
      settings: SETTINGS_SCHEMA,
      exemptions: {
        type: 'array',
        description: 'Findings to suppress, with a reason.',
        items: EXEMPTION_SCHEMA,
      },
      limits: LIMITS_SCHEMA,
    },
  };
}
