/**
 * Writing SVG as text: escaping, elements, numbers and the measure of a monospace string. Text in
 * a picture comes from scenario files other people wrote (names, addresses, perturbation
 * details), so every piece goes through `xmlText`: no markup, nothing XML forbids, and no
 * control character that could reorder or hide what is shown.
 */

/**
 * Removed from text: C0 and C1 controls (XML 1.0 forbids most of them), U+FFFE/U+FFFF, unpaired
 * surrogates, and the bidirectional overrides, which would let a name display as something else.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe in XML content and in a double-quoted attribute: one line, escaped, controls removed. */
export function xmlText(text: string): string {
  return text
    .replace(/[\t\n\r]+/g, ' ')
    .replace(UNSAFE, '')
    .replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** A coordinate or length: at most one decimal, no trailing zero (`12`, `12.5`). */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

export type Attrs = Record<string, string | number | undefined>;

/** One element; attribute values are escaped, numbers rounded, undefined ones left out. */
export function el(name: string, attrs: Attrs, content?: string): string {
  const parts = [name];
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    parts.push(`${k}="${typeof v === 'number' ? num(v) : xmlText(v)}"`);
  }
  return content === undefined ? `<${parts.join(' ')}/>` : `<${parts.join(' ')}>${content}</${name}>`;
}

/** A `<text>` element whose content is untrusted text. */
export function textEl(attrs: Attrs, text: string): string {
  return el('text', attrs, xmlText(text));
}

/**
 * Monospace fonts every system has one of: DejaVu (Linux), Menlo (macOS), Consolas (Windows),
 * then the generic family. All of them advance about 0.6 em per character.
 */
export const FONT_FAMILY = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace";
const ADVANCE_EM = 0.61;

/** Width of `text` in a monospace font of `size` px (a small overestimate, so boxes hold it). */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * ADVANCE_EM;
}
