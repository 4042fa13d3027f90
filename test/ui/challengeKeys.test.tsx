/**
 * Every challenge of the course, solved with the keys alone: its worked solution is turned into
 * key presses (src/ui/solutionKeys.ts), played into the lesson screen one at a time, each waiting
 * for the frame it changes, and the screen must then say "Solved".
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/loader.js';
import { LessonScreen } from '../../src/ui/screens/LessonScreen.js';
import { solutionKeys } from '../../src/ui/solutionKeys.js';
import { createTheme, ThemeContext } from '../../src/ui/theme.js';
import { DEFAULT_POLICIES } from '../../src/sim/policy.js';
import { globalEntries, segmentEntries } from '../../src/ui/perturbMenu.js';
import { snapshotAt } from './fixtures.js';
import { REAL_LESSONS } from './appHelpers.js';
import { renderSized } from './harness.js';

const files = readdirSync(REAL_LESSONS).filter((f) => f.endsWith('.yaml')).sort();
const challenges = await Promise.all(
  files.map(async (f) => {
    const { lesson } = await loadLesson(path.join(REAL_LESSONS, f));
    if (!lesson) throw new Error(`${f} does not load`);
    return lesson.steps.flatMap((s, i) => (s.kind === 'challenge' ? [{ name: `${f} step ${i + 1}: ${s.title ?? ''}`, lesson, index: i }] : []));
  }),
).then((x) => x.flat());

describe('every challenge can be solved with the keys', () => {
  it('finds the challenges of the course', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(9);
  });

  it('turns a solution into the keys a learner presses', () => {
    const msl = challenges.find((c) => c.name.startsWith('02-msl.yaml'))!;
    expect(solutionKeys(msl.lesson, msl.index)).toEqual(['p', 'tab', 'enter', '1', '0', 'enter', 'enter']);
    // "Step until the server is in LAST_ACK, then drop the client's next segment": n presses first.
    const fin = challenges.find((c) => c.name.startsWith('03-lost-final-ack.yaml'))!;
    const keys = solutionKeys(fin.lesson, fin.index);
    expect(keys[0]).toBe('n');
    expect(keys.slice(keys.indexOf('p'))).toEqual(['p', ...Array(keys.length - keys.indexOf('p') - 3).fill('j'), 'enter', 'enter']);
  });

  it.each(challenges)('$name', async ({ lesson, index }) => {
    const keys = solutionKeys(lesson, index);
    const r = renderSized(
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <LessonScreen lesson={lesson} startAt={index} columns={100} rows={40} onMenu={() => {}} />
      </ThemeContext.Provider>,
      100,
      40,
    );
    try {
      await r.waitFor(`Step ${index + 1}/${lesson.steps.length}`);
      for (const [k, key] of keys.entries()) {
        const before = r.frame();
        r.press(key);
        // Every key of a solution shows something: a step, the menu, a cursor move, a digit.
        await r.waitFor((f) => f !== before, `a change after key ${k + 1} of ${keys.length} (${key}) in ${keys.join(' ')}`, 5_000);
      }
      await r.waitFor(/Solved/, `"Solved" after ${keys.join(' ')}`, 10_000);
    } finally {
      r.unmount();
    }
  });
});

describe('typing a number', () => {
  it('takes digits and Backspaces that arrive in one chunk one by one, and Esc goes back to the list', async () => {
    const msl = challenges.find((c) => c.name.startsWith('02-msl.yaml'))!;
    const r = renderSized(
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <LessonScreen lesson={msl.lesson} startAt={msl.index} columns={80} rows={24} onMenu={() => {}} />
      </ThemeContext.Provider>,
      80,
      24,
    );
    try {
      await r.waitFor('A short wait');
      r.press('p');
      await r.waitFor('Perturb the run');
      r.press('tab');
      await r.waitFor('[Global]');
      r.press('enter');
      await r.waitFor('New MSL in seconds? (0.1 to 600 s)');
      r.press('123');
      await r.waitFor('> 123▌');
      r.press('\u007F\u007F');
      await r.waitFor('> 1▌');
      r.press('escape');
      await r.waitFor((f) => !f.includes('New MSL in seconds?') && f.includes('› MSL…'), 'back at the list');
    } finally {
      r.unmount();
    }
  });
});

describe('challenge hints', () => {
  const all = challenges.flatMap(({ name, lesson, index }) => {
    const s = lesson.steps[index]!;
    return s.kind === 'challenge' ? s.hints.map((h) => ({ name, hint: h })) : [];
  });
  const flipped = { ...DEFAULT_POLICIES, timeWait: 'off', berkeleySynInTimeWait: false, rstInTimeWait: 'ignore', reuseTimeWait: 'allow', abortSegment: 'rst-ack' } as const;
  const labels = [...globalEntries(DEFAULT_POLICIES), ...globalEntries(flipped), ...segmentEntries(snapshotAt(0, []))].map((e) => e.label.replace(/\s+/g, ' '));

  it('name keys and menu entries, never schema fields', () => {
    const fields = new RegExp(`\`|\\b(${Object.keys(DEFAULT_POLICIES).join('|')}|perturbation|nth)\\b`);
    for (const { name, hint } of all) expect(hint, name).not.toMatch(fields);
  });

  it("quote menu entries as the menu spells them", () => {
    let quoted = 0;
    for (const { name, hint } of all) {
      for (const m of hint.matchAll(/(?<=^|[\s(])'(.+?)'(?=[,.:;)]|\s+(?:and|then)\b|$)/g)) {
        quoted++;
        expect(labels.some((l) => l.startsWith(m[1]!)), `${name}: '${m[1]}' is no menu entry`).toBe(true);
      }
    }
    expect(quoted).toBeGreaterThanOrEqual(9);
  });
});
