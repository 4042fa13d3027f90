/**
 * How many incarnations each 4-tuple has had, kept outside the checkpointed state so that a
 * checkpoint does not copy a map of every connection ever made.
 *
 * A past connection is remembered only as a count: each 4-tuple gets a small index the first
 * time it is seen, and the counts live in typed arrays by index. The number of indices is
 * bounded by the 4-tuples a run can use (a churn run cycles through its ephemeral ports), not by
 * the number of connections, so an hour of churn holds no more than the minutes it takes the
 * ports to come round.
 *
 * A checkpoint saves the counts and going back restores them, so step back costs nothing per
 * connection. The counts are kept in chunks, and a save copies only the chunks changed since the
 * last save (a few connections' worth between two checkpoints) and shares the others.
 */
import type { SocketAddress } from '../types.js';

const CHUNK = 1024;

/** The counts at a checkpoint: one chunk per CHUNK indices (never edited once saved). */
export type SavedCounts = readonly Uint32Array[];

export class IncarnationLedger {
  private readonly ips = new Map<string, number>();
  /**
   * The larger end of a 4-tuple -> the smaller end -> index, an end being its IP's number (in
   * order of first sight) times 65,536 plus its port. A client is seen first, so the larger end
   * is the server's and one inner map holds all of a churn run's tuples. Never shrinks: an
   * index whose count is 0 is harmless.
   */
  private readonly index = new Map<number, Map<number, number>>();
  private size = 0;
  private chunks: Uint32Array[] = [];
  /** The chunks of the last save, and which live chunks have changed since. */
  private saved: Uint32Array[] = [];
  private dirty: boolean[] = [];

  /** The index of the 4-tuple (the same from either end). */
  tuple(a: SocketAddress, b: SocketAddress): number {
    const x = this.ip(a.ip) * 65536 + a.port;
    const y = this.ip(b.ip) * 65536 + b.port;
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    let ends = this.index.get(hi);
    if (ends === undefined) this.index.set(hi, (ends = new Map()));
    let i = ends.get(lo);
    if (i === undefined) {
      i = this.size++;
      if (i % CHUNK === 0) {
        this.chunks.push(new Uint32Array(CHUNK));
        this.dirty.push(true);
      }
      ends.set(lo, i);
    }
    return i;
  }

  count(tuple: number): number {
    return this.chunks[Math.floor(tuple / CHUNK)]![tuple % CHUNK]!;
  }

  /** The tuple has had `count` incarnations (counts only rise). */
  raise(tuple: number, count: number): void {
    const c = Math.floor(tuple / CHUNK);
    this.chunks[c]![tuple % CHUNK] = count;
    this.dirty[c] = true;
  }

  /** The counts now, for a checkpoint. */
  save(): SavedCounts {
    for (let c = 0; c < this.chunks.length; c++) {
      if (!this.dirty[c] && this.saved[c]) continue;
      this.saved[c] = this.chunks[c]!.slice();
      this.dirty[c] = false;
    }
    return this.saved.slice();
  }

  /** Back to a checkpoint's counts: tuples first seen since then have had no incarnation. */
  restore(counts: SavedCounts): void {
    for (let c = 0; c < this.chunks.length; c++) {
      const from = counts[c];
      if (from) this.chunks[c]!.set(from);
      else this.chunks[c]!.fill(0);
    }
    this.saved = counts.slice();
    this.dirty = this.chunks.map((_, c) => counts[c] === undefined);
  }

  private ip(address: string): number {
    let id = this.ips.get(address);
    if (id === undefined) this.ips.set(address, (id = this.ips.size));
    return id;
  }
}
