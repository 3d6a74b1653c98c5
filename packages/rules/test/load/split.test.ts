import { firstInvalidUtf8, decodeUtf8, utf8Length } from '../../src/load/decode';
import { firstContentLine, splitDocuments } from '../../src/load/split';
import type { DocumentChunk } from '../../src/load/split';

describe('splitDocuments', () => {
  const parts = (text: string): [string, number, number][] =>
    splitDocuments(text).map((c) => [c.text, c.offset, c.lineOffset]);

  it('cuts before each `---` and after each `...`', () => {
    expect(parts('a: 1\n---\nb: 2\n...\n# after\n---\r\nc: 3')).toEqual([
      ['a: 1\n', 0, 0],
      ['---\nb: 2\n...\n', 5, 1],
      ['# after\n', 18, 4],
      ['---\r\nc: 3', 26, 5],
    ]);
  });

  it('only cuts at markers followed by a space, a line end or the end of the text', () => {
    expect(parts('a: |\n----\n---x\n--- # c\n--- {a: 1}\n---')).toEqual([
      ['a: |\n----\n---x\n', 0, 0],
      ['--- # c\n', 15, 3],
      ['--- {a: 1}\n', 23, 4],
      ['---', 34, 5],
    ]);
  });

  it('keeps a stream with directives whole', () => {
    const text = '%YAML 1.2\n---\na: 1\n---\nb: 2\n';
    expect(parts(text)).toEqual([[text, 0, 0]]);
  });

  it('returns one empty chunk for an empty text', () => {
    expect(parts('')).toEqual([['', 0, 0]]);
  });

  it('finds the first line with content of a chunk', () => {
    const [first, second] = splitDocuments('# c\n\na: 1\n---\n\n  # x\nb: 2\n') as [
      DocumentChunk,
      DocumentChunk,
    ];
    expect(firstContentLine(first)).toBe(3);
    expect(firstContentLine(second)).toBe(7);
    expect(firstContentLine({ text: '--- |\n  x\n', offset: 0, lineOffset: 9 })).toBe(10);
  });
});

describe('decode', () => {
  const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

  it('accepts valid UTF-8 of every length', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('aé€😀'))).toBe(-1);
  });

  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong encoding', bytes(0xc0, 0xaf), 0],
    ['a surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point over U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a truncated sequence at the end', bytes(0x61, 0xe2, 0x82), 1],
    ['a sequence cut by ASCII', bytes(0xe2, 0x41, 0x41), 0],
  ])('finds %s', (_, input, at) => {
    expect(firstInvalidUtf8(input)).toBe(at);
    expect(decodeUtf8(input)).toEqual({ ok: false, reason: 'encoding', offset: at });
  });

  it('calls data with a NUL byte binary', () => {
    expect(decodeUtf8(bytes(0x61, 0x00, 0x62))).toEqual({ ok: false, reason: 'binary' });
  });

  it('measures UTF-8 size without encoding', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€'])
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});
