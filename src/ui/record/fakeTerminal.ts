/**
 * A terminal that exists only in memory, for recording demos: an output that says it is a TTY
 * of a fixed size and keeps every write, and an input in raw mode that we type keys into.
 */
import { EventEmitter } from 'node:events';

export class MemoryTerminalOut extends EventEmitter {
  readonly isTTY = true;
  readonly chunks: string[] = [];
  private waiting: Array<() => void> = [];

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }

  write = (data: string | Uint8Array, ...rest: unknown[]): boolean => {
    this.chunks.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f();
    return true;
  };

  /** Resolves when a write arrives after the first `seen` chunks, or after `ms`. */
  written(seen: number, ms: number): Promise<void> {
    if (this.chunks.length > seen) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiting.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  getColorDepth(): number {
    return 8;
  }

  hasColors(): boolean {
    return true;
  }
}

export class MemoryTerminalIn extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  read = (): string | null => this.pending.shift() ?? null;
  press(key: string): void {
    this.pending.push(key);
    this.emit('readable');
  }
}
