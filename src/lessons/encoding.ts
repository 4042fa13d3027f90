/**
 * Lesson files are UTF-8. Bytes that are not become U+FFFD when read as text, silently; this
 * finds the first such byte so the linter can say where it is and what to do.
 */
import type { Diagnostic } from './diagnostics.js';

/** Offset of the first byte that does not start or continue a valid UTF-8 character, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return -1;
  } catch {
    // Fall through to find where.
  }
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the range the first of them must be in
    // (which rules out overlong forms, UTF-16 surrogates and code points past U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** A warning at the first non-UTF-8 byte of a file's bytes (line and column in characters), if any. */
export function encodingWarning(bytes: Uint8Array, file: string): Diagnostic | undefined {
  const at = firstInvalidUtf8(bytes);
  if (at < 0) return undefined;
  const before = Buffer.from(bytes.subarray(0, at));
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.subarray(0, lineStart).filter((x) => x === 0x0a).length + 1;
  const col = [...before.subarray(lineStart).toString('utf8')].length + 1;
  return {
    file,
    line,
    col,
    severity: 'warning',
    found: `a byte that is not UTF-8 (0x${bytes[at]!.toString(16).padStart(2, '0')}; it is shown as \u{FFFD})`,
    expected: 'a file saved as UTF-8',
  };
}
