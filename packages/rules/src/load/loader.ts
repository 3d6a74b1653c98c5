import { Composer, LineCounter, Parser } from 'yaml';
import type { Document } from 'yaml';
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
import { DocumentSourceMap } from './source-map';
import { splitDocuments } from './split';
import type { DocumentChunk } from './split';
import { findTemplateMarker } from './template';

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
}

const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function parseFinding(
  rule: Rule,
  messageId: string,
  data: Record<string, string | number>,
  file: string,
  range: SourceRange,
  documentIndex: number,
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
    fingerprint: hash64(`${meta.id}|${messageId}|${file}|${documentIndex}`),
  };
}

/** Deepest nesting of a value, without recursion (a hostile document must not blow the stack). */
function depthExceeds(value: JsonValue, limit: number): boolean {
  const stack: [JsonValue, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [JsonValue, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > limit) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children)
      if (child !== undefined && child !== null && typeof child === 'object')
        stack.push([child, d + 1]);
  }
  return false;
}

function describeType(value: JsonValue): string {
  if (value === null) return 'empty';
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
  ) {}

  private report(
    rule: Rule,
    messageId: string,
    data: Record<string, string | number>,
    range: SourceRange,
    doc = -1,
  ): void {
    this.result.findings.push(parseFinding(rule, messageId, data, this.file, range, doc));
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
    } else {
      const size = utf8Length(text);
      if (size > this.limits.maxFileBytes) return this.tooLarge(size);
      if (text.includes('\u0000')) {
        this.report(parseRules.yamlInvalid, 'binary', {}, FILE_START);
        return this.summarize();
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`; // keep columns: the BOM becomes a space

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

  private positionOfByte(bytes: Uint8Array, offset: number): SourceRange {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++)
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    const column = offset - lineStart + 1;
    return { line, column, endLine: line, endColumn: column + 1 };
  }

  private loadChunk(chunk: DocumentChunk): void {
    const size = utf8Length(chunk.text);
    if (size > this.limits.maxDocumentBytes) {
      const index = this.documents++;
      const line = chunk.lineOffset + 1;
      this.report(
        parseRules.tooLarge,
        'documentBytes',
        { size: formatBytes(size), limit: formatBytes(this.limits.maxDocumentBytes) },
        { line, column: 1, endLine: line, endColumn: 1 },
        index,
      );
      return;
    }
    const lineCounter = new LineCounter();
    const parser = new Parser(lineCounter.addNewLine);
    const composer = new Composer({ merge: true, uniqueKeys: true });
    try {
      for (const doc of composer.compose(parser.parse(chunk.text)))
        this.loadDocument(doc, lineCounter, chunk.lineOffset);
    } catch (error) {
      // Deep nesting can exhaust the stack inside the YAML parser; nothing else is expected here.
      if (!(error instanceof RangeError)) throw error;
      const index = this.documents++;
      const line = chunk.lineOffset + 1;
      this.report(
        parseRules.tooLarge,
        'depth',
        { limit: this.limits.maxDepth },
        { line, column: 1, endLine: line, endColumn: 1 },
        index,
      );
    }
  }

  private loadDocument(doc: Document.Parsed, lineCounter: LineCounter, lineOffset: number): void {
    const start = doc.range[0];
    const sourceMap = new DocumentSourceMap(doc.contents, lineCounter, start, lineOffset);
    const firstError = doc.errors[0];
    if (doc.contents === null && !firstError) return; // an empty document (`---` alone, comments only)
    const index = this.documents++;
    if (firstError) {
      const [from, to] = firstError.pos;
      const s = lineCounter.linePos(from);
      const e = lineCounter.linePos(Math.max(from, to));
      const detail = firstError.message.split('\n')[0] ?? firstError.message;
      this.report(
        parseRules.yamlInvalid,
        'syntax',
        { detail: detail.replace(/ at line \d+, column \d+:?$/, '') },
        {
          line: s.line + lineOffset,
          column: s.col,
          endLine: e.line + lineOffset,
          endColumn: e.col,
        },
        index,
      );
      return;
    }
    let value: JsonValue;
    try {
      value = doc.toJS({ maxAliasCount: this.limits.maxAliasCount }) as JsonValue;
    } catch (error) {
      if (error instanceof ReferenceError && /alias/i.test(error.message)) {
        this.report(
          parseRules.tooLarge,
          'aliases',
          { limit: this.limits.maxAliasCount },
          sourceMap.locate([]),
          index,
        );
        return;
      }
      if (error instanceof RangeError) {
        this.report(
          parseRules.tooLarge,
          'depth',
          { limit: this.limits.maxDepth },
          sourceMap.locate([]),
          index,
        );
        return;
      }
      throw error;
    }
    if (depthExceeds(value, this.limits.maxDepth)) {
      this.report(
        parseRules.tooLarge,
        'depth',
        { limit: this.limits.maxDepth },
        sourceMap.locate([]),
        index,
      );
      return;
    }
    this.addObject(value, [], sourceMap, index);
  }

  private addObject(
    value: JsonValue,
    basePath: Path,
    sourceMap: SourceMap,
    documentIndex: number,
  ): void {
    if (!isObject(value)) {
      this.report(
        parseRules.notKubernetes,
        'notObject',
        { type: describeType(value) },
        sourceMap.locate(basePath),
        documentIndex,
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
        'missingFields',
        { missing },
        sourceMap.locate(basePath),
        documentIndex,
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
  for (const input of inputs) new FileLoader(input.file, limits, result).load(input);
  return result;
}
