/**
 * The BUILT CLI at 80x24 in tmux: a corrupt progress file's warning is visible on `lesson 1`
 * (not only on the menu), with the full path of the set-aside copy, and the lesson still fits.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

describe.skipIf(!hasTmux)('store warning in a real terminal', () => {
  let t: TmuxTerminal;
  let dir: string;
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
    dir = mkdtempSync(path.join(tmpdir(), 'ttw-sw-'));
  });
  afterAll(() => {
    t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('`lesson 1` shows the corrupt file warning and where the file went', async () => {
    writeFileSync(path.join(dir, 'progress.json'), '{"version": 2, "lessons": {');
    t.start('lesson', 'lesson 1', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: dir } });
    const s = await t.until((x) => x.includes('⚠') && /Step 1\/\d+/.test(x), 'lesson 1 with the warning');
    const lines = s.split('\n');
    expect(lines[0]).toMatch(/^⚠ Saved progress moved to /);
    expect(s.replace(/\s+/g, '')).toContain(`${path.join(dir, 'progress.json.corrupt-1')}andstartedfresh`);
    expect(s).toMatch(/Lesson 1/);
    expect(readdirSync(dir)).toContain('progress.json.corrupt-1');
    t.keys('q');
    const end = await t.exited('lesson');
    expect(end.code).toBe(0);
  });
});
