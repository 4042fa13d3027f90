/**
 * The TUI's entry point, called by src/cli.tsx. Renders the App with Ink and resolves with the
 * exit code once the learner quits (q or Ctrl+C from any screen). Ink restores the terminal on
 * unmount (cursor shown, raw mode off); the `finally` makes sure of it even if rendering failed.
 */
import { render } from 'ink';
import { App, type ScreenName } from './App.js';
import type { RunRecord } from '../lessons/runFile.js';
import type { Env } from './theme.js';
import { TUI_RENDER_OPTIONS } from './renderOptions.js';
import { withCursorFix } from './inkCursorFix.js';
import { isDumbTerminal } from './dumbTerminal.js';
import { plainFrames } from './plainFrames.js';
import { screenReaderWanted } from '../cli/displayOptions.js';
import { inert } from '../text/inert.js';

export interface RunTuiOptions {
  screen: ScreenName;
  lessonId?: string;
  scenario?: string;
  seed?: number;
  /** sandbox --run: a saved run to replay. */
  run?: RunRecord;
  configDir?: string;
  lessonsDir?: string;
  exportDir?: string;
  env?: Env;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const SHOW_CURSOR = '\u001B[?25h';

export async function runTui(opts: RunTuiOptions): Promise<number> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  if (!stdin.isTTY) {
    stderr.write('tcp-timewait: the interactive tutorial needs a terminal; for a headless run try `tcp-timewait simulate --scenario lost-final-ack`\n');
    return 2;
  }
  const env = opts.env ?? process.env;
  // TERM=dumb cannot move the cursor: plain frames, one after another, without colour.
  const dumb = isDumbTerminal(env);
  const screenReader = screenReaderWanted(env);
  const instance = render(
    <App
      screen={opts.screen}
      lessonId={opts.lessonId}
      scenario={opts.scenario}
      seed={opts.seed}
      run={opts.run}
      configDir={opts.configDir}
      lessonsDir={opts.lessonsDir}
      exportDir={opts.exportDir}
      env={dumb ? { ...env, NO_COLOR: '1' } : env}
    />,
    // Ctrl+C is a binding like q, so the app unmounts normally and Ink restores the terminal.
    // Incremental redraws need the cursor fix (see inkCursorFix.ts).
    {
      ...TUI_RENDER_OPTIONS,
      ...(dumb ? { debug: true } : {}),
      isScreenReaderEnabled: screenReader,
      stdin,
      stdout: dumb ? plainFrames(stdout) : withCursorFix(stdout),
      stderr,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (err) {
    stderr.write(`tcp-timewait: ${inert((err as Error).message ?? String(err))}\n`); // may quote a lesson file
    return 1;
  } finally {
    instance.cleanup();
    if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
    // Screen-reader output does not end its last line; the shell prompt must not join it.
    if (stdout.isTTY && !dumb) stdout.write(SHOW_CURSOR + (screenReader ? '\n' : ''));
  }
}
