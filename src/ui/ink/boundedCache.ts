/**
 * A memo table that cannot grow without bound. The frame caches below key on screen text, and a
 * sandbox left running for an hour draws millions of distinct lines (clocks, counters): when the
 * table is full its older half is dropped (a Map iterates in insertion order), which keeps the
 * lines of recent frames, the only ones likely to come back.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) {
      let drop = this.map.size >> 1;
      for (const k of this.map.keys()) {
        if (drop-- <= 0) break;
        this.map.delete(k);
      }
    }
    this.map.set(key, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}
