/**
 * A lesson full of terminal escape vectors (test/fixtures/lessons/escape-lesson.yaml), and a
 * broken one whose file name carries one, shown by the real App: every byte Ink writes may
 * hold Ink's own styling and nothing else; the vectors appear only as visible text.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pressUntil, renderApp, tempDir } from './appHelpers.js';

const FIXTURE = path.join('test', 'fixtures', 'lessons', 'escape-lesson.yaml');

/** Ink's own styling: SGR only (ink-testing-library records frames, not cursor moves). */
const INK_SGR = /\x1b\[[0-9;]*m/g;
/** What must never reach the terminal from a lesson: ESC beyond Ink's SGR, C1, BEL, BS, CR, NUL. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/** The vectors' own sequences, as the file spells them. */
const PAYLOADS = ['\x1b]0;PWNED', '\x1b]2;PWNED', '\x1b]52;', '\x1b]8;;', '\x1b[2J', '\x1b[6n', '\x1b[31;1m', '\x1bPq', '\x9b', '\x9d', '\x07', '\b', '\r'];

let tmp: ReturnType<typeof tempDir>;
let lessons: string;
beforeEach(() => {
  tmp = tempDir();
  lessons = path.join(tmp.dir, 'lessons');
  mkdirSync(lessons);
  copyFileSync(FIXTURE, path.join(lessons, '01-escape.yaml'));
  // A file the menu cannot load, whose name is shown in the problem line.
  writeFileSync(path.join(lessons, '02-bad\x1b]0;PWNED-FILE\x07.yaml'), 'id: [unclosed\n');
});
afterEach(() => tmp.done());

function checkBytes(frames: readonly string[]): void {
  const all = frames.join('');
  for (const p of PAYLOADS) expect(all.includes(p), `the frames hold ${JSON.stringify(p)}`).toBe(false);
  expect(all.replace(INK_SGR, '')).not.toMatch(CONTROL);
}

describe('untrusted lesson text in the TUI', () => {
  it('shows every vector as visible text and writes none of them', async () => {
    const r = renderApp({ configDir: tmp.dir, lessonsDir: lessons, exportDir: tmp.dir }, 100, 34);
    await r.waitFor('Title ␛]0;PWNED-MENU␇', 'the menu with the lesson title made visible');
    await r.waitFor('PWNED-FILE', 'the problem line naming the broken file');
    expect(r.frame()).toContain('02-bad␛]0;PWNED-FILE␇.yaml');
    checkBytes(r.frames);

    r.press('enter');
    await r.waitFor('␛[2J␛[6n␛[31;1mred␛[0m one', 'the step title, inert');
    const narrative = await r.waitFor('this link');
    expect(narrative).toContain('␛]8;;http://evil.example/␛\\this link');
    expect(narrative).toContain('safe␍EVIL');
    checkBytes(r.frames);

    // On to the predict step: its question and options carry vectors too.
    await pressUntil(r, ']', (f) => f.includes('what next?'));
    expect(r.frame()).toContain('Ask ␛]52;c;UFdORUQtQVNL␇');
    expect(r.frame()).toContain('Option ␛]0;PWNED-OPTION␇ FIN');
    checkBytes(r.frames);

    await pressUntil(r, ']', (f) => f.includes('Point ␛]52;'));
    expect(r.frame()).toContain('Recap ␛]0;PWNED-RECAP␇');
    checkBytes(r.frames);
  });
});
