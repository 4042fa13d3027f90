/**
 * asciicast v2 (the format of `asciinema rec`): a header line, a JSON object with version 2 and
 * the terminal's width and height, then one line per output chunk, `[seconds, "o", data]`, with
 * times from the start of the recording that never go backwards.
 */

export interface CastHeader {
  width: number;
  height: number;
  title?: string;
  /** Environment worth replaying with (asciinema records TERM and SHELL). */
  env?: Record<string, string>;
}

export interface CastOutput {
  /** Seconds since the recording began. */
  time: number;
  data: string;
}

export function toAsciicast(header: CastHeader, output: readonly CastOutput[]): string {
  const head: Record<string, unknown> = { version: 2, width: header.width, height: header.height };
  if (header.title !== undefined) head.title = header.title;
  if (header.env !== undefined) head.env = header.env;
  const lines = [JSON.stringify(head)];
  let last = 0;
  for (const o of output) {
    if (o.data === '') continue;
    // Never backwards, and rounded to microseconds as asciinema writes them.
    last = Math.max(last, Math.round(o.time * 1e6) / 1e6);
    lines.push(JSON.stringify([last, 'o', o.data]));
  }
  return `${lines.join('\n')}\n`;
}
