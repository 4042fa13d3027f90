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

/** Group a whole trace into rows (the exports, and any frame without a builder to reuse). */
export function buildRows(trace: readonly TraceEvent[]): LadderData {
  const b = new RowBuilder(false);
  for (const ev of trace) b.add(ev);
  return b.data();
}

/**
 * Builds the rows one event at a time, so a frame after a step adds only that step's events. With
 * `undoable`, each event's changes are logged so `truncate` can take events back off the end:
 * stepping back costs as much as the step did, not a rebuild of the whole window.
 */
export class RowBuilder {
  readonly rows: LadderRow[] = [];
  readonly spans = new Map<number, SegmentSpan>();
  /** The events added so far, in order. */
  readonly events: TraceEvent[] = [];
  /** Segments sent and not yet delivered or lost: a gap with none of them is idle. */
  private readonly open = new Set<number>();
  private readonly conns: string[] = [];
  private readonly connSet = new Set<string>();
  /** Per event added: what undoes it, last change first. */
  private readonly undo: Array<Array<() => void>> = [];
  private pending: Array<() => void> = [];

  constructor(private readonly undoable: boolean) {}

  /** A fresh view of the rows so far (a new object, so caches keyed on it start over). */
  data(): LadderData {
    return { rows: this.rows, spans: this.spans, conns: this.conns.slice() };
  }

  /** Take events back off the end until `count` remain (needs `undoable`). */
  truncate(count: number): void {
    if (!this.undoable) throw new Error('RowBuilder.truncate needs an undoable builder');
    while (this.events.length > count) {
      this.events.pop();
      const steps = this.undo.pop()!;
      for (let i = steps.length - 1; i >= 0; i--) steps[i]!();
    }
  }

  add(ev: TraceEvent): void {
    this.events.push(ev);
    this.apply(ev);
    if (this.undoable) {
      this.undo.push(this.pending);
      this.pending = [];
    }
  }

  private log(step: () => void): void {
    if (this.undoable) this.pending.push(step);
  }

  private last(): LadderRow | undefined {
    return this.rows[this.rows.length - 1];
  }

  private newRow(at: number): LadderRow {
    const rows = this.rows;
    const before = rows.length;
    const prev = this.last();
    if (prev && at - prev.at >= GAP_MARK_US) rows.push({ at: prev.at, notes: {}, gap: { us: at - prev.at, idle: this.open.size === 0 } });
    const r: LadderRow = { at, notes: {} };
    rows.push(r);
    this.log(() => (rows.length = before));
    return r;
  }

  /** Set a field of an object, logging its old value. */
  private put<T extends object, K extends keyof T>(o: T, k: K, v: T[K]): void {
    if (this.undoable) {
      const had = Object.prototype.hasOwnProperty.call(o, k);
      const old = o[k];
      this.pending.push(() => {
        if (had) o[k] = old;
        else delete o[k];
      });
    }
    o[k] = v;
  }

  private openSeg(id: number): void {
    if (this.open.has(id)) return;
    this.open.add(id);
    this.log(() => this.open.delete(id));
  }

  private closeSeg(id: number): void {
    if (!this.open.delete(id)) return;
    this.log(() => this.open.add(id));
  }

  private newSpan(id: number, span: SegmentSpan): SegmentSpan {
    this.spans.set(id, span);
    this.log(() => this.spans.delete(id));
    return span;
  }

  private apply(ev: TraceEvent): void {
    switch (ev.kind) {
      case 'send':
      case 'deliver':
      case 'drop': {
        let r = this.last();
        // A segment event may join a row that so far only holds notes of the same instant.
        if (!r || r.at !== ev.at || r.seg || r.middle) r = this.newRow(ev.at);
        this.put(r, 'seg', { kind: ev.kind, seg: ev.seg, ev });
        if (ev.kind === 'send') {
          // Connections are those the hosts opened; an injected or copied segment adds none.
          const key = connKey(ev.seg);
          if (!this.connSet.has(key)) {
            this.connSet.add(key);
            this.conns.push(key);
            this.log(() => {
              this.connSet.delete(key);
              this.conns.pop();
            });
          }
          this.openSeg(ev.seg.id);
        } else this.closeSeg(ev.seg.id);
        const idx = this.rows.length - 1;
        const span = this.spans.get(ev.seg.id) ?? this.newSpan(ev.seg.id, { seg: ev.seg, startRow: idx });
        if (ev.kind !== 'send') {
          this.put(span, 'endRow', idx);
          this.put(span, 'end', ev.kind);
          if (ev.kind === 'drop') this.put(span, 'dropAt', ev.host);
        }
        break;
      }
      case 'hop': {
        if (!ev.looping) break;
        const sp = this.spans.get(ev.seg.id) ?? this.newSpan(ev.seg.id, { seg: ev.seg, startRow: Math.max(0, this.rows.length - 1) });
        this.put(sp, 'loopTtl', ev.seg.ttl);
        if (sp.loopFirstTtl === undefined) this.put(sp, 'loopFirstTtl', ev.seg.ttl);
        this.put(sp, 'loopHops', (sp.loopHops ?? 0) + 1);
        break;
      }
      case 'state':
      case 'timer':
      case 'app': {
        if (ev.kind === 'timer' && ev.action === 'cancel') break;
        const host = ev.host;
        if (!isEndpoint(host)) break;
        let r = this.last();
        if (!r || r.at !== ev.at || r.notes[host]) r = this.newRow(ev.at);
        this.put(r.notes, host, ev);
        break;
      }
      case 'perturb':
      case 'alert': {
        let r = this.last();
        if (!r || r.at !== ev.at || r.middle || r.seg) r = this.newRow(ev.at);
        this.put(r, 'middle', ev);
        // An injected segment has no send: its arrow starts on the row of the injection.
        if (ev.kind === 'perturb' && ev.perturbation === 'inject' && ev.seg && !this.spans.has(ev.seg.id)) {
          this.newSpan(ev.seg.id, { seg: ev.seg, startRow: this.rows.length - 1, injected: true });
          this.openSeg(ev.seg.id);
        }
        break;
      }
    }
  }
}

/**
 * Follows `trace[0..length)` with `builder`, or returns false when it cannot. A step back
 * restores a checkpoint and replays from it, which makes new objects for the replayed events: the
 * builder keeps the events before the first one that changed (found by halving, since the
 * events the trace kept are always a prefix) and adds the rest again.
 */
export function followTrace(builder: RowBuilder, trace: readonly TraceEvent[], length: number): boolean {
  const seen = builder.events;
  if (seen.length > 0 && trace[0] !== seen[0]) return false;
  let common = Math.min(length, seen.length);
  if (common > 0 && trace[common - 1] !== seen[common - 1]) {
    // trace[0] is shared: find the first index that differs in [1, common).
    let lo = 1;
    let hi = common - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (trace[mid] === seen[mid]) lo = mid + 1;
      else hi = mid;
    }
    common = lo;
  }
  builder.truncate(common);
  for (let i = common; i < length; i++) builder.add(trace[i]!);
  return true;
}
