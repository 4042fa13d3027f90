/**
 * `record` on the BUILT CLI: run in tmux, it writes an asciicast v2 file (header with version,
 * width and height; [time, "o", data] lines with times that never go back). Played back into
 * a real 80x24 terminal (tmux), the cast shows the real TUI's last frame: the finished run of
 * lost-final-ack, with TIME_WAIT ended by the 2MSL timer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, ROOT, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

describe.skipIf(!hasTmux)('e2e: record a demo as an asciicast and play it back', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('writes a well-formed cast of the real TUI', async () => {
    const cast = `${t.tmp}/demo.cast`;
    t.start('rec', `record --scenario lost-final-ack --out '${cast}'`, { columns: 80, rows: 24 });
    await t.until((s) => s.includes('EXIT=0'), 'the recording written', 60_000);

    const [headerLine, ...lines] = readFileSync(cast, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(headerLine!)).toMatchObject({ version: 2, width: 80, height: 24 });
    const events = lines.map((l) => JSON.parse(l) as [number, string, string]);
    expect(events.length).toBeGreaterThan(20);
    let last = 0;
    for (const [time, kind, data] of events) {
      expect(kind).toBe('o');
      expect(typeof data).toBe('string');
      expect(time).toBeGreaterThanOrEqual(last);
      last = time;
    }
    expect(last).toBeGreaterThan(5);
    const all = events.map((e) => e[2]).join('');
    expect(all).toContain('Sandbox · lost-final-ack');
    expect(all).toContain('TIME_WAIT');

    t.start('play', `'${path.join(ROOT, 'test', 'e2e', 'playCast.mjs')}' '${cast}'`, { columns: 80, rows: 24, program: process.execPath });
    const screen = await t.until((s) => s.includes('✓ finished'), 'the last frame played back');
    expect(screen).toMatch(/^Sandbox · lost-final-ack/);
    expect(screen).toContain('TIME_WAIT → CLOSED');
    expect(screen).toContain('2MSL');
  });
});
