/** Splits a YAML stream into its documents' texts, so one bad document cannot take down the others. */

export interface DocumentChunk {
  text: string;
  /** Offset of the chunk in the whole text. */
  offset: number;
  /** Lines before the chunk in the whole text. */
  lineOffset: number;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * A line that starts with `---` or `...` always ends the previous document in YAML (it is
 * forbidden inside scalars), so cutting there matches what a YAML parser does. Streams with
 * directives (`%YAML`) are returned whole: a directive belongs to the document after it.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  if (/^%/m.test(text)) return [{ text, offset: 0, lineOffset: 0 }];
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let pos = 0;
  const cut = (at: number, atLine: number): void => {
    if (at > chunkStart)
      chunks.push({ text: text.slice(chunkStart, at), offset: chunkStart, lineOffset: chunkLine });
    chunkStart = at;
    chunkLine = atLine;
  };
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    const first = text.charCodeAt(pos);
    if ((first === 0x2d || first === 0x2e) && MARKER.test(text.slice(pos, pos + 4))) {
      // `---` starts the next document; `...` ends the current one.
      if (first === 0x2d) cut(pos, line);
      else cut(next, line + 1);
    }
    pos = next;
    line++;
  }
  if (chunkStart < text.length || chunks.length === 0)
    chunks.push({ text: text.slice(chunkStart), offset: chunkStart, lineOffset: chunkLine });
  return chunks;
}

/** The first line of a chunk with content (not blank, a comment or a bare `---`), 1-based. */
export function firstContentLine(chunk: DocumentChunk): number {
  const blank = /^(?:---)?[ \t]*(?:#.*)?\r?$/;
  let line = chunk.lineOffset + 1;
  let pos = 0;
  const { text } = chunk;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (!blank.test(text.slice(pos, end))) return line;
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  return chunk.lineOffset + 1;
}
