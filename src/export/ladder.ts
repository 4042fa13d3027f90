/**
 * `toLadder`: the run as an ASCII ladder diagram, drawn by the same layout engine as the TUI's
 * ladder (src/diagram/layout.ts), so the two agree cell for cell at the same width. Client and
 * server are vertical lines, time runs down, each segment slopes from its sender to its receiver:
 *
 *   - a lost segment ends in `x` where it was lost, a looping one in `@`;
 *   - `R` marks a retransmission and `D` a copy the network made;
 *   - arrows that cross meet in `+`; a label with no room is shortened (`F. 5024:5025`) or
 *     replaced by `#id`, with the full label in the notes under the diagram;
 *   - state changes and timers are written beside the line of the endpoint they belong to;
 *   - long idle stretches collapse to one `: 58.2s idle :` row.
 */
import type { TraceEvent } from '../sim/index.js';
import { ASCII_LEGEND, asciiChar, asciiLine } from '../diagram/ascii.js';
import { wrapText } from '../diagram/format.js';
import { layoutDiagram, type RowInsert } from '../diagram/layout.js';

export interface LadderOptions {
  /** Total width in columns (default 80, at least 60). */
  width?: number;
  /** Draw the routers r1 and r2 as lines of their own (default false). */
  network?: boolean;
  /** Rows to add (compare mode keeps two ladders in step with them). */
  insert?: readonly RowInsert[];
  /** The time of the last row (default: the last event's). */
  clock?: number;
  /** Print the legend under the diagram (default true). */
  legend?: boolean;
}

export const MIN_WIDTH = 60;

export function toLadder(trace: readonly TraceEvent[], options: LadderOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? 80));
  const end = options.clock ?? (trace.length ? trace[trace.length - 1]!.at : 0);
  const g = layoutDiagram({ trace, inFlight: [], clock: end, width, network: options.network ?? false, insert: options.insert });
  const addr = addresses(trace);
  const second = ' '.repeat(width).split('');
  const place = (x: number, text: string): void => [...text].forEach((ch, i) => x + i < width && x + i >= 0 && (second[x + i] = asciiChar(ch)));
  place(Math.max(0, g.cx - addr.client.length), addr.client);
  place(Math.min(g.sx, width - addr.server.length), addr.server);
  const out = [asciiLine(g.header), second.join('').trimEnd(), ...g.lines.map(asciiLine)];
  if (g.footnotes.length) {
    out.push('', 'notes:');
    for (const n of g.footnotes) out.push(...wrapText([...n].map(asciiChar).join(''), width - 2).map((l) => `  ${l}`));
  }
  if (options.legend !== false) out.push('', ASCII_LEGEND.slice(0, width));
  return `${out.join('\n')}\n`;
}

/** The endpoints' addresses, from the first segment either one sent. */
function addresses(trace: readonly TraceEvent[]): { client: string; server: string } {
  for (const ev of trace) {
    if (ev.kind === 'send' || ev.kind === 'deliver' || ev.kind === 'drop') {
      const { seg } = ev;
      return seg.from === 'client' ? { client: seg.src, server: seg.dst } : { client: seg.dst, server: seg.src };
    }
  }
  return { client: '', server: '' };
}
