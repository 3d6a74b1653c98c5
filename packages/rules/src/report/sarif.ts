import type { Finding, ObjectRef, Severity } from '../model';
import { allRules, getRule } from '../rules';
import type { RuleMeta } from '../engine/rule';
import { ruleTextMarkdown } from './escape-markdown';
import type { ReportInput } from './types';

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read it.
 * Only the parts aigov fills are typed here.
 */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const AIGOV_INFORMATION_URI = 'https://github.com/aigov-dev/aigov';
/** The key of `partialFingerprints`; bump the version if fingerprints ever change meaning. */
export const SARIF_FINGERPRINT_KEY = 'aigov/v1';
/** Relative file names are relative to this base; a viewer maps it to the checkout. */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** The version of the tool that ran (the CLI's or the Action's). */
  toolVersion?: string;
  /** Where to learn about the tool. Default: the aigov repository. */
  informationUri?: string;
  /**
   * Absolute URI of the directory relative file names start from (`file:///home/me/repo/`).
   * Optional: viewers such as GitHub resolve `%SRCROOT%` to the checkout themselves.
   */
  srcRoot?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';
type PropertyBag = Record<string, unknown>;

interface Message {
  text: string;
  markdown?: string;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  help: Message;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: PropertyBag;
}

interface LogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
  index?: number;
  parentIndex?: number;
  properties?: PropertyBag;
}

/** 1-based; the end column is the one after the last character, as in the findings. */
interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifLocation {
  physicalLocation?: { artifactLocation: ArtifactLocation; region?: Region };
  logicalLocations?: LogicalLocation[];
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: Message;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification?: string }[];
  properties: PropertyBag;
}

export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: [
    {
      tool: {
        driver: {
          name: string;
          version?: string;
          informationUri: string;
          rules: SarifRule[];
        };
      };
      originalUriBaseIds: Record<string, { uri?: string; description: Message }>;
      artifacts: { location: ArtifactLocation; roles: ['analysisTarget'] }[];
      logicalLocations: LogicalLocation[];
      results: SarifResult[];
      invocations: {
        executionSuccessful: boolean;
        toolExecutionNotifications: {
          level: 'error';
          message: Message;
          associatedRule: { id: string };
        }[];
      }[];
      columnKind: 'utf16CodeUnits';
    },
  ];
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning's `problem.severity`. */
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
};
/** GitHub code scanning ranks `security` results by this CVSS-like score (as a string). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/** One path segment, percent-encoded (RFC 3986 unreserved characters stay as they are). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A file name as a SARIF artifact location: a relative reference against `%SRCROOT%` with
 * forward slashes and percent-encoding, or a `file:` URI for an absolute path.
 */
export function sarifArtifactLocation(file: string): ArtifactLocation {
  const posix = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(posix);
  if (drive) {
    const rest = posix.slice(3).split('/').map(encodeSegment).join('/');
    return { uri: `file:///${drive[1]}:/${rest}` };
  }
  const segments = posix
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map(encodeSegment);
  if (posix.startsWith('/')) return { uri: `file://${segments.join('/')}` };
  return { uri: segments.join('/'), uriBaseId: SRCROOT };
}

/** `resources/cpu-request-missing` → `ResourcesCpuRequestMissing`. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

type MetaView = Pick<
  RuleMeta<string>,
  'id' | 'category' | 'severity' | 'description' | 'rationale' | 'remediation' | 'tags'
>;

/** A finding of a rule this build does not know (a newer config, a plugin) still gets metadata. */
function metaOf(f: Finding): MetaView {
  return (
    getRule(f.ruleId)?.meta ?? {
      id: f.ruleId,
      category: f.category,
      severity: f.severity,
      description: f.ruleId,
      rationale: f.message,
      remediation: f.remediation,
    }
  );
}

function sarifRule(meta: MetaView, helpUri: string): SarifRule {
  const tags = [...new Set([meta.category, ...(meta.tags ?? [])])];
  const properties: PropertyBag = {
    category: meta.category,
    tags,
    precision: meta.category === 'parse' ? 'very-high' : 'high',
    'problem.severity': PROBLEM_SEVERITY[meta.severity],
  };
  if (meta.category === 'security')
    properties['security-severity'] = SECURITY_SEVERITY[meta.severity];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.rationale}\n\nHow to fix: ${meta.remediation}\n\nDocumentation: ${helpUri}`,
      markdown: `${ruleTextMarkdown(meta.rationale)}\n\n**How to fix:** ${ruleTextMarkdown(meta.remediation)}\n\n[Documentation](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties,
  };
}

const CATALOG_ORDER = new Map(allRules.map((r, i) => [r.meta.id, i]));

/** The rules that have a result, in catalog order, and each one's index. */
function collectRules(findings: readonly Finding[]): {
  rules: SarifRule[];
  index: Map<string, number>;
} {
  const first = new Map<string, Finding>();
  for (const f of findings) if (!first.has(f.ruleId)) first.set(f.ruleId, f);
  const order = (id: string): number => CATALOG_ORDER.get(id) ?? Infinity;
  const used = [...first.values()].sort(
    (a, b) =>
      order(a.ruleId) - order(b.ruleId) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return {
    rules: used.map((f) => sarifRule(metaOf(f), f.docsUrl)),
    index: new Map(used.map((f, i) => [f.ruleId, i])),
  };
}

/** `ml/Deployment/api`; cluster-scoped objects have no namespace part. */
function objectName(ref: ObjectRef): string {
  return `${ref.namespace ? `${ref.namespace}/` : ''}${ref.kind}/${ref.name}`;
}

/** The run's logical locations: each object once, each container once under its object. */
class LogicalLocations {
  readonly all: LogicalLocation[] = [];
  /** By fully qualified name: the short reference a result carries. */
  private readonly references = new Map<string, LogicalLocation>();

  /** The most specific location of a finding (its container, else its object), or none. */
  of(f: Finding): LogicalLocation | undefined {
    if (!f.object) return undefined;
    const ref = f.object;
    const objectFqn = objectName(ref);
    const object = this.intern(objectFqn, () => ({
      name: ref.name,
      fullyQualifiedName: objectFqn,
      kind: 'resource',
      properties: {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}),
      },
    }));
    if (f.container === undefined) return object;
    const container = f.container;
    const containerFqn = `${objectFqn}/${container}`;
    return this.intern(containerFqn, () => ({
      name: container,
      fullyQualifiedName: containerFqn,
      kind: 'member',
      parentIndex: object.index,
    }));
  }

  /** Adds a location to the run once; returns the reference results carry. */
  private intern(fqn: string, make: () => LogicalLocation): LogicalLocation {
    let reference = this.references.get(fqn);
    if (!reference) {
      const index = this.all.length;
      const full = make();
      this.all.push({ ...full, index });
      reference = { name: full.name, fullyQualifiedName: fqn, kind: full.kind, index };
      this.references.set(fqn, reference);
    }
    return reference;
  }
}

/** Every scanned file once, then files only named by findings (too large, unreadable). */
function collectArtifacts(input: ReportInput): { files: string[]; index: Map<string, number> } {
  const files: string[] = [];
  const index = new Map<string, number>();
  const add = (file: string): void => {
    if (index.has(file)) return;
    index.set(file, files.length);
    files.push(file);
  };
  for (const f of input.files) add(f.file);
  for (const f of input.findings) if (f.file !== undefined) add(f.file);
  return { files, index };
}

function region(f: Finding): Region | undefined {
  if (f.line === undefined || f.line < 1) return undefined;
  const r: Region = { startLine: f.line };
  if (f.column !== undefined && f.column >= 1) r.startColumn = f.column;
  if (f.endLine === undefined || f.endLine < f.line) return r;
  r.endLine = f.endLine;
  const sameLine = f.endLine === f.line;
  if (f.endColumn !== undefined && f.endColumn >= (sameLine ? (r.startColumn ?? 1) : 1))
    r.endColumn = f.endColumn;
  return r;
}

function location(
  f: Finding,
  artifacts: Map<string, number>,
  logical: LogicalLocations,
): SarifLocation {
  const loc: SarifLocation = {};
  if (f.file !== undefined) {
    const r = region(f);
    loc.physicalLocation = {
      artifactLocation: { ...sarifArtifactLocation(f.file), index: artifacts.get(f.file) ?? -1 },
      ...(r ? { region: r } : {}),
    };
  }
  const l = logical.of(f);
  if (l) loc.logicalLocations = [l];
  return loc;
}

function result(
  f: Finding,
  ruleIndex: number,
  artifacts: Map<string, number>,
  logical: LogicalLocations,
): SarifResult {
  const loc = location(f, artifacts, logical);
  const properties: PropertyBag = { category: f.category, path: f.path };
  if (f.container !== undefined) properties.container = f.container;
  if (f.cluster !== undefined) properties.cluster = f.cluster;
  const r: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message || f.ruleId },
    locations: loc.physicalLocation || loc.logicalLocations ? [loc] : [],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    properties,
  };
  if (f.suppressed) {
    const s = f.suppressed;
    r.suppressions = [
      {
        kind: s.kind === 'annotation' ? 'inSource' : 'external',
        status: 'accepted',
        ...(s.reason ? { justification: s.reason } : {}),
      },
    ];
  }
  return r;
}

/** The findings of a scan as a SARIF 2.1.0 log with one run. */
export function toSarifLog(input: ReportInput, options: SarifOptions = {}): SarifLog {
  const { rules, index: ruleIndex } = collectRules(input.findings);
  const { files, index: artifactIndex } = collectArtifacts(input);
  const logical = new LogicalLocations();
  const results = input.findings.map((f) =>
    result(f, ruleIndex.get(f.ruleId) ?? -1, artifactIndex, logical),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'aigov',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: options.informationUri ?? AIGOV_INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: {
            // A base URI must end with a slash, or the last segment is dropped on resolution.
            ...(options.srcRoot ? { uri: options.srcRoot.replace(/\/?$/, '/') } : {}),
            description: { text: 'The directory the scanned file names are relative to.' },
          },
        },
        artifacts: files.map((file) => ({
          location: sarifArtifactLocation(file),
          roles: ['analysisTarget'],
        })),
        logicalLocations: logical.all,
        results,
        invocations: [
          {
            // Rules that crashed were skipped: the run still completed, so it is reported as
            // successful, with one notification per skipped rule.
            executionSuccessful: true,
            toolExecutionNotifications: (input.ruleErrors ?? []).map((e) => ({
              level: 'error',
              message: { text: `Rule ${e.ruleId} failed and was skipped: ${e.message}` },
              associatedRule: { id: e.ruleId },
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatSarif(input: ReportInput, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarifLog(input, options), null, 2)}\n`;
}
