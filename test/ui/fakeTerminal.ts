/**
 * A fake terminal for tests that run the TUI through Ink's real render() (runTui): stdin that
 * Ink can read keys from and put in raw mode, and stdout that keeps everything written.
 */
import { EventEmitter } from 'node:events';

export class FakeStdin extends EventEmitter {
  isTTY = true;
  /** Whether Ink has the terminal in raw mode right now. */
  rawMode = false;
  private chunks: string[] = [];
  setEncoding() {}
  setRawMode(on: boolean) {
    this.rawMode = on;
  }
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => this.chunks.shift() ?? null;
  /** Type into the terminal. */
  write(s: string) {
    this.chunks.push(s);
    this.emit('readable');
  }
}

export class FakeStdout extends EventEmitter {
  isTTY = true;
  out = '';
  constructor(
    public columns = 80,
    public rows = 24,
  ) {
    super();
  }
  write = (s: string) => {
    this.out += s;
    return true;
  };
}
