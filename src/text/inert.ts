/**
 * Makes untrusted text inert before it reaches a terminal. Lesson, scenario and run files are
 * written and shared by other people, so their text (and file names, YAML keys, addresses) may
 * carry escape sequences that retitle a pane, write the clipboard, move the cursor or overwrite
 * a line. Pure: no UI, no I/O; the TUI applies it where lessons are loaded for display
 * (src/ui/lessonCatalog.ts); the CLI where its text is written: lint and error lines in src/cli.tsx,
 * the simulate formats in exportTrace (src/export/index.ts).
 *
 * Every escape sequence is replaced whole by a visible form, so an author sees that something
 * is there and roughly what: ESC becomes U+241B "␛", the sequence's printable body is kept as
 * plain text, and any control characters inside it (BEL, ST) become their Unicode pictures.
 * `\e]0;hi\a` shows as `␛]0;hi␇`; the 8-bit CSI U+009B shows as `␛[`, its 7-bit spelling.
 * Once no ESC, C0 or C1 control is left, no terminal will act on what remains.
 */

/** What stays as it is: a newline and a tab mean something in prose; nothing else does. */
export interface InertOptions {
  /** Keep `\n` (default true); false shows it as "␊" for single-line places. */
  newlines?: boolean;
  /** Keep `\t` (default true); false shows it as "␉". */
  tabs?: boolean;
}

export const ESC_MARK = '\u241B';

const ESC = 0x1b;
/** Sequences that run to a string terminator: DCS (P), SOS (X), OSC (]), PM (^), APC (_). */
const STRING_INTRODUCERS = new Set(['P', 'X', ']', '^', '_']);

/** The visible form of one control character (C0, DEL or C1) on its own. */
function picture(code: number): string {
  if (code === ESC) return ESC_MARK;
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␇ BEL, ␈ BS, ␍ CR)
  if (code === 0x7f) return '\u2421'; // ␡
  // C1 (U+0080–U+009F) is ESC plus a letter in 8 bits: show its 7-bit spelling.
  return ESC_MARK + String.fromCharCode(code - 0x40);
}

const isControl = (code: number) => code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f);

/** Shows the controls inside a sequence's body as pictures; printable text stays as it is. */
function showBody(body: string): string {
  let out = '';
  for (const ch of body) {
    const code = ch.codePointAt(0)!;
    out += isControl(code) ? picture(code) : ch;
  }
  return out;
}

/**
 * The end (exclusive) of the escape sequence whose introducer is at `i`: 7-bit `ESC x` or a
 * C1 character. Follows ECMA-48 closely enough that a sequence is never split in two.
 */
function sequenceEnd(s: string, i: number): number {
  const code = s.charCodeAt(i);
  // The kind of sequence: the character after ESC, or the 7-bit letter of a C1 control.
  let kind: string;
  let j: number;
  if (code === ESC) {
    if (i + 1 >= s.length) return i + 1;
    kind = s[i + 1]!;
    j = i + 2;
  } else {
    kind = String.fromCharCode(code - 0x40);
    j = i + 1;
  }
  if (kind === '[') {
    // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
    while (j < s.length && /[\x30-\x3f]/.test(s[j]!)) j++;
    while (j < s.length && /[\x20-\x2f]/.test(s[j]!)) j++;
    return j < s.length && /[\x40-\x7e]/.test(s[j]!) ? j + 1 : j;
  }
  if (STRING_INTRODUCERS.has(kind)) {
    // Runs to BEL, ST (ESC \ or U+009C), or the end of the text, whichever comes first.
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x07 || c === 0x9c) return j + 1;
      if (c === ESC) return s[j + 1] === '\\' ? j + 2 : j;
    }
    return j;
  }
  if (code !== ESC) return i + 1; // another C1 control on its own
  // ESC, any intermediates (0x20–0x2F, e.g. charset `ESC ( B`), then one final character.
  // A control right after ESC is not part of it and gets its own picture.
  j = i + 1;
  while (j < s.length && /[\x20-\x2f]/.test(s[j]!)) j++;
  return j < s.length && /[\x30-\x7e]/.test(s[j]!) ? j + 1 : j;
}

/** `text` with every escape sequence and control character replaced by a visible, inert form. */
export function inert(text: string, options: InertOptions = {}): string {
  const keepNl = options.newlines ?? true;
  const keepTab = options.tabs ?? true;
  // Fast path: ordinary text has nothing to do.
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text) && (keepNl || !text.includes('\n')) && (keepTab || !text.includes('\t'))) {
    return text;
  }
  let out = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === ESC || (code >= 0x80 && code <= 0x9f)) {
      const end = sequenceEnd(text, i);
      out += picture(code) + showBody(text.slice(i + 1, end));
      i = end;
    } else if ((code === 0x0a && keepNl) || (code === 0x09 && keepTab)) {
      out += text[i];
      i++;
    } else if (isControl(code)) {
      out += picture(code);
      i++;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/**
 * A copy of `value` with every string in it made inert (plain objects and arrays, recursively;
 * functions and other objects are kept as they are). Keys named in `keep` are left raw, e.g. a
 * file path the program still has to open; their values must never be displayed unescaped.
 */
export function inertDeep<T>(value: T, keep: ReadonlySet<string> = new Set()): T {
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return inert(v);
    if (Array.isArray(v)) {
      if (seen.has(v)) return seen.get(v);
      const copy: unknown[] = [];
      seen.set(v, copy);
      for (const item of v) copy.push(walk(item));
      return copy;
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      if (seen.has(v)) return seen.get(v);
      const copy: Record<string, unknown> = {};
      seen.set(v, copy);
      for (const [k, item] of Object.entries(v)) copy[inert(k)] = keep.has(k) ? item : walk(item);
      return copy;
    }
    return v;
  };
  return walk(value) as T;
}
