/**
 * `toLadder`: an ASCII ladder diagram of the run, the picture from every TCP textbook. The
 * client and the server are two vertical lines, time runs down, each segment is an arrow
 * drawn on the row of the moment it was sent:
 *
 *   - a lost segment ends in `x` where it was dropped;
 *   - a segment caught in a routing loop ends in `@` at the router where it was caught, and a
 *     second arrow leaves the `@` when the loop lets it go (or it dies there, `x`);
 *   - `(retx)` marks a retransmission and `(dup)` a copy the network made;
 *   - state changes are written beside the line of the endpoint that changed;
 *   - an endpoint's line is drawn with `:` while it is in TIME_WAIT, and the 2MSL timer's
 *     start, restarts and expiry are noted on its side;
 *   - long idle stretches collapse to one "... 58.9 s pass ..." row.
 */
import type { SegmentRecord, TraceEvent, HostName, NodeName } from '../sim/index.js';
import { toSeconds } from '../sim/index.js';
import { drawArrow, nodePosition, truncate, wrap } from './ladder/arrow.js';
import { center, headerLine, layoutFor, placeNote, renderRows, TIME_WIDTH, type Row, type Side } from './ladder/layout.js';
import { durationText, oneLine, segmentLabel, trimNumber } from './format.js';

export interface LadderOptions {
  /** Total width in columns (default 80, at least 60). */
  width?: number;
  /** Idle time between two rows, in seconds, from which a "... pass ..." row is drawn (default 2). */
  idleGapSeconds?: number;
  /** Show every RTO timer start and cancel too, not only expiries (default false). */
  allTimers?: boolean;
}

interface Fate {
  /** Seen entering the network: sent by its host, or injected by a perturbation. */
  sent: boolean;
  injected?: boolean;
  /** Where the segment was first caught in a routing loop, if it was. */
  loopAt?: NodeName;
  end?: Extract<TraceEvent, { kind: 'deliver' | 'drop' }>;
}

function fates(trace: readonly TraceEvent[]): Map<number, Fate> {
  const map = new Map<number, Fate>();
  for (const ev of trace) {
    if (ev.kind === 'perturb') {
      if (ev.perturbation === 'inject' && ev.seg) map.set(ev.seg.id, { ...map.get(ev.seg.id), sent: true, injected: true });
      continue;
    }
    if (ev.kind !== 'send' && ev.kind !== 'deliver' && ev.kind !== 'drop' && ev.kind !== 'hop') continue;
    const f = map.get(ev.seg.id) ?? { sent: false };
    if (ev.kind === 'send') f.sent = true;
    else if (ev.kind === 'hop') f.loopAt ??= ev.looping ? ev.host : undefined;
    else f.end = ev;
    map.set(ev.seg.id, f);
  }
  return map;
}

const sideOf = (host: NodeName): Side => (host === 'client' || host === 'server' ? host : 'middle');
const dropWhy: Record<string, string | undefined> = { 'ttl-expired': 'ttl expired', 'host-down': 'host down', 'no-route': 'no route' };

export function toLadder(trace: readonly TraceEvent[], options: LadderOptions = {}): string {
  const layout = layoutFor(options.width ?? 80);
  const { inner } = layout;
  const idleGap = (options.idleGapSeconds ?? 2) * 1_000_000;
  const fate = fates(trace);

  // Connections of each host now in TIME_WAIT: while there is one, its line is drawn with ':'.
  const timeWait = { client: new Set<string>(), server: new Set<string>() };
  const lineChars = () => ({ client: timeWait.client.size ? ':' : '|', server: timeWait.server.size ? ':' : '|' });
  const firstState: { client?: string; server?: string } = {};
  const loopNoted = new Set<number>();
  const rows: Row[] = [];
  let lastAt: number | null = null;
  // A note repeating the one just before it (an app retrying every 5 s) updates a count instead.
  let repeat: { row: Row; text: string; side: Side; count: number } | null = null;

  const addRow = (at: number, body: string, owner: Row['owner']): Row => {
    const last = rows[rows.length - 1];
    // A row holding only a state name takes the next thing its host does at the same moment,
    // so "FIN_WAIT_1 |--- FIN ... --->|" reads as one line.
    if (owner !== 'state' && last && last.at === at && last.owner === 'state' && !last.body.trim()) {
      const other = owner === 'client' ? 'server' : 'client';
      if (owner !== 'middle' && last.notes[other] === undefined) {
        last.body = body;
        last.owner = owner;
        return last;
      }
    }
    if (lastAt !== null && at - lastAt >= idleGap) {
      rows.push({ at: null, body: center(`... ${durationText(at - lastAt)} pass ...`, inner), owner: 'middle', notes: {}, lines: lineChars() });
    }
    lastAt = at;
    repeat = null;
    const row: Row = { at, body, owner, notes: {}, lines: lineChars() };
    rows.push(row);
    return row;
  };
  const noteRows = (at: number, side: Side, text: string): void => {
    const lines = wrap(oneLine(text), inner - 2);
    if (repeat && repeat.text === text && repeat.side === side && rows.slice(rows.indexOf(repeat.row) + 1).every((r) => r.at === null)) {
      rows.splice(rows.indexOf(repeat.row) + 1);
      repeat.count += 1;
      repeat.row.body = placeNote(`${text} (x${repeat.count}, last at ${trimNumber(toSeconds(at), 3)} s)`, side, inner);
      lastAt = at;
      return;
    }
    let row: Row | undefined;
    for (const line of lines) row = addRow(at, placeNote(line, side, inner), side);
    if (lines.length === 1 && row) repeat = { row, text, side, count: 1 };
  };
  /** A segment entering the network at `at` from `start`: to its end, or into a loop. */
  const departure = (at: number, seg: SegmentRecord, start: number): void => {
    const f = fate.get(seg.id)!;
    const tag = f.injected ? '(injected)' : undefined;
    if (f.loopAt) arrowRow(at, seg, start, nodePosition(f.loopAt), { endMark: '@', suffix: tag });
    else {
      const e = ending(seg, f.end, start);
      arrowRow(at, seg, start, e.to, { ...e, suffix: [tag, e.suffix].filter(Boolean).join(' ') || undefined });
    }
  };
  const arrowRow = (at: number, seg: SegmentRecord, from: number, to: number, marks: { startMark?: '@'; endMark?: 'x' | '@'; suffix?: string }) => {
    let label = segmentLabel(seg);
    if (seg.retransmitOf !== undefined) label += ' (retx)';
    if (seg.copyOf !== undefined) label += ' (dup)';
    if (marks.suffix) label += ` ${marks.suffix}`;
    const direction = seg.from === 'client' ? 'toServer' : 'toClient';
    const drawn = drawArrow(inner, { direction, from, to, label, startMark: marks.startMark, endMark: marks.endMark });
    addRow(at, drawn.body, seg.from);
    if (drawn.overflow) addRow(at, center(truncate(drawn.overflow, inner - 2), inner), seg.from);
  };
  /** Where a segment's journey ends: its receiver's line, or an `x` where it was dropped. */
  const ending = (seg: SegmentRecord, end: Fate['end'], start: number) => {
    const receiver: HostName = seg.from === 'client' ? 'server' : 'client';
    if (end?.kind !== 'drop') return { to: nodePosition(receiver) };
    const forward = seg.from === 'client' ? 1 : -1;
    let to = nodePosition(end.host);
    // Dropped where it started (a loop's router, or the sender's own side): a short stub.
    if ((to - start) * forward <= 0) to = start + 0.1 * forward;
    return { to, endMark: 'x' as const, suffix: dropWhy[end.reason] };
  };

  for (const ev of trace) {
    switch (ev.kind) {
      case 'send':
        departure(ev.at, ev.seg, nodePosition(ev.host));
        break;
      case 'hop':
        if (ev.looping && !loopNoted.has(ev.seg.id)) {
          loopNoted.add(ev.seg.id);
          noteRows(ev.at, 'middle', `@ #${ev.seg.id} circles r1<->r2 (ttl ${ev.seg.ttl})`);
        }
        break;
      case 'deliver':
      case 'drop': {
        const f = fate.get(ev.seg.id)!;
        if (f.loopAt) {
          const start = nodePosition(f.loopAt);
          const e = ending(ev.seg, ev, start);
          const late = ev.kind === 'deliver' ? `late, ttl ${ev.seg.ttl}` : (e.suffix ?? ev.reason);
          arrowRow(ev.at, ev.seg, start, e.to, { startMark: '@', endMark: e.endMark, suffix: late });
        } else if (!f.sent) {
          // Never seen leaving its sender (a copy made on the way): drawn when it arrives.
          const start = nodePosition(ev.seg.from);
          const e = ending(ev.seg, ev, start);
          arrowRow(ev.at, ev.seg, start, e.to, e);
        }
        break;
      }
      case 'state': {
        const host = ev.host as HostName;
        firstState[host] ??= ev.from;
        const key = `${ev.conn.local} ${ev.conn.remote} ${ev.conn.incarnation}`;
        if (ev.to === 'TIME_WAIT') timeWait[host].add(key);
        else timeWait[host].delete(key);
        // Beside the latest row when it is at the same moment, its host's, and has room.
        const last = rows[rows.length - 1];
        const fits = last && last.at === ev.at && last.notes[host] === undefined && (last.owner === host || last.owner === 'state');
        const row = fits ? last : addRow(ev.at, ' '.repeat(inner), 'state');
        row.notes[host] = ev.to;
        row.lines = lineChars();
        break;
      }
      case 'timer': {
        if (ev.timer === 'RTO' && ev.action !== 'expire' && !options.allTimers) break;
        const text =
          ev.action === 'start' || ev.action === 'restart'
            ? `${ev.timer} ${ev.action}s: ${durationText(ev.expires - ev.at)}, fires at ${trimNumber(toSeconds(ev.expires), 3)}`
            : `${ev.timer} timer ${ev.action === 'expire' ? 'expires' : 'cancelled'}`;
        noteRows(ev.at, sideOf(ev.host), text);
        break;
      }
      case 'app':
        noteRows(ev.at, sideOf(ev.host), `app: ${ev.event}${ev.data !== undefined ? ` ${JSON.stringify(ev.data)}` : ''}`);
        break;
      case 'perturb':
        noteRows(ev.at, sideOf(ev.host), `* ${ev.perturbation}: ${ev.detail}`);
        if (ev.perturbation === 'inject' && ev.seg) departure(ev.at, ev.seg, nodePosition(ev.seg.from));
        break;
      case 'alert': {
        const seg = ev.seg ? ` #${ev.seg.id}` : '';
        const born = ev.bornIn !== undefined ? ` (born in incarnation ${ev.bornIn})` : '';
        noteRows(ev.at, sideOf(ev.host), `!! ${ev.alert}${seg}${born}`);
        break;
      }
    }
  }

  const addr = addresses(trace);
  const out = [
    headerLine(layout, 'client', 'server', 'time (s)'.padStart(TIME_WIDTH)),
    headerLine(layout, addr.client, addr.server),
    ...renderRows([{ at: null, body: ' '.repeat(inner), owner: 'state', notes: firstState, lines: { client: '|', server: '|' } }]),
    ...renderRows(rows),
    '',
    truncate('x lost  @ routing loop  : TIME_WAIT  (retx) retransmission  (dup) copy', layout.width),
  ];
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
