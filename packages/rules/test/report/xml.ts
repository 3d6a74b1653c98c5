/**
 * A small, strict XML 1.0 reader for tests: it throws on anything that is not well-formed
 * (unbalanced or mismatched tags, duplicate attributes, bare `&` or `<`, unknown entities,
 * characters XML cannot carry) and returns the element tree with references decoded.
 * No DTDs, no namespaces processing, which the reports never produce.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The decoded text directly inside the element. */
  text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const INVALID_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export class XmlError extends Error {}

class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  fail(what: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new XmlError(`${what} at line ${line} (offset ${this.pos})`);
  }

  document(): XmlElement {
    const bad = INVALID_CHAR.exec(this.src);
    if (bad) {
      this.pos = bad.index;
      this.fail('character not allowed in XML');
    }
    if (this.src.startsWith('<?xml')) {
      const end = this.src.indexOf('?>');
      if (end < 0) this.fail('unterminated XML declaration');
      const decl = this.src.slice(0, end + 2);
      if (
        !/^<\?xml version="1\.[0-9]"( encoding="[A-Za-z][\w.-]*")?( standalone="(yes|no)")?\s*\?>$/.test(
          decl,
        )
      )
        this.fail('malformed XML declaration');
      this.pos = end + 2;
    }
    this.misc();
    if (this.src[this.pos] !== '<') this.fail('expected the root element');
    const root = this.element();
    this.misc();
    if (this.pos !== this.src.length) this.fail('content after the root element');
    return root;
  }

  private misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else return;
    }
  }

  private skipSpace(): void {
    while (/[ \t\r\n]/.test(this.src[this.pos] ?? '')) this.pos++;
  }

  private comment(): void {
    const end = this.src.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail('unterminated comment');
    if (this.src.slice(this.pos + 4, end).includes('--')) this.fail('"--" inside a comment');
    this.pos = end + 3;
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  private decode(raw: string, where: string): string {
    return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) this.fail(`bare "&" in ${where}`);
      if (ref in ENTITIES) return ENTITIES[ref] ?? '';
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!num) this.fail(`unknown entity "&${ref};" in ${where}`);
      const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      const ch = String.fromCodePoint(code);
      if (INVALID_CHAR.test(ch)) this.fail(`reference to a character XML cannot carry in ${where}`);
      return ch;
    });
  }

  private attributes(): Record<string, string> {
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === '>' || c === '/') return attrs;
      if (this.pos === before) this.fail('expected whitespace before an attribute');
      const name = this.name();
      this.skipSpace();
      if (this.src[this.pos] !== '=') this.fail(`expected "=" after attribute ${name}`);
      this.pos++;
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`unquoted value of attribute ${name}`);
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail(`unterminated value of attribute ${name}`);
      const raw = this.src.slice(this.pos + 1, end);
      if (raw.includes('<')) this.fail(`"<" in attribute ${name}`);
      if (name in attrs) this.fail(`duplicate attribute ${name}`);
      attrs[name] = this.decode(raw, `attribute ${name}`);
      this.pos = end + 1;
    }
  }

  private element(): XmlElement {
    this.pos++; // <
    const name = this.name();
    const el: XmlElement = { name, attributes: this.attributes(), children: [], text: '' };
    if (this.src.startsWith('/>', this.pos)) {
      this.pos += 2;
      return el;
    }
    if (this.src[this.pos] !== '>') this.fail(`malformed start tag <${name}>`);
    this.pos++;
    for (;;) {
      const lt = this.src.indexOf('<', this.pos);
      if (lt < 0) this.fail(`unclosed element ${name}`);
      const raw = this.src.slice(this.pos, lt);
      if (raw.includes(']]>')) this.fail('"]]>" in text');
      el.text += this.decode(raw, `text of ${name}`);
      this.pos = lt;
      if (this.src.startsWith('</', this.pos)) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipSpace();
        if (this.src[this.pos] !== '>') this.fail(`malformed </${closing}>`);
        this.pos++;
        return el;
      }
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else if (this.src.startsWith('<![CDATA[', this.pos)) {
        const end = this.src.indexOf(']]>', this.pos);
        if (end < 0) this.fail('unterminated CDATA section');
        el.text += this.src.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else el.children.push(this.element());
    }
  }
}

export function parseXml(text: string): XmlElement {
  return new Reader(text).document();
}
