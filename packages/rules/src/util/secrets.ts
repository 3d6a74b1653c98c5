/**
 * Credential detection for environment variables: names that hold credentials, values that are
 * credentials. Tuned for no false alarms: identifiers (`*_KEY_ID`, `AZURE_CLIENT_ID`), file paths,
 * references and tokenizer special tokens are not credentials.
 */

interface CredentialPattern {
  what: string;
  re: RegExp;
  /** The random part must mix letters and digits (keeps words like `sk-learn-…` out). */
  mixed?: boolean;
}

const B = '(?<![A-Za-z0-9_-])';

const CREDENTIAL_PATTERNS: readonly CredentialPattern[] = [
  { what: 'a private key', re: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { what: 'a Hugging Face token', re: new RegExp(`${B}hf_([A-Za-z0-9]{30,})`), mixed: true },
  {
    what: 'an OpenAI or Anthropic API key',
    re: new RegExp(`${B}sk-(?:proj-|svcacct-|admin-|ant-[a-z]+\\d*-)?([A-Za-z0-9_-]{20,})`),
    mixed: true,
  },
  { what: 'a GitHub token', re: new RegExp(`${B}gh[pousr]_([A-Za-z0-9]{36,})`), mixed: true },
  { what: 'a GitHub token', re: new RegExp(`${B}github_pat_([A-Za-z0-9_]{40,})`), mixed: true },
  { what: 'a GitLab token', re: new RegExp(`${B}glpat-([A-Za-z0-9_-]{20,})`), mixed: true },
  { what: 'an AWS access key', re: /(?<![A-Z0-9])(?:AKIA|ASIA)([0-9A-Z]{16})(?![0-9A-Za-z])/ },
  { what: 'a Slack token', re: new RegExp(`${B}xox[abposr]-([A-Za-z0-9-]{10,})`), mixed: true },
  {
    what: 'a Slack webhook URL',
    re: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/([A-Za-z0-9]{16,})/,
  },
  { what: 'a Google API key', re: new RegExp(`${B}AIza([0-9A-Za-z_-]{35})`), mixed: true },
  { what: 'a Stripe key', re: new RegExp(`${B}(?:sk|rk)_live_([A-Za-z0-9]{20,})`), mixed: true },
  { what: 'a Replicate token', re: new RegExp(`${B}r8_([A-Za-z0-9]{30,})`), mixed: true },
  { what: 'a Groq API key', re: new RegExp(`${B}gsk_([A-Za-z0-9]{40,})`), mixed: true },
  { what: 'an npm token', re: new RegExp(`${B}npm_([A-Za-z0-9]{36,})`), mixed: true },
  { what: 'a PyPI token', re: new RegExp(`${B}pypi-AgEIcHlwaS5vcmc([A-Za-z0-9_-]{50,})`) },
  {
    what: 'a JSON Web Token',
    re: new RegExp(`${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.([A-Za-z0-9_-]{10,})`),
  },
  {
    what: 'a connection string with a key or password',
    re: /(?:^|;)\s*(?:AccountKey|SharedAccessKey|Password|Pwd)=([^;$\s]{4,})/i,
  },
  // scheme://user:password@host, unless the password is a reference such as $(DB_PASSWORD).
  {
    what: 'a URL with a password',
    re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/$]+)@[^\s@]/i,
  },
];

function mixesLettersAndDigits(s: string): boolean {
  return /[A-Za-z]/.test(s) && /[0-9]/.test(s);
}

/** What the value looks like when it holds a credential (`a Hugging Face token`), else undefined. */
export function credentialKind(value: string): string | undefined {
  for (const p of CREDENTIAL_PATTERNS) {
    const m = p.re.exec(value);
    if (!m) continue;
    const secretPart = m[m.length - 1] ?? m[0];
    if (/EXAMPLE/.test(m[0])) continue; // AWS's documented sample keys
    if (p.mixed && !mixesLettersAndDigits(secretPart)) continue;
    return p.what;
  }
  return undefined;
}

/** Last words of a name that hold a credential. */
const SECRET_WORDS = new Set([
  'TOKEN',
  'SECRET',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'AUTHORIZATION',
  'APIKEY',
  'APIKEYS',
]);

/** Short words that are credentials only after another word (`DB_PASS`, but not `PWD` itself). */
const QUALIFIED_SECRET_WORDS = new Set(['PASS', 'PWD']);

/** `<word>_KEY` that is not a secret: an identifier, a lookup key, a public key. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'PUBLIC',
  'PUB',
  'PUBLISHABLE',
  'SITE',
  'GROUP',
  'CACHE',
  'ROUTING',
  'PARTITION',
  'SORT',
  'SHARD',
  'HASH',
  'RANGE',
  'FOREIGN',
  'INDEX',
  'LABEL',
  'ANNOTATION',
  'SELECTOR',
  'TAINT',
  'TOPOLOGY',
  'NODE',
  'LOOKUP',
  'MAP',
  'OBJECT',
  'BUCKET',
  'PREFIX',
  'QUEUE',
  'TOPIC',
  'METRIC',
  'METRICS',
  'FEATURE',
  'CONFIG',
  'DEDUP',
  'IDEMPOTENCY',
  'LOCK',
  'LEASE',
  'RESULT',
  'STATE',
  'CONTEXT',
  'DATASET',
  'COLUMN',
  'FIELD',
  'TEXT',
  'INPUT',
  'OUTPUT',
  'PROMPT',
  'MODEL',
  'SORTING',
  'JOB',
  'TASK',
  'EVENT',
  'MESSAGE',
  'HOTKEY',
]);

/** Special tokens of tokenizers: `PAD_TOKEN: "<pad>"` is configuration, not a credential. */
const TOKENIZER_QUALIFIERS = new Set([
  'PAD',
  'EOS',
  'BOS',
  'UNK',
  'SEP',
  'CLS',
  'MASK',
  'START',
  'END',
  'STOP',
  'SPECIAL',
  'IMAGE',
  'AUDIO',
  'VIDEO',
  'CHAT',
  'TOOL',
  'THINK',
  'MAX',
  'MIN',
  'NUM',
]);

/** Whole names that hold a credential although their last word does not say so. */
const SECRET_NAMES = new Set(['SECRET_KEY_BASE']);

/** The words of an environment variable name: `hfApiToken` and `HF_API_TOKEN` give HF, API, TOKEN. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether an environment variable name says it holds a credential: `HF_TOKEN`,
 * `HUGGING_FACE_HUB_TOKEN`, `*_API_KEY`, `*PASSWORD*`, `*_SECRET`, `AWS_SECRET_ACCESS_KEY`,
 * `GOOGLE_APPLICATION_CREDENTIALS`, `<vendor>_KEY`… The last word decides, so qualified names
 * (`*_KEY_ID`, `*_TOKEN_PATH`, `*_SECRET_NAME`, `MAX_TOKENS`) are not credentials.
 */
export function isSensitiveName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (last === undefined) return false;
  if (SECRET_NAMES.has(words.join('_'))) return true;
  if (/PASSW(OR)?D/.test(last) || /(API|ACCESS|SECRET|PRIVATE)KEYS?$/.test(last)) return true;
  if (last === 'TOKEN') return before === undefined || !TOKENIZER_QUALIFIERS.has(before);
  if (SECRET_WORDS.has(last)) return true;
  if (QUALIFIED_SECRET_WORDS.has(last)) return before !== undefined;
  if (last === 'KEY' || last === 'KEYS')
    return before !== undefined && !NON_SECRET_KEY_QUALIFIERS.has(before);
  return false;
}

const NOT_A_VALUE =
  /^(true|false|yes|no|on|off|none|null|nil|enabled|disabled|required|optional|auto|default|0|1|-)$/i;

/** Secret-store references that an injector resolves at run time (Vault, vals, Berglas, 1Password…). */
const STORE_REFERENCE =
  /^(vault:|ref\+|sm:\/\/|berglas:\/\/|op:\/\/|akv:\/\/|azurekeyvault:|awssm:|awsssm:|arn:aws:(secretsmanager|ssm):|projects\/[^/]+\/secrets\/)/i;

/** `TLS_SECRET: model-tls-secret` names a Secret object rather than holding a secret. */
function isSecretObjectName(name: string, value: string): boolean {
  const words = nameWords(name);
  return (
    words[words.length - 1] === 'SECRET' &&
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) &&
    /(^|-)(secret|tls|certs?)(-|$)/.test(value)
  );
}

/**
 * Whether a literal value under a sensitive name may be the credential itself: not empty, not a
 * reference (`$(VAR)`, `${VAR}`, `$VAR`, a secret-store reference), not a file path (the
 * credential is in the file), not a flag (`true`, `none`), not a plain URL, not a `<placeholder>`
 * or a tokenizer special token (`<pad>`, `[CLS]`), not the name of a Secret object under a
 * `*_SECRET` name.
 */
export function mayBeCredential(value: string, name = ''): boolean {
  const v = value.trim();
  if (isSecretObjectName(name, v)) return false;
  if (v === '' || NOT_A_VALUE.test(v)) return false;
  if (/\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\{\{/.test(v)) return false;
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return false;
  if (/^(\/|\.{1,2}\/|~\/|file:)/.test(v) || STORE_REFERENCE.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return false;
  if (/^<.*>$/s.test(v) || /^\[[A-Za-z_]+\]$/.test(v)) return false;
  return true;
}
