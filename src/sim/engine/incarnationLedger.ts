/**
 * How many incarnations each 4-tuple has had, kept outside the checkpointed state so that a
 * checkpoint does not copy a map of every connection ever made.
 *
 * A past connection is remembered only as a count: each 4-tuple gets a small index the first
 * time it is seen, and the counts live in one typed array by index. The number of indices is
 * bounded by the 4-tuples a run can use (a churn run cycles through its ephemeral ports), not by
 * the number of connections, so an hour of churn holds no more than a minute of it once the
 * ports have come round. A checkpoint keeps a copy of the array (a few tens of kilobytes, copied
 * in microseconds) and going back restores it, so step back costs nothing per connection.
 */
import type { SocketAddress } from '../types.js';

/** IP indices below this make a key that fits a double exactly; a run has a handful of IPs (its two hosts). */
const IP_LIMIT = 1024;

export class IncarnationLedger {
  private readonly ips = new Map<string, number>();
  /** 4-tuple key -> index into `counts`. Never shrinks: an index whose count is 0 is harmless. */
  private readonly index = new Map<number | string, number>();
  private counts = new Uint32Array(64);
  private size = 0;

  /** The index of the 4-tuple (the same from either end). */
  tuple(a: SocketAddress, b: SocketAddress): number {
    const key = this.key(a, b);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.size++;
      if (i === this.counts.length) {
        const grown = new Uint32Array(2 * this.counts.length);
        grown.set(this.counts);
        this.counts = grown;
      }
      this.index.set(key, i);
    }
    return i;
  }

  count(tuple: number): number {
    return this.counts[tuple]!;
  }

  /** The tuple has had `count` incarnations (counts only rise). */
  raise(tuple: number, count: number): void {
    this.counts[tuple] = count;
  }

  /** A copy of every count, for a checkpoint. */
  save(): Uint32Array {
    return this.counts.slice(0, this.size);
  }

  /** Back to the counts of a checkpoint: tuples first seen since then have had no incarnation. */
  restore(saved: Uint32Array): void {
    this.counts.set(saved);
    this.counts.fill(0, saved.length, this.size);
  }

  /** The tuple as one number, smaller end first so both hosts find it (a string past 1,024 IPs). */
  private key(a: SocketAddress, b: SocketAddress): number | string {
    const ipA = this.ip(a.ip);
    const ipB = this.ip(b.ip);
    const x = ipA * 65536 + a.port;
    const y = ipB * 65536 + b.port;
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    return ipA < IP_LIMIT && ipB < IP_LIMIT ? lo * IP_LIMIT * 65536 + hi : `${lo}-${hi}`;
  }

  private ip(address: string): number {
    let id = this.ips.get(address);
    if (id === undefined) this.ips.set(address, (id = this.ips.size));
    return id;
  }
}
