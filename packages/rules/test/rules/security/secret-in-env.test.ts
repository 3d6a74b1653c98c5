import { resolveConfig } from '../../../src/engine/config';
import { scan } from '../../../src/engine/scan';
import rule from '../../../src/rules/security/secret-in-env';
import { RuleTester } from '../../../src/testing';

// Fake credentials, assembled so that secret scanners do not flag this file.
const HF = `hf_${'a1B2c3D4e5'.repeat(4)}`;
const OPENAI = `sk-proj-${'Ab3dEf6hIj'.repeat(4)}`;
const GITHUB = `ghp_${'q1W2e3R4t5'.repeat(4)}`;
const AWS = `AKIA${'Z3Q7X2M9'.repeat(2)}`;
const SLACK = `xoxb-${'1234567890'}-${'AbCdEf123456'}`;
const KEY_BLOCK = `-----BEGIN ${'RSA PRIVATE'} KEY-----`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'secretKeyRef, references and non-secret names',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          env:
            - name: HF_TOKEN
              valueFrom:
                secretKeyRef: {name: hf, key: token}
            - {name: HUGGING_FACE_HUB_TOKEN, value: "$(HF_TOKEN)"}
            - {name: OPENAI_API_KEY, value: "\${OPENAI_API_KEY}"}
            - {name: WANDB_API_KEY, value: $WANDB_API_KEY}
            - {name: MAX_TOKENS, value: "4096"}
            - {name: TOKENIZERS_PARALLELISM, value: "false"}
            - {name: AWS_ACCESS_KEY_ID_PATH, value: x}
            - {name: AZURE_CLIENT_ID, value: 0b8c1d2e-3f4a-5b6c-7d8e-9f0a1b2c3d4e}
            - {name: PASSWORD_FILE, value: /run/secrets/db-password}
            - {name: RAY_TLS_SERVER_KEY, value: /etc/ray/tls/tls.key}
            - {name: GOOGLE_APPLICATION_CREDENTIALS, value: /var/secrets/google/key.json}
            - {name: GROUP_KEY, value: leaderworkerset.sigs.k8s.io/group-key}
            - {name: SSH_PUBLIC_KEY, value: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample}
            - {name: PAD_TOKEN, value: "<pad>"}
            - {name: CLS_TOKEN, value: "[CLS]"}
            - {name: RAY_AUTH_MODE, value: token}
            - {name: API_KEY_HEADER, value: X-Api-Key}
            - {name: DB_PASSWORD, value: ""}
            - {name: REQUIRE_AUTH, value: "true"}
            - {name: VAULT_TOKEN, value: "vault:secret/data/ml#token"}
            - {name: HF_TOKEN_URL, value: "https://huggingface.co/settings/tokens"}
            - {name: PWD, value: /workspace}
            - {name: DATABASE_URL, value: "postgres://app:$(DB_PASSWORD)@db:5432/app"}
            - {name: HF_HOME, value: /models}
            - {name: INGRESS_TLS_SECRET, value: model-tls-secret}
            - {name: STRIPE_PUBLISHABLE_KEY, value: pk_test_abc123}
            - {name: GRPC_AUTH, value: insecure}
`,
    },
    {
      name: 'numbers are not strings (the API rejects them) and names must be strings',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      env:
        - {name: DB_PASSWORD, value: 1234}
        - {name: [HF_TOKEN], value: abc}
        - HF_TOKEN
`,
    },
    {
      name: 'ignoredNames',
      options: { ignoredNames: ['demo_*'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      env:
        - {name: DEMO_PASSWORD, value: demo}
`,
    },
  ],
  invalid: [
    {
      name: 'literal Hugging Face token under HF_TOKEN: the value pattern wins',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          env:
            - name: HF_TOKEN
              value: ${HF}
`,
      errors: [
        {
          messageId: 'credentialValue',
          line: 13,
          column: 22,
          message: 'sets HF_TOKEN to what looks like a Hugging Face token',
        },
      ],
    },
    {
      name: 'sensitive names with literal values; the value is never shown',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
          env:
            - {name: WANDB_API_KEY, value: 0123456789abcdef0123456789abcdef01234567}
            - {name: POSTGRES_PASSWORD, value: hunter2}
            - {name: AWS_SECRET_ACCESS_KEY, value: wJalr0made0up0secret0value}
            - {name: AZURE_CLIENT_SECRET, value: abc~def}
            - {name: KAGGLE_KEY, value: 0f1e2d3c4b5a}
            - {name: pgPassword, value: s3cret}
            - {name: DB_PASS, value: s3cret}
            - {name: AZURE_COSMOS_PRIMARY_KEY, value: c2VjcmV0a2V5Cg==}
            - {name: GOOGLE_APPLICATION_CREDENTIALS, value: '{"type": "service_account"}'}
`,
      errors: [
        { messageId: 'sensitiveName', line: 12, message: 'sets WANDB_API_KEY to a literal value' },
        { messageId: 'sensitiveName', line: 13 },
        { messageId: 'sensitiveName', line: 14 },
        { messageId: 'sensitiveName', line: 15 },
        { messageId: 'sensitiveName', line: 16 },
        { messageId: 'sensitiveName', line: 17 },
        { messageId: 'sensitiveName', line: 18 },
        { messageId: 'sensitiveName', line: 19 },
        { messageId: 'sensitiveName', line: 20 },
      ],
    },
    {
      name: 'credentials under innocent names',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: agent}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1.0
          env:
            - {name: OPENAI_BASE, value: ${OPENAI}}
            - {name: GIT_REMOTE, value: "https://x:${GITHUB}@github.com/org/repo"}
            - {name: AWS_ACCESS_KEY_ID, value: ${AWS}}
            - {name: NOTIFY, value: ${SLACK}}
            - {name: DATABASE_URL, value: "postgres://app:pa55word@db:5432/app"}
            - name: TLS
              value: |
                ${KEY_BLOCK}
                MIIEow
`,
      errors: [
        { messageId: 'credentialValue', line: 12, message: 'an OpenAI or Anthropic API key' },
        { messageId: 'credentialValue', line: 13, message: 'a GitHub token' },
        { messageId: 'credentialValue', line: 14, message: 'an AWS access key' },
        { messageId: 'credentialValue', line: 15, message: 'a Slack token' },
        { messageId: 'credentialValue', line: 16, message: 'a URL with a password' },
        { messageId: 'credentialValue', line: 18, message: 'a private key' },
      ],
    },
    {
      name: 'init container and extra sensitive names',
      options: { sensitiveNames: ['*_LICENSE'] },
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: fetch}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: download
          image: download:1.0
          env:
            - {name: NGC_LICENSE, value: abc123}
      containers:
        - name: train
          image: train:1.0
`,
      errors: [{ messageId: 'sensitiveName', line: 13, container: 'download' }],
    },
    {
      name: 'TrainJob trainer env',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: ft}
spec:
  trainer:
    image: trainer:1.0
    env:
      - name: HUGGING_FACE_HUB_TOKEN
        value: my-token
`,
      errors: [{ messageId: 'sensitiveName', line: 10, column: 16, container: 'node' }],
    },
    {
      name: 'RayService worker and KServe predictor',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayService
metadata: {name: llm}
spec:
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.52.0
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            containers:
              - name: ray-worker
                image: rayproject/ray:2.52.0-gpu
                env:
                  - {name: HF_TOKEN, value: "${HF}"}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      env:
        - {name: HF_TOKEN, value: changeme}
`,
      errors: [
        { messageId: 'credentialValue', line: 23, container: 'ray-worker' },
        { messageId: 'sensitiveName', line: 33, container: 'kserve-container' },
      ],
    },
  ],
});

describe('security/secret-in-env messages', () => {
  it('never contain the value', () => {
    const code = `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      env:
        - {name: HF_TOKEN, value: ${HF}}
        - {name: DB_PASSWORD, value: hunter2}
`;
    const config = resolveConfig({ extends: 'all' }, [rule]);
    const { findings } = scan([{ file: 'p.yaml', text: code }], { config, rules: [rule] });
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.message).not.toContain(HF);
      expect(f.message).not.toContain('hunter2');
      expect(f.remediation).not.toContain('hunter2');
    }
  });
});
