/**
 * Makes untrusted text inert before it reaches a terminal. Lesson, scenario and run files are
 * written and shared by other people, so their text (and file names, YAML keys, addresses) may
 * carry escape sequences that retitle a pane, write the clipboard, move the cursor or overwrite
 * a line. Pure: no UI, no I/O; the TUI applies it where lessons are loaded for display
 * (src/ui/lessonCatalog.ts); the CLI where its text is written: lint and error lines in src/cli.tsx,
 * the simulate formats in exportTrace (src/export/index.ts).
 *
 * Every escape sequence (CSI, OSC, DCS, SOS/PM/APC, `ESC x`, and their 8-bit C1 forms) is made
 * inert by showing each control character in it as a visible picture: ESC becomes U+241B "␛",
 * BEL "␇", CR "␍", a C1 control "␛" plus its 7-bit letter; the printable body stays as text.
 * `\e]0;hi\a` shows as `␛]0;hi␇`, the 8-bit CSI U+009B as `␛[`. A terminal acts on a sequence
 * only when it sees its introducer (ESC or a C1 control) and, for strings, its terminator (BEL,
 * ST); with none of those left, what remains is plain text, and the author can still read what
 * was there. One pass of one regular expression: 20 MB of clean text take about 0.1 s, and 2 s
 * when every line carries a sequence (a hostile address in a long trace).
 */

/** What stays as it is: a newline and a tab mean something in prose; nothing else does. */
export interface InertOptions {
  /** Keep `\n` (default true); false shows it as "␊" for single-line places. */
  newlines?: boolean;
  /** Keep `\t` (default true); false shows it as "␉". */
  tabs?: boolean;
}

export const ESC_MARK = '\u241B';

/** The visible form of one control character (C0, DEL or C1). */
function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␛ ESC, ␇ BEL, ␍ CR)
  if (code === 0x7f) return '\u2421'; // ␡
  // C1 (U+0080–U+009F) is ESC plus a letter in 8 bits: show its 7-bit spelling.
  return ESC_MARK + String.fromCharCode(code - 0x40);
}

/** Every control but newline and tab; the usual case, so prose costs no callback per line. */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const ALL_CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;

/** `text` with every escape sequence and control character replaced by a visible, inert form. */
export function inert(text: string, options: InertOptions = {}): string {
  const keepNl = options.newlines ?? true;
  const keepTab = options.tabs ?? true;
  if (keepNl && keepTab) return text.replace(CONTROLS, picture);
  return text.replace(ALL_CONTROLS, (c) => ((c === '\n' && keepNl) || (c === '\t' && keepTab) ? c : picture(c)));
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
