/**
 * A small, strict XML reader for the SVG tests: it accepts only well-formed XML 1.0 without a
 * DTD (what the SVG writer promises) and throws at the first fault, with its offset. It returns
 * the element tree with attribute values and text decoded, so tests can look inside.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), decoded. */
  text: string;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9._:]*/y;
const SPACE = /[ \t\r\n]*/y;

/** XML 1.0's Char production, on code points. */
function validChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(src: string): XmlElement {
  // Lone surrogates come out of the iterator as single code units in the surrogate range.
  let offset = 0;
  for (const ch of src) {
    const cp = ch.codePointAt(0)!;
    if (!validChar(cp)) throw new XmlError(`character U+${cp.toString(16).padStart(4, '0')} at ${offset} is not allowed in XML`);
    offset += ch.length;
  }
  let i = 0;
  const fail = (what: string): never => {
    throw new XmlError(`${what} at ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const space = (): void => {
    SPACE.lastIndex = i;
    SPACE.exec(src);
    i = SPACE.lastIndex;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  /** Text with references decoded; `stop` ends it. */
  const decode = (raw: string, where: number): string => {
    if (raw.includes('<')) throw new XmlError(`'<' in text or attribute near ${where}`);
    if (raw.includes(']]>')) throw new XmlError(`']]>' in text near ${where}`);
    return raw.replace(/&([^;]*);?/g, (m, ref: string) => {
      if (!m.endsWith(';')) throw new XmlError(`unterminated reference near ${where}: ${m}`);
      if (ref in NAMED) return NAMED[ref]!;
      const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
      if (!num) throw new XmlError(`unknown entity &${ref}; near ${where}`);
      const cp = parseInt(num[1]!, ref.startsWith('#x') ? 16 : 10);
      if (!validChar(cp)) throw new XmlError(`reference to a forbidden character near ${where}`);
      return String.fromCodePoint(cp);
    });
  };
  const misc = (): void => {
    for (;;) {
      space();
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (src.slice(i + 4, end).includes('--')) fail("'--' inside a comment");
        i = end + 3;
      } else if (src.startsWith('<?', i) && !src.startsWith('<?xml', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') fail("expected '<'");
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      space();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected white space before an attribute');
      const key = name();
      space();
      if (src[i] !== '=') fail(`expected '=' after ${key}`);
      i++;
      space();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = src.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      if (key in el.attrs) fail(`attribute ${key} given twice`);
      el.attrs[key] = decode(src.slice(i + 1, end), i);
      i = end + 1;
    }
    for (;;) {
      const next = src.indexOf('<', i);
      if (next < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(src.slice(i, next), i);
      i = next;
      if (src.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        space();
        if (src[i] !== '>') fail("expected '>'");
        i++;
        return el;
      }
      if (src.startsWith('<!--', i)) {
        misc();
        continue;
      }
      if (src.startsWith('<![CDATA[', i) || src.startsWith('<!', i) || src.startsWith('<?', i)) fail('markup the SVG writer never writes');
      el.children.push(element());
    }
  };

  if (src.startsWith('<?xml', i)) {
    const end = src.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  misc();
  if (src.startsWith('<!DOCTYPE', i)) fail('a DTD');
  const root = element();
  misc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

/** Every element under `root` (itself included), depth first, in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const c of root.children) out.push(...allElements(c));
  return out;
}

/** Elements whose class list holds `cls`. */
export function byClass(root: XmlElement, cls: string): XmlElement[] {
  return allElements(root).filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));
}

/** An element's own text, then its descendants' (the writer puts a label's tags after its text). */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join('');
}
