/**
 * Key-to-frame latency (issue 7, item 2). The real App runs under Ink's render() against a fake
 * terminal: a TTY-like stdout that timestamps every write and a TTY-like stdin we type into. The
 * sandbox is played at top speed until the churn run holds well over 10,000 trace events (a
 * ladder thousands of rows long); then keys that change the screen are pressed back to back, as
 * a held key would repeat them, and each is timed from the stdin write to the first frame written
 * after it. The same run measures Ink's default render options and the TUI's own, so the
 * before/after comparison shares the machine's mood.
 *
 * The fake terminal is exported for bench/flicker.ts.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderOptions } from 'ink';
import { Simulation, getScenario } from '../src/sim/index.js';
import { TUI_RENDER_OPTIONS } from '../src/ui/renderOptions.js';
import { withCursorFix } from '../src/ui/inkCursorFix.js';
import { median, percentile, type Figure } from './report.js';
import { MemoryTerminalIn } from '../src/ui/record/fakeTerminal.js';
import { loadUiBundle, type UiVariant } from './uiBundle.js';

/**
 * The UI is loaded from a bundle built like the CLI (bench/uiBundle.ts): production React, and
 * Ink with the frame compositor the CLI ships (or, for `stock`, Ink's own). Colour is forced on,
 * as a learner's terminal shows it; the bundle reads the environment when first loaded.
 */
async function loadUi(variant: UiVariant = 'shipped') {
  // A learner's terminal shows colour; chalk would turn it off for a piped bench (256 colours).
  process.env['FORCE_COLOR'] ??= '2';
  const ui = await loadUiBundle(variant);
  // Development React gives every element a _store; production's have none.
  const production = !('_store' in (ui.createElement('i') as object));
  return { ...ui, production };
}

/** Which React build the measured UI ran on, for the figures' notes. */
export async function reactBuild(): Promise<string> {
  return (await loadUi()).production ? 'production React' : 'DEVELOPMENT React (the bundle was not built for production)';
}

/** Ink's stdout -> instance map inside the loaded bundle (flicker reads the last frame from it). */
export async function inkInstances(variant: UiVariant = 'shipped'): Promise<WeakMap<object, unknown>> {
  return (await loadUi(variant)).inkInstances as unknown as WeakMap<object, unknown>;
}

/** The synchronized-output markers Ink writes around a frame on a TTY. */
export const SYNC_MARKERS = new Set(['\u001B[?2026h', '\u001B[?2026l']);

export interface Write {
  at: number;
  data: string;
}

/** A stdout that says it is a terminal and remembers what was written to it, and when. */
export class FakeTty extends EventEmitter {
  isTTY = true;
  writes: Write[] = [];
  private waiters: Array<() => void> = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (data: string | Uint8Array, ...rest: unknown[]): boolean => {
    const s = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    this.writes.push({ at: performance.now(), data: s });
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
    return true;
  };
  /** Resolves at the next write (or at once if `since` writes already exist beyond it). */
  nextWrite(since: number, timeoutMs = 5000): Promise<boolean> {
    if (this.writes.length > since) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
  /** Everything written, escapes removed: good enough to find words on the screen. */
  textSince(from: number): string {
    return stripAnsi(this.writes.slice(from).map((w) => w.data).join(''));
  }
  getColorDepth(): number {
    return 8;
  }
  hasColors(): boolean {
    return true;
  }
}

/** A stdin that says it is a terminal in raw mode; keys written to it reach Ink at once. */
export class FakeStdin extends MemoryTerminalIn {
  type(s: string): void {
    this.press(s);
  }
}

export async function settle(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
}

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
}

export const KEY_BYTES: Record<string, string> = { up: '\u001B[A', down: '\u001B[B', tab: '\t', space: ' ' };

export interface Term {
  stdout: FakeTty;
  stdin: FakeStdin;
  /** What Ink was given as stdout (the fake, behind runTui's cursor fix): Ink's key for it. */
  inkStdout: object;
  unmount(): void;
  /** Waits until the text written since `from` matches; returns false on timeout. */
  waitText(test: (text: string) => boolean, from?: number, timeoutMs?: number): Promise<boolean>;
}

/** The sandbox on `scenario`, rendered by Ink with `options` into a fake columns x rows terminal. */
export async function renderSandbox(scenario: string, options: Partial<RenderOptions>, columns = 120, rows = 40, variant: UiVariant = 'shipped'): Promise<Term> {
  const { render, createElement, App } = await loadUi(variant);
  const stdout = new FakeTty(columns, rows);
  const stdin = new FakeStdin();
  const configDir = mkdtempSync(join(tmpdir(), 'tcp-timewait-bench-'));
  const env = { TERM: 'xterm-256color' };
  // As runTui does it: the same cursor fix over the terminal.
  const inkStdout = withCursorFix(stdout);
  const inst = render(createElement(App, { screen: 'sandbox', scenario, seed: 1, configDir, env }), {
    ...options,
    stdout: inkStdout as unknown as NodeJS.WriteStream,
    stderr: new FakeTty(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdout,
    stdin,
    inkStdout,
    unmount() {
      inst.unmount();
      inst.cleanup();
      rmSync(configDir, { recursive: true, force: true });
    },
    async waitText(test, from = 0, timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs;
      let seen = from;
      for (;;) {
        if (test(stdout.textSince(Math.max(from, seen - 3)))) {
          // Let React run the effects of the frame just drawn (key handlers subscribe in
          // effects), so a key typed next reaches the screen that is showing.
          await settle();
          return true;
        }
        seen = stdout.writes.length;
        const left = deadline - performance.now();
        if (left <= 0) return false;
        await stdout.nextWrite(seen, left);
      }
    },
  };
}

/** The simulated clock shown in the header of the latest frames, in seconds. */
export function shownClock(stdout: FakeTty): number {
  const text = stdout.textSince(Math.max(0, stdout.writes.length - 6));
  const all = [...text.matchAll(/t=(\d+\.\d+)s/g)];
  return all.length ? Number(all[all.length - 1]![1]) : 0;
}

/** Play at top speed until the run is at least `seconds` of simulated time long, then pause. */
export async function playUntil(term: Term, seconds: number): Promise<number> {
  const { stdin, stdout } = term;
  stdin.type(KEY_BYTES.space!);
  for (let i = 0; i < 12; i++) stdin.type('+');
  const ok = await term.waitText(() => shownClock(stdout) >= seconds, stdout.writes.length, 60_000);
  if (!ok) throw new Error(`the run did not reach ${seconds}s`);
  const from = stdout.writes.length;
  stdin.type(KEY_BYTES.space!);
  await term.waitText((t) => t.includes('paused'), from);
  // Back to the default speed, so a stray tick would move little.
  for (let i = 0; i < 12; i++) stdin.type('-');
  await term.waitText((t) => t.includes('0.01x') || t.includes('×0.01') || t.includes('0.01'), from);
  return shownClock(stdout);
}

/** The screen-changing keys pressed in turn: step, scroll the ladder, step back, scroll the log. */
const CYCLE = ['n', 'up', 'down', 'b', 'tab', 'up', 'down', 'tab', 'd', 'd'] as const;

export interface LatencyRun {
  label: string;
  samples: number[];
  missed: number;
  events: number;
  writesPerKey: number;
  /** Median time Ink spent turning the laid-out tree into a frame's text. */
  inkMs: number;
}

async function measure(label: string, options: Partial<RenderOptions>, keys: number, simSeconds: number, variant: UiVariant = 'shipped'): Promise<LatencyRun> {
  // Ink reports how long building each frame took; it tells Ink's share from React's and ours.
  const renderTimes: number[] = [];
  const term = await renderSandbox('churn', { ...options, onRender: ({ renderTime }) => renderTimes.push(renderTime) }, 120, 40, variant);
  const { stdout, stdin } = term;
  try {
    if (!(await term.waitText((t) => t.includes('Sandbox')))) throw new Error('the sandbox never appeared');
    const reached = await playUntil(term, simSeconds);
    // The trace the screen shows, rebuilt headlessly: the run is deterministic.
    const sim = Simulation.create(getScenario('churn')!, { seed: 1 });
    sim.runUntil({ kind: 'quiet' }, { untilSeconds: reached });
    const events = sim.trace.length;
    const samples: number[] = [];
    let missed = 0;
    const firstWrite = stdout.writes.length;
    const firstRender = renderTimes.length;
    for (let i = 0; i < keys; i++) {
      const k = CYCLE[i % CYCLE.length]!;
      const before = stdout.writes.length;
      const t0 = performance.now();
      stdin.type(KEY_BYTES[k] ?? k);
      if (!(await stdout.nextWrite(before, 2000))) {
        missed++;
        continue;
      }
      samples.push(stdout.writes[before]!.at - t0);
      await settle();
    }
    const frames = stdout.writes.slice(firstWrite).filter((w) => !SYNC_MARKERS.has(w.data)).length;
    return { label, samples, missed, events, writesPerKey: frames / keys, inkMs: median(renderTimes.slice(firstRender)) };
  } finally {
    term.unmount();
  }
}

export function describeOptions(o: Partial<RenderOptions>): string {
  return `maxFps ${o.maxFps ?? '30 (Ink default)'}, incrementalRendering ${o.incrementalRendering ?? false}`;
}

export async function keyLatencyFigures(quick: boolean): Promise<Figure[]> {
  const keys = quick ? 1000 : 2000;
  const simSeconds = 45; // about 12,000 trace events in the churn scenario
  // Warm the JIT (and Ink's layout engine) so the first measured run does not pay for it.
  await measure('warm-up', TUI_RENDER_OPTIONS, 60, 5, 'stock');
  await measure('warm-up', TUI_RENDER_OPTIONS, 60, 5);
  // Before and after in the same run: the same UI and options on Ink's own frame compositor,
  // then on the one the CLI ships (src/ui/ink/frameOutput.ts).
  const before = await measure("Ink's own compositor", TUI_RENDER_OPTIONS, keys, simSeconds, 'stock');
  const after = await measure('as shipped', TUI_RENDER_OPTIONS, keys, simSeconds);
  const fig = (r: LatencyRun, p: number, options: Partial<RenderOptions>, withTarget: boolean): Figure => {
    const v = percentile(r.samples, p);
    return {
      name: `key-to-frame latency p${p}, ${r.label} (${describeOptions(options)})`,
      value: v,
      unit: 'ms',
      target: withTarget && p === 99 ? '<= 16 ms' : '(for comparison)',
      met: withTarget && p === 99 ? v <= 16 : null,
      note:
        p === 50
          ? `${r.samples.length} keys held down (next key as soon as the frame is out), ${r.events.toLocaleString('en')} trace events, 120x40 sandbox with colour; max ${Math.max(...r.samples).toFixed(1)} ms, ${r.writesPerKey.toFixed(2)} frames per key, Ink's frame build median ${r.inkMs.toFixed(1)} ms${r.missed ? `, ${r.missed} keys drew nothing` : ''}`
          : undefined,
    };
  };
  const build = await reactBuild();
  after.label += `, ${build}`;
  return [fig(before, 50, TUI_RENDER_OPTIONS, false), fig(before, 99, TUI_RENDER_OPTIONS, false), fig(after, 50, TUI_RENDER_OPTIONS, true), fig(after, 99, TUI_RENDER_OPTIONS, true)];
}

/** One measured run with the given options, for trying levers from a scratch script. */
export function measureForScratch(options: Partial<RenderOptions>, keys: number, variant: UiVariant = 'shipped'): Promise<LatencyRun> {
  return measure('scratch', options, keys, 45, variant);
}
