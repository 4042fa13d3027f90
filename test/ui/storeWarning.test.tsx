/**
 * Save and load warnings are shown on every screen, not only on the menu (issue 13, item 5),
 * with the full path of the set-aside file readable, and the screen still fitting the terminal.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wrapWarning } from '../../src/ui/components/StoreWarning.js';
import { renderApp, tempDir } from './appHelpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  writeFileSync(path.join(tmp.dir, 'progress.json'), '{"version": 2, "lessons": {'); // cut short
});
afterEach(() => tmp.done());

/** Text with line breaks and spaces taken out, so a path wrapped anywhere still reads whole. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('the store warning', () => {
  const screens = [
    { name: 'lesson', props: { screen: 'lesson' as const, lessonId: 'ui-demo' }, shows: 'Lesson 1 · step 1' },
    { name: 'quiz', props: { screen: 'quiz' as const }, shows: 'Quiz' },
    { name: 'sandbox', props: { screen: 'sandbox' as const }, shows: 'normal' },
    { name: 'menu', props: { screen: 'menu' as const }, shows: 'Choose a lesson' },
  ];
  for (const s of screens) {
    it(`shows on the ${s.name} screen, full path included, and the screen still fits 80x24`, async () => {
      const r = renderApp({ configDir: tmp.dir, ...s.props }, 80, 24);
      const frame = await r.waitFor((f) => f.includes('⚠') && f.includes(s.shows), `the ${s.name} screen with its warning`);
      expect(frame.split('\n')[0]).toMatch(/^⚠ Saved progress moved to /);
      expect(squeezed(frame)).toContain(squeezed(`${path.join(tmp.dir, 'progress.json.corrupt-1')} and started fresh`));
      expect(frame.split('\n').length).toBeLessThanOrEqual(24);
      expect(frame.match(/⚠/g)).toHaveLength(1); // once, not again inside the screen
      r.unmount();
    });
  }

  it('wraps instead of cutting, breaks a long path, and caps the lines', () => {
    const deep = `/home/learner/${'very-long-directory-name/'.repeat(3)}progress.json.corrupt-12`;
    const lines = wrapWarning(`Saved progress moved to ${deep} and started fresh: it is not valid JSON.`, 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= 50)).toBe(true);
    expect(squeezed(lines.join(''))).toContain(deep);
    expect(wrapWarning(undefined, 80)).toEqual([]);
    const flood = wrapWarning('problem '.repeat(200), 80);
    expect(flood).toHaveLength(3);
    expect(flood[2]!.endsWith('…')).toBe(true);
  });
});
