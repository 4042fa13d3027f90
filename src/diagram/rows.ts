/**
 * Step one of drawing the ladder: group trace events into rows. Time runs down the screen, one
 * row per moment something visible happens; notes (state, timer, app) share the row of the
 * segment event at the same instant on the same host, so a round trip stays compact.
 */
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import type { HostName } from '../sim/types.js';
import { connKey } from './connections.js';

export interface Note {
  host: HostName;
  ev: TraceEvent;
}

export interface LadderRow {
  at: number;
  /** A segment leaving, arriving or lost on this row (at most one). */
  seg?: { kind: 'send' | 'deliver' | 'drop'; seg: SegmentRecord; ev: TraceEvent };
  notes: Partial<Record<HostName, TraceEvent>>;
  /** Perturbations and alerts: written across the middle. */
  middle?: TraceEvent;
  /**
   * A row of its own marking a stretch of time with no event (µs), which the rows otherwise
   * fold away; `idle` when nothing was in the network meanwhile (what skip-idle compresses).
   */
  gap?: { us: number; idle: boolean };
}

/** Stretches at least this long get a gap row: longer than any round trip the scenarios use. */
export const GAP_MARK_US = 500_000;

export interface SegmentSpan {
  seg: SegmentRecord;
  startRow: number;
  /** Row of its delivery or loss; undefined while in flight (it then ends on the "now" row). */
  endRow?: number;
  end?: 'deliver' | 'drop';
  dropAt?: string;
  /** Put into the network by a perturbation, not sent by its host. */
  injected?: boolean;
  /** Last TTL seen on a looping hop, if it ever looped; the first, and how many looping hops. */
  loopTtl?: number;
  loopFirstTtl?: number;
  loopHops?: number;
}

export interface LadderData {
  rows: LadderRow[];
  spans: Map<number, SegmentSpan>;
  /** Connection keys (see connections.ts) in order of first appearance. */
  conns: string[];
}

function isEndpoint(h: string): h is HostName {
  return h === 'client' || h === 'server';
}

export function buildRows(trace: readonly TraceEvent[]): LadderData {
  const rows: LadderRow[] = [];
  const spans = new Map<number, SegmentSpan>();
  const last = (): LadderRow | undefined => rows[rows.length - 1];
  /** Segments sent and not yet delivered or lost: a gap with none of them is idle. */
  const open = new Set<number>();
  const conns = new Set<string>();
  const newRow = (at: number): LadderRow => {
    const prev = last();
    if (prev && at - prev.at >= GAP_MARK_US) rows.push({ at: prev.at, notes: {}, gap: { us: at - prev.at, idle: open.size === 0 } });
    const r: LadderRow = { at, notes: {} };
    rows.push(r);
    return r;
  };
  for (const ev of trace) {
    switch (ev.kind) {
      case 'send':
      case 'deliver':
      case 'drop': {
        let r = last();
        // A segment event may join a row that so far only holds notes of the same instant.
        if (!r || r.at !== ev.at || r.seg || r.middle) r = newRow(ev.at);
        r.seg = { kind: ev.kind, seg: ev.seg, ev };
        // Connections are those the hosts opened; an injected or copied segment adds none.
        if (ev.kind === 'send') conns.add(connKey(ev.seg));
        if (ev.kind === 'send') open.add(ev.seg.id);
        else open.delete(ev.seg.id);
        const idx = rows.length - 1;
        const span = spans.get(ev.seg.id);
        if (ev.kind === 'send' || !span) {
          if (!span) spans.set(ev.seg.id, { seg: ev.seg, startRow: idx });
        }
        if (ev.kind !== 'send') {
          const sp = spans.get(ev.seg.id)!;
          sp.endRow = idx;
          sp.end = ev.kind;
          if (ev.kind === 'drop') sp.dropAt = ev.host;
        }
        break;
      }
      case 'hop': {
        if (!ev.looping) break;
        let sp = spans.get(ev.seg.id);
        if (!sp) spans.set(ev.seg.id, (sp = { seg: ev.seg, startRow: Math.max(0, rows.length - 1) }));
        sp.loopTtl = ev.seg.ttl;
        sp.loopFirstTtl ??= ev.seg.ttl;
        sp.loopHops = (sp.loopHops ?? 0) + 1;
        break;
      }
      case 'state':
      case 'timer':
      case 'app': {
        if (ev.kind === 'timer' && ev.action === 'cancel') break;
        const host = ev.host;
        if (!isEndpoint(host)) break;
        let r = last();
        if (!r || r.at !== ev.at || r.notes[host]) r = newRow(ev.at);
        r.notes[host] = ev;
        break;
      }
      case 'perturb':
      case 'alert': {
        let r = last();
        if (!r || r.at !== ev.at || r.middle || r.seg) r = newRow(ev.at);
        r.middle = ev;
        // An injected segment has no send: its arrow starts on the row of the injection.
        if (ev.kind === 'perturb' && ev.perturbation === 'inject' && ev.seg && !spans.has(ev.seg.id)) {
          spans.set(ev.seg.id, { seg: ev.seg, startRow: rows.length - 1, injected: true });
          open.add(ev.seg.id);
        }
        break;
      }
    }
  }
  return { rows, spans, conns: [...conns] };
}
