/**
 * One problem found in a lesson or scenario file, always tied to a place in that file.
 * Every message reads `file:line:col: found X, expected Y` so an author can jump straight
 * to the node and knows both what is wrong and what would be right.
 */
export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based, as editors count. */
  line: number;
  col: number;
}

export interface Diagnostic extends Position {
  file: string;
  severity: Severity;
  /** What the file has (or does), e.g. `"TIMEWAIT"` or `nothing`. */
  found: string;
  /** What would be right, e.g. `one of CLOSED, LISTEN, ...`. */
  expected: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const tag = d.severity === 'warning' ? ' (warning)' : '';
  return `${d.file}:${d.line}:${d.col}: found ${d.found}, expected ${d.expected}${tag}`;
}

/** Sort by file, then position, so reports read top to bottom. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}

/** A short rendering of any parsed value for the `found` part of a message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}
