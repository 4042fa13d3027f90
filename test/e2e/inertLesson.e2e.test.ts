/**
 * The report that started this (issue 13): a lesson's text retitled the tmux pane and wrote the
 * clipboard. Here the BUILT CLI plays test/fixtures/lessons/escape-lesson.yaml in tmux from the
 * menu to its recap and quits; the pane title and tmux's paste buffers must be untouched, and
 * the vectors must show on screen as visible text.
 *
 * The program finds its lessons beside dist/ (src/ui/lessonCatalog.ts), so the test runs a copy
 * of dist/ next to a lessons/ folder that holds only the fixture.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, ROOT, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;
const app = mkdtempSync(path.join(tmpdir(), 'ttw-inert-app-'));

beforeAll(() => {
  ensureBuiltCli();
  cpSync(path.join(ROOT, 'dist'), path.join(app, 'dist'), { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
  mkdirSync(path.join(app, 'lessons'));
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'lessons', 'escape-lesson.yaml'), path.join(app, 'lessons', '01-escape.yaml'));
  mkdirSync(path.join(app, 'config'));
  t = new TmuxTerminal();
}, 120_000);
afterAll(() => {
  t?.close();
  rmSync(app, { recursive: true, force: true });
});

const title = () => t.tmux('display-message', '-p', '-t', t.target, '#{pane_title}');
const buffers = () => t.tmux('list-buffers', '-F', '#{buffer_name}: #{buffer_sample}');

describe.skipIf(!hasTmux)('escape vectors in a lesson, in a real terminal', () => {
  it('leave the pane title and the clipboard alone and show as text', async () => {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const script = `cd ${q(app)}; TCP_TIMEWAIT_CONFIG_DIR=${q(path.join(app, 'config'))} node dist/cli.js; echo "EXIT=$?"; sleep 600`;
    t.tmux('new-session', '-d', '-s', 'ttw', '-n', 'esc', '-x', '100', '-y', '34', 'sh', '-c', script);
    t.target = 'ttw:esc';
    // Let programs in the pane write paste buffers, as the report's setup did.
    t.tmux('set-option', '-g', 'set-clipboard', 'on');
    t.tmux('set-option', '-g', 'allow-rename', 'on');
    const before = title();

    await t.until((s) => s.includes('Title ␛]0;PWNED-MENU␇'), 'the menu with the title made visible');
    t.keys('Enter');
    await t.until((s) => s.includes('this link'), 'the narrative');
    await t.pressUntil(']', (s) => s.includes('what next?'), 'the predict step');
    expect(t.screen()).toContain('Option ␛]0;PWNED-OPTION␇ FIN');
    await t.pressUntil(']', (s) => s.includes('Point ␛]52;'), 'the recap');
    t.keys('q');
    await t.pressUntil('q', (s) => s.includes('EXIT='), 'the program to end', 10);

    expect(title()).toBe(before);
    expect(title()).not.toContain('PWNED');
    expect(buffers()).not.toContain('PWNED');
  }, 60_000);
});
