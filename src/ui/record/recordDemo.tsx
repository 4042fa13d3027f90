/**
 * Records a demo: the real App, rendered by Ink (with the TUI's own render options) into a
 * terminal in memory of a fixed size, driven by key presses on a virtual clock. Every chunk Ink
 * writes is kept with the virtual time of the key that caused it, so the cast plays at an even,
 * readable pace whatever the speed of the machine that recorded it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { App } from '../App.js';
import { TUI_RENDER_OPTIONS } from '../renderOptions.js';
import { withCursorFix } from '../inkCursorFix.js';
import type { CastOutput } from '../../export/asciicast.js';
import { MemoryTerminalIn, MemoryTerminalOut } from './fakeTerminal.js';

export interface DemoRequest {
  scenario: string;
  lessonId?: string | undefined;
  columns: number;
  rows: number;
}

/** Virtual seconds between key presses: one step of the run, and one step of a lesson. */
const KEY_GAP = 0.7;
const LESSON_STEP_GAP = 2;
const MAX_RUN_KEYS = 80;
const LESSON_STEPS = 8;
const STEPS_PER_LESSON_STEP = 5;

// eslint-disable-next-line no-control-regex
const plain = (s: string): string => s.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');

export async function recordDemo(req: DemoRequest): Promise<CastOutput[]> {
  const out = new MemoryTerminalOut(req.columns, req.rows);
  const input = new MemoryTerminalIn();
  // Progress goes to a scratch folder: a recording must not touch the learner's own.
  const configDir = mkdtempSync(join(tmpdir(), 'tcp-timewait-record-'));
  const env = { ...process.env, TERM: 'xterm-256color' };
  const lesson = req.lessonId !== undefined;
  const instance = render(
    <App screen={lesson ? 'lesson' : 'sandbox'} lessonId={req.lessonId} scenario={lesson ? undefined : req.scenario} seed={1} configDir={configDir} env={env} />,
    {
      ...TUI_RENDER_OPTIONS,
      stdout: withCursorFix(out as unknown as NodeJS.WriteStream),
      stderr: new MemoryTerminalOut(req.columns, req.rows) as unknown as NodeJS.WriteStream,
      stdin: input as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const output: CastOutput[] = [];
  let taken = 0;
  let clock = 0;
  /** Give the chunks written since the last call the current virtual time (a millisecond apart). */
  const take = (): string => {
    const fresh = out.chunks.slice(taken);
    taken = out.chunks.length;
    fresh.forEach((data, j) => output.push({ time: clock + j / 1000, data }));
    return plain(fresh.join(''));
  };
  /** Wait (in real time) for the frame a key caused, then let any follow-up writes land. */
  const frame = async (): Promise<string> => {
    await out.written(taken, 1000);
    await new Promise((r) => setTimeout(r, 40));
    return take();
  };
  const press = async (key: string, gap: number): Promise<string> => {
    clock += gap;
    input.press(key);
    return frame();
  };
  try {
    // The first real screen comes after the lessons and progress load.
    const ready = lesson ? 'Lesson' : 'Sandbox ·';
    let screen = '';
    for (let i = 0; i < 100 && !screen.includes(ready); i++) screen += await frame();
    if (!screen.includes(ready)) throw new Error('record: the screen did not appear');
    if (lesson) {
      for (let s = 0; s < LESSON_STEPS; s++) {
        await press(']', LESSON_STEP_GAP);
        for (let k = 0; k < STEPS_PER_LESSON_STEP; k++) await press('n', KEY_GAP);
      }
    } else {
      for (let k = 0; k < MAX_RUN_KEYS; k++) {
        if ((await press('n', KEY_GAP)).includes('finished')) break;
      }
    }
    clock += LESSON_STEP_GAP;
    take();
    return output;
  } finally {
    instance.unmount();
    instance.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  }
}
