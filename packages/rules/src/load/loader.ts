/**
 * Text → manifests, with a source map per document and a `parse/*` finding for whatever cannot
 * be loaded. Per file: size limit, binary and UTF-8 checks, unrendered templates; then the
 * stream is cut into documents (one broken document cannot take the others down), and each is
 * read by the fast path (`fast-parse.ts`) or, for what it does not handle, by `yaml`
 * (`yaml-documents.ts`). Both give the same values and positions. Never throws on input.
 */
import type {
  Finding,
  JsonObject,
  JsonValue,
  Manifest,
  Path,
  SourceMap,
  SourceRange,
} from '../model';
import { docsUrl, interpolate } from '../engine/rule';
import type { Rule } from '../engine/rule';
import { hash64 } from '../engine/hash';
import { parseRules } from '../rules/parse';
import { decodeUtf8, formatBytes, utf8Length } from './decode';
import { DEFAULT_LIMITS } from './limits';
import type { LoadLimits } from './limits';
import type { ParsedDocument } from './parsed';
import { firstContentLine, splitDocuments } from './split';
import type { DocumentChunk } from './split';
import { findTemplateMarker } from './template';
import { parseFast } from './fast-parse';
import { MAX_COMPOSE_DEPTH, parseWithYaml } from './yaml-documents';

/** A file to load: its text, or its raw bytes (checked for binary data and UTF-8). */
export interface LoadInput {
  file: string;
  text?: string;
  bytes?: Uint8Array;
  /** The file's size, when the caller knows it before reading: over the limit, it is not read. */
  size?: number;
}

/** What a file held: every file of a scan is listed here or named by a `parse/*` finding. */
export interface FileSummary {
  file: string;
  /** YAML documents in the file (empty documents not counted). */
  documents: number;
  /** Kubernetes objects, `List` items counted one by one. */
  objects: number;
}

export type LoadedManifest = Omit<Manifest, 'index'>;

export interface LoadResult {
  manifests: LoadedManifest[];
  findings: Finding[];
  files: FileSummary[];
}

export interface LoadOptions {
  limits?: Partial<LoadLimits>;
  /**
   * `yaml` reads every document with the `yaml` library, the reference the fast path is
   * checked against (differential tests, debugging). Default: the fast path where it applies.
   */
  parser?: 'fast' | 'yaml';
}

const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function parseFinding(
  rule: Rule,
  messageId: string,
  data: Record<string, string | number>,
  file: string,
  range: SourceRange,
  documentIndex: number,
  where: string,
): Finding {
  const { meta } = rule;
  return {
    ruleId: meta.id,
    messageId,
    severity: meta.severity,
    category: meta.category,
    message: interpolate(meta.messages[messageId] ?? messageId, data),
    remediation: meta.remediation,
    docsUrl: docsUrl(meta.id),
    file,
    ...range,
    path: '',
    fingerprint: hash64(
      `${meta.id}|${messageId}|${file}|${documentIndex}${where ? `|${where}` : ''}`,
    ),
  };
}

function describeType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a sequence (list)';
  return `a ${typeof value} scalar`;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return (
    value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value)
  );
}

function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

class FileLoader {
  private documents = 0;
  private objects = 0;

  constructor(
    private readonly file: string,
    private readonly limits: LoadLimits,
    private readonly result: LoadResult,
    private readonly fast: boolean,
  ) {}

  private report(
    rule: Rule,
    messageId: string,
    data: Record<string, string | number>,
    range: SourceRange,
    doc = -1,
    where = '',
  ): void {
    this.result.findings.push(parseFinding(rule, messageId, data, this.file, range, doc, where));
  }

  load(input: LoadInput): void {
    if (input.size !== undefined && input.size > this.limits.maxFileBytes)
      return this.tooLarge(input.size);
    let text = input.text;
    if (text === undefined) {
      const bytes = input.bytes ?? new Uint8Array(0);
      if (bytes.length > this.limits.maxFileBytes) return this.tooLarge(bytes.length);
      const decoded = decodeUtf8(bytes);
      if (!decoded.ok) {
        if (decoded.reason === 'binary')
          this.report(parseRules.yamlInvalid, 'binary', {}, FILE_START);
        else
          this.report(
            parseRules.yamlInvalid,
            'encoding',
            { offset: decoded.offset },
            this.positionOfByte(bytes, decoded.offset),
          );
        return this.summarize();
      }
      text = decoded.text;
    } else if (text.length * 3 > this.limits.maxFileBytes) {
      // Measured only when it could matter: a UTF-16 unit is at most 3 bytes of UTF-8.
      const size = utf8Length(text);
      if (size > this.limits.maxFileBytes) return this.tooLarge(size);
    }
    if (text.includes('\u0000')) {
      this.report(parseRules.yamlInvalid, 'binary', {}, FILE_START);
      return this.summarize();
    }
    // A byte order mark is invisible in editors: columns on the first line start after it.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

    const marker = findTemplateMarker(text);
    if (marker) {
      const range = new LineIndex(text).range(marker.offset, marker.offset + marker.text.length);
      this.report(parseRules.templateUnrendered, 'markers', { marker: marker.text }, range);
      return this.summarize();
    }

    for (const chunk of splitDocuments(text)) this.loadChunk(chunk);
    if (this.documents === 0) this.report(parseRules.notKubernetes, 'emptyFile', {}, FILE_START);
    this.summarize();
  }

  private tooLarge(size: number): void {
    this.report(
      parseRules.tooLarge,
      'fileBytes',
      { size: formatBytes(size), limit: formatBytes(this.limits.maxFileBytes) },
      FILE_START,
    );
    this.summarize();
  }

  private summarize(): void {
    this.result.files.push({ file: this.file, documents: this.documents, objects: this.objects });
  }

  /** Line and column (in UTF-16 units, like every other column) of a byte of valid UTF-8 text. */
  private positionOfByte(bytes: Uint8Array, offset: number): SourceRange {
    let line = 1;
    let column = 1;
    for (let i = 0; i < offset; i++) {
      const b = bytes[i] as number;
      if (b === 0x0a) {
        line++;
        column = 1;
      } else if ((b & 0xc0) !== 0x80) column += b >= 0xf0 ? 2 : 1; // a 4-byte character is 2 units
    }
    return { line, column, endLine: line, endColumn: column + 1 };
  }

  private loadChunk(chunk: DocumentChunk): void {
    const size = chunk.text.length * 3 > this.limits.maxDocumentBytes ? utf8Length(chunk.text) : 0;
    if (size > this.limits.maxDocumentBytes) {
      const index = this.documents++;
      const line = firstContentLine(chunk);
      this.report(
        parseRules.tooLarge,
        'documentBytes',
        { size: formatBytes(size), limit: formatBytes(this.limits.maxDocumentBytes) },
        { line, column: 1, endLine: line, endColumn: 1 },
        index,
      );
      return;
    }
    for (const parsed of this.parseChunk(chunk)) this.addDocument(parsed);
  }

  /** Never throws: a failure of the parser on some input becomes a finding on that chunk. */
  private parseChunk(chunk: DocumentChunk): ParsedDocument[] {
    try {
      // The fast path reads what manifests are usually written in, and hands anything else to
      // `yaml`; both give the same values and positions.
      const depth = Math.min(this.limits.maxDepth, MAX_COMPOSE_DEPTH);
      return (
        (this.fast ? parseFast(chunk.text, chunk.lineOffset, depth) : undefined) ??
        parseWithYaml(chunk.text, chunk.lineOffset, this.limits)
      );
    } catch (error) {
      const line = firstContentLine(chunk);
      const message = error instanceof Error ? error.message : String(error);
      return [
        {
          kind: 'invalid',
          detail: `the YAML parser failed on this document (${message})`,
          range: { line, column: 1, endLine: line, endColumn: 1 },
        },
      ];
    }
  }

  private addDocument(parsed: ParsedDocument): void {
    const index = this.documents++;
    switch (parsed.kind) {
      case 'value':
        return this.addObject(parsed.value, [], parsed.source, index);
      case 'invalid':
        return this.report(
          parseRules.yamlInvalid,
          'syntax',
          { detail: parsed.detail },
          parsed.range,
          index,
        );
      case 'tooDeep':
        return this.report(
          parseRules.tooLarge,
          'depth',
          { limit: this.limits.maxDepth },
          parsed.range,
          index,
        );
      case 'aliases':
        return this.report(
          parseRules.tooLarge,
          'aliases',
          { limit: this.limits.maxAliasCount },
          parsed.range,
          index,
        );
    }
  }

  private addObject(
    value: JsonValue,
    basePath: Path,
    sourceMap: SourceMap,
    documentIndex: number,
  ): void {
    const item = basePath[basePath.length - 1];
    const inList = typeof item === 'number';
    if (!isObject(value)) {
      this.report(
        parseRules.notKubernetes,
        inList ? 'itemNotObject' : 'notObject',
        { type: describeType(value), index: inList ? item : '' },
        sourceMap.locate(basePath),
        documentIndex,
        basePath.join('.'),
      );
      return;
    }
    const { apiVersion, kind } = value;
    if (
      typeof apiVersion !== 'string' ||
      apiVersion === '' ||
      typeof kind !== 'string' ||
      kind === ''
    ) {
      const missing = [
        typeof apiVersion === 'string' && apiVersion !== '' ? '' : '`apiVersion`',
        typeof kind === 'string' && kind !== '' ? '' : '`kind`',
      ]
        .filter(Boolean)
        .join(' or ');
      this.report(
        parseRules.notKubernetes,
        inList ? 'itemMissingFields' : 'missingFields',
        { missing, index: inList ? item : '' },
        sourceMap.locate(basePath),
        documentIndex,
        basePath.join('.'),
      );
      return;
    }
    if (kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, i) =>
        this.addObject(item, [...basePath, 'items', i], sourceMap, documentIndex),
      );
      return;
    }
    const metadata = isObject(value.metadata) ? value.metadata : {};
    const name =
      typeof metadata.name === 'string'
        ? metadata.name
        : typeof metadata.generateName === 'string'
          ? metadata.generateName
          : '';
    const namespace =
      typeof metadata.namespace === 'string' && metadata.namespace !== ''
        ? metadata.namespace
        : undefined;
    this.objects++;
    this.result.manifests.push({
      apiVersion,
      kind,
      group: apiGroup(apiVersion),
      name,
      namespace,
      object: value,
      origin: { type: 'file', file: this.file, documentIndex, basePath, source: sourceMap },
    });
  }
}

/** Line and column of offsets in a text, for findings raised before YAML parsing. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  private pos(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
  range(from: number, to: number): SourceRange {
    const s = this.pos(from);
    const e = this.pos(to);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}

/**
 * Loads files into manifests. Never throws on bad input: whatever cannot be loaded becomes a
 * `parse/*` finding with a location, and every file appears in `files`.
 */
export function load(inputs: readonly LoadInput[], options: LoadOptions = {}): LoadResult {
  const limits: LoadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const result: LoadResult = { manifests: [], findings: [], files: [] };
  const fast = options.parser !== 'yaml';
  for (const input of inputs) new FileLoader(input.file, limits, result, fast).load(input);
  return result;
}
