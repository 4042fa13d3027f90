/**
 * Writes text captures of the main views to docs/screens/, at 80x24 and 160x48:
 *
 *   npx tsx test/ui/captureScreens.tsx
 *
 * Uses the real lessons and a throwaway progress directory, drives the app with keys exactly as
 * the screen tests do, and saves each frame as plain text (no colour codes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pressUntil, REAL_LESSONS, renderApp, tempDir } from './appHelpers.js';
import type { Rendered } from './harness.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screens');

type Driver = (r: Rendered) => Promise<void>;

const VIEWS: Array<{
  name: string;
  screen: 'menu' | 'lesson' | 'sandbox' | 'quiz';
  lessonId?: string;
  scenario?: string;
  drive: Driver;
  /** Extra sizes for this view only, besides 80x24 and 160x48. */
  also?: ReadonlyArray<readonly [number, number]>;
}> = [
  { name: 'menu', screen: 'menu', drive: async (r) => void (await r.waitFor('Choose a lesson')) },
  {
    name: 'lesson-lost-final-ack',
    screen: 'lesson',
    lessonId: 'lost-final-ack',
    drive: async (r) => {
      await r.waitFor('Step 1/');
      // To the first prediction: the final ACK has been lost on the way to TIME_WAIT.
      await pressUntil(r, ']', (f) => f.includes('What will the server do?'));
      r.press('1');
      await r.waitFor(/Right\.|Not quite/);
      r.press('enter');
      await r.waitFor('Revealed');
    },
  },
  {
    name: 'sandbox-lost-final-ack',
    screen: 'sandbox',
    scenario: 'lost-final-ack',
    drive: async (r) => {
      await r.waitFor('Sandbox · lost-final-ack');
      await pressUntil(r, 'n', (f) => f.includes('⏲2MSL↻') || f.includes('✓ finished'));
    },
  },
  {
    // The network view (v): r1 and r2 drawn, the lost final ACK dying at r2.
    name: 'network-view',
    screen: 'sandbox',
    scenario: 'lost-final-ack',
    drive: async (r) => {
      await r.waitFor('Sandbox · lost-final-ack');
      await pressUntil(r, 'n', (f) => f.includes('⏲2MSL↻') || f.includes('✓ finished'));
      r.press('v');
      await r.waitFor((f) => /client :\d+ +r1 +r2 +server/.test(f));
    },
  },
  {
    // Lesson 5's rsh exchange at 0.45 s: segments crossing in flight, labels kept apart.
    name: 'ladder-crossing',
    screen: 'lesson',
    lessonId: 'the-exception',
    also: [[120, 40]],
    drive: async (r) => {
      await r.waitFor('Step 1/');
      await pressUntil(r, ']', (f) => f.includes('An rsh-style exchange'));
      await pressUntil(r, 'n', (f) => /t=0\.4[5-9]/.test(f));
    },
  },
  {
    // Lesson 6's churn, revealed: hundreds of connections, counts by state, labels tagged by port.
    name: 'many-connections',
    screen: 'lesson',
    lessonId: 'in-practice',
    also: [[200, 50]],
    drive: async (r) => {
      await r.waitFor('Step 1/');
      await pressUntil(r, ']', (f) => f.includes('How many waiting?'));
      r.press('1');
      await r.waitFor(/Right\.|Not quite/);
      r.press('enter');
      await r.waitFor('Revealed', 'the reveal', 60_000);
    },
  },
  {
    name: 'state-diagram',
    screen: 'sandbox',
    scenario: 'lost-final-ack',
    drive: async (r) => {
      await r.waitFor('Sandbox · lost-final-ack');
      await pressUntil(r, 'n', (f) => f.includes('TIME_WAIT'));
      r.press('d');
      await r.waitFor('last:');
    },
  },
  {
    name: 'perturb-menu',
    screen: 'sandbox',
    scenario: 'normal-close',
    drive: async (r) => {
      await r.waitFor('Sandbox · normal-close');
      await pressUntil(r, 'n', (f) => f.includes('FIN seq='));
      r.press('p');
      await r.waitFor('Perturb the run');
    },
  },
  {
    name: 'inspect',
    screen: 'sandbox',
    scenario: 'normal-close',
    drive: async (r) => {
      await r.waitFor('Sandbox · normal-close');
      await pressUntil(r, 'n', (f) => f.includes('FIN seq='));
      r.press('i');
      await r.waitFor('age vs MSL');
    },
  },
  {
    // Compare mode (C): TIME_WAIT on against off, stepped to the divergence at the retransmitted FIN.
    name: 'compare',
    screen: 'sandbox',
    scenario: 'lost-final-ack',
    drive: async (r) => {
      await r.waitFor('Sandbox · lost-final-ack');
      r.press('C');
      await r.waitFor('Compare this run with');
      await pressUntil(r, 'j', (f) => f.includes('› TIME_WAIT off'));
      r.press('enter');
      await r.waitFor('run A: TIME_WAIT on');
      await pressUntil(r, 'n', (f) => f.includes('◆ diverges'));
    },
  },
  {
    name: 'help',
    screen: 'sandbox',
    drive: async (r) => {
      await r.waitFor('Sandbox ·');
      r.press('?');
      await r.waitFor('Keys (esc');
    },
  },
  {
    name: 'quiz',
    screen: 'quiz',
    drive: async (r) => {
      await r.waitFor(/score 0\/0/);
      r.press('1');
      const answered = await r.waitFor(/Right\.|Wrong\.|Not that one/);
      // Only some kinds of question can be played as a small ladder ("show me").
      if (answered.includes('w: show me')) {
        r.press('w');
        await r.waitFor('w: hide');
      }
    },
  },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const sizes: ReadonlyArray<readonly [number, number]> = [[80, 24], [160, 48], [120, 40], [200, 50]];
  for (const [columns, rows] of sizes) {
    for (const v of VIEWS) {
      const base = (columns === 80 && rows === 24) || (columns === 160 && rows === 48);
      if (!base && !v.also?.some(([c, h]) => c === columns && h === rows)) continue;
      const tmp = tempDir();
      const r = renderApp({ configDir: tmp.dir, screen: v.screen, lessonsDir: REAL_LESSONS, lessonId: v.lessonId, scenario: v.scenario }, columns, rows);
      try {
        // A view whose script no longer matches its screen is reported and left as it was.
        const ok = await v.drive(r).then(
          () => true,
          (err: unknown) => (console.error(`skipped ${v.name}-${columns}x${rows}: ${String(err).split('\n')[0]}`), false),
        );
        if (!ok) continue;
        const file = path.join(OUT, `${v.name}-${columns}x${rows}.txt`);
        writeFileSync(file, r.frame().split('\n').map((l) => l.trimEnd()).join('\n') + '\n');
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
      } finally {
        r.unmount();
        tmp.done();
      }
    }
  }
  // The too-small message, once.
  const tmp = tempDir();
  const r = renderApp({ configDir: tmp.dir, screen: 'menu' }, 60, 20);
  await r.waitFor((f) => f.includes('too small'));
  writeFileSync(path.join(OUT, 'too-small-60x20.txt'), r.frame() + '\n');
  r.unmount();
  tmp.done();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
