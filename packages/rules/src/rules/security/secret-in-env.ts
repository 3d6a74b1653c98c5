import { defineRule } from '../../engine/rule';
import { asArray, asObject, asString, asStrings, globToRegExp } from '../../util/json';
import { credentialKind, isSensitiveName, mayBeCredential } from '../../util/secrets';

function patterns(value: unknown): RegExp[] {
  return asStrings(value).map((p) => new RegExp(globToRegExp(p).source, 'i'));
}

export default defineRule({
  meta: {
    id: 'security/secret-in-env',
    category: 'security',
    severity: 'error',
    tags: ['secrets'],
    description:
      'A literal credential in env instead of a secretKeyRef: a sensitive name with a literal value, or a value that is itself a credential.',
    rationale:
      'A token written into a manifest lives in git history, in every rendered chart and CI log, and in the ' +
      'workload object, which far more people and controllers can read than the Secrets of the namespace. ' +
      'Hugging Face, OpenAI, Weights & Biases and cloud keys leaked this way are found by scrapers within ' +
      'minutes of a push. Names are judged by their last word: HF_TOKEN, HUGGING_FACE_HUB_TOKEN, *_API_KEY, ' +
      '*PASSWORD*, *_SECRET, AWS_SECRET_ACCESS_KEY, GOOGLE_APPLICATION_CREDENTIALS and <vendor>_KEY are ' +
      'sensitive; identifiers and qualified names (*_KEY_ID, AZURE_CLIENT_ID, *_TOKEN_PATH, MAX_TOKENS, ' +
      'PAD_TOKEN, PUBLIC_KEY, GROUP_KEY) are not. Values that cannot be the credential are not reported: ' +
      'references ($(VAR), ${VAR}, $VAR, vault:…, ref+…, sm://…), file paths, flags such as "true", plain ' +
      'URLs, <placeholders> and Secret object names (TLS_SECRET: model-tls-secret). Any value that is itself a credential is reported whatever its name: a ' +
      'private-key block, a known token prefix (hf_, sk-, ghp_, github_pat_, glpat-, AKIA, xoxb-, AIza…), a ' +
      'JWT, or a URL or connection string with a password. The message never shows the value.',
    remediation:
      'Store the credential in a Secret (or an external secret manager synced into one) and reference it with ' +
      'env[].valueFrom.secretKeyRef or envFrom.secretRef. Rotate any credential that was ever committed.',
    anchors: [
      'Polaris sensitiveContainerEnvVar',
      'kube-linter env-var-secret',
      'Checkov CKV_K8S_35',
    ],
    messages: {
      sensitiveName:
        'Container "{{container}}" sets {{name}} to a literal value: a credential belongs in a Secret.',
      credentialValue: 'Container "{{container}}" sets {{name}} to what looks like {{what}}.',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          sensitiveNames: {
            type: 'array',
            items: { type: 'string' },
            description: 'More variable names that hold credentials (`*` wildcards, any case).',
          },
          ignoredNames: {
            type: 'array',
            items: { type: 'string' },
            description: 'Variable names never reported (`*` wildcards, any case).',
          },
        },
      },
      defaults: { sensitiveNames: [], ignoredNames: [] },
    },
  },
  check(ctx) {
    const extra = patterns(ctx.options.sensitiveNames);
    const ignored = patterns(ctx.options.ignoredNames);
    for (const { container, template } of ctx.containers()) {
      const r = ctx.on(template, container);
      asArray(container.value.env).forEach((entry, i) => {
        const env = asObject(entry);
        const name = asString(env?.name);
        const value = env?.value;
        if (!name || typeof value !== 'string' || ignored.some((p) => p.test(name))) return;
        const path = [...container.path, 'env', i, 'value'];
        const data = { container: container.name, name };
        const what = credentialKind(value);
        if (what) r.report('credentialValue', path, { ...data, what });
        else if (
          (isSensitiveName(name) || extra.some((p) => p.test(name))) &&
          mayBeCredential(value, name)
        )
          r.report('sensitiveName', path, data);
      });
    }
  },
});
