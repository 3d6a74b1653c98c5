import Ajv from 'ajv';
import { ConfigError, parseConfig } from '../../src/engine/config-file';
import { configSchema } from '../../src/engine/config-schema';
import { validateSchema } from '../../src/engine/validate-schema';
import { testRules } from './fixtures';

function errorOf(text: string): string {
  try {
    parseConfig(text, '.aigov.yaml', testRules);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('.aigov.yaml parsing', () => {
  it('accepts a full, valid configuration', () => {
    const text = `extends: strict
complete: false
rules:
  security/*: warning
  gpu/test-error: [info]
  security/test-image: off
settings:
  modelLoadSeconds: 900
  gpuResources: [nvidia.com/gpu, example.com/tpu]
exemptions:
  - namespace: gpu-operator
    rules: [security/*]
    reason: the driver needs host access
limits:
  maxFileBytes: 1000000
`;
    expect(parseConfig(text, '.aigov.yaml', testRules)).toMatchObject({
      extends: 'strict',
      complete: false,
      settings: { modelLoadSeconds: 900 },
    });
    expect(parseConfig('', '.aigov.yaml', testRules)).toEqual({});
    expect(parseConfig('# only comments\n', '.aigov.yaml', testRules)).toEqual({});
  });

  it.each([
    [
      'extends: recomended\n',
      '.aigov.yaml:1:10: extends: expected one of "recommended", "strict", "all", got "recomended" (did you mean "recommended"?)',
    ],
    ['extend: all\n', '.aigov.yaml:1:1: unknown property "extend" (did you mean "extends"?)'],
    [
      'rules:\n  gpu/test-eror: off\n',
      '.aigov.yaml:2:3: unknown property "gpu/test-eror" (did you mean "gpu/test-error"?)',
    ],
    [
      'rules:\n  gpu/test-error: fatal\n',
      '.aigov.yaml:2:19: rules["gpu/test-error"]: expected one of "error", "warning", "info", "off" or an array',
    ],
    [
      'settings:\n  modelLoadSeconds: -5\n',
      '.aigov.yaml:2:21: settings.modelLoadSeconds: must be at least 0',
    ],
    [
      'settings:\n  modelLoadSeconds: "600"\n',
      '.aigov.yaml:2:21: settings.modelLoadSeconds: expected an integer, got string',
    ],
    [
      'exemptions:\n  - rules: [gpu/*]\n',
      '.aigov.yaml:2:5: exemptions[0]: missing required property "reason"',
    ],
    ['complete: yes please\n', '.aigov.yaml:1:11: complete: expected a boolean, got string'],
    ['rules: [a, b]\n', '.aigov.yaml:1:1: rules: expected an object, got array'],
    ['extends: all\nextends: strict\n', '.aigov.yaml:2:1: invalid YAML: Map keys must be unique'],
    [
      'rules:\n  gpu/test-error: [warning, {unknown: 1}]\n',
      '.aigov.yaml:2:30: unknown property "unknown"',
    ],
    ['- just\n- a list\n', '.aigov.yaml:1:1: expected an object, got array'],
  ])('%j → %s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('counts further problems', () => {
    expect(errorOf('extend: all\nrule: {}\n')).toBe(
      '.aigov.yaml:1:1: unknown property "extend" (did you mean "extends"?) (and 1 more problem)',
    );
  });
});

describe('the published JSON Schema', () => {
  const schema = configSchema(testRules);
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('is a valid JSON Schema (draft-07)', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it.each([
    {},
    { extends: 'all' },
    { extends: 'nope' },
    { rules: { 'gpu/test-error': 'error' } },
    { rules: { 'gpu/test-error': ['error'] } },
    { rules: { 'gpu/test-error': ['error', {}] } },
    { rules: { 'gpu/test-error': ['error', {}, 1] } },
    { rules: { 'gpu/test-error': [] } },
    { rules: { 'gpu/*': 'off', 'nope/*': 'off' } },
    { settings: { minReplicas: 0 } },
    { settings: { minReplicas: 2.5 } },
    { settings: { gpuResources: ['a', ''] } },
    { exemptions: [{ rules: [], reason: 'r' }] },
    { exemptions: [{ rules: ['x'], reason: '' }] },
    { exemptions: [{ rules: ['x'], reason: 'ok', name: 'api-*' }] },
    { limits: { maxDepth: 1 } },
    { complete: 'true' },
  ])('agrees with the engine validator on %j', (config) => {
    expect(validateSchema(config, schema).length === 0).toBe(validate(config));
  });
});
