/**
 * Flicker (issue 7, item 3): while the sandbox plays, how many bytes reach the terminal per
 * animation frame, against the bytes a full redraw of that same frame would take.
 *
 * The full redraw is what Ink writes without incremental rendering: erase every line of the last
 * frame, then write the whole new frame. It is computed for each frame from the frame's own text
 * (Ink keeps it on its instance), so both sides describe exactly the same screen. The same run
 * also plays once with Ink's default options, where every frame is a full redraw, as a check
 * that the computed full-redraw size matches what Ink really writes.
 */
import type { RenderOptions } from 'ink';
import { TUI_RENDER_OPTIONS } from '../src/ui/renderOptions.js';
import { describeOptions, inkInstances, KEY_BYTES, reactBuild, renderSandbox, SYNC_MARKERS, type Term } from './keyLatency.js';
import type { Figure } from './report.js';

interface InkInstanceView {
  lastOutputToRender: string;
}

/** Bytes of ansi-escapes' eraseLines(n), which a full redraw starts with. */
function eraseLinesBytes(n: number): number {
  return n === 0 ? 0 : n * 4 + (n - 1) * 4 + 3;
}

export interface FlickerRun {
  frames: number;
  /** Mean bytes written per animation frame (synchronized-output markers included). */
  written: number;
  /** Mean bytes a full redraw of the same frames would have written. */
  full: number;
}

async function settleFrames(term: Term, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await term.stdout.nextWrite(term.stdout.writes.length, 2000);
}

export async function playAndCount(scenario: string, options: Partial<RenderOptions>, speedKeys: string, frames: number): Promise<FlickerRun> {
  const instances = (await inkInstances()) as WeakMap<object, InkInstanceView>;
  const term = await renderSandbox(scenario, options);
  const { stdout, stdin } = term;
  try {
    if (!(await term.waitText((t) => t.includes('Sandbox')))) throw new Error('the sandbox never appeared');
    for (const k of speedKeys) stdin.type(k);
    stdin.type(KEY_BYTES.space!);
    // The first frames redraw the header's play state and speed: skip them, count steady play.
    await settleFrames(term, 6);
    const ink = instances.get(term.inkStdout);
    let written = 0;
    let full = 0;
    let counted = 0;
    let prevLines = ink ? ink.lastOutputToRender.split('\n').length : 0;
    let markers = 0;
    let from = stdout.writes.length;
    const deadline = performance.now() + 30_000;
    while (counted < frames && performance.now() < deadline) {
      await stdout.nextWrite(from, 2000);
      // Let Ink finish the frame (its end marker, and its record of what the frame was).
      await new Promise((r) => setImmediate(r));
      const batch = stdout.writes.slice(from);
      from = stdout.writes.length;
      for (const w of batch) {
        if (SYNC_MARKERS.has(w.data)) {
          markers += Buffer.byteLength(w.data);
          continue;
        }
        counted++;
        written += Buffer.byteLength(w.data) + markers;
        const text = ink?.lastOutputToRender ?? w.data;
        full += markers + eraseLinesBytes(prevLines) + Buffer.byteLength(text);
        prevLines = text.split('\n').length;
        markers = 0;
      }
    }
    stdin.type(KEY_BYTES.space!);
    return { frames: counted, written: written / Math.max(1, counted), full: full / Math.max(1, counted) };
  } finally {
    term.unmount();
  }
}

/**
 * What a learner plays: a lesson scenario in slow motion (the default speed, where the screen is
 * sparse and the ticking clock is most of each frame), two at working speeds, and the busy churn
 * run. The headline averages over every frame of all of them.
 */
const CASES = [
  { scenario: 'normal-close', speed: '', label: 'normal-close at the default 0.05x' },
  { scenario: 'wandering-duplicate', speed: '++', label: 'wandering-duplicate at 0.2x' },
  { scenario: 'lost-final-ack', speed: '+++', label: 'lost-final-ack at 0.5x' },
  { scenario: 'churn', speed: '++', label: 'churn at 0.2x' },
];

export async function flickerFigures(quick: boolean): Promise<Figure[]> {
  const frames = quick ? 60 : 150;
  const build = await reactBuild();
  const perCase: Figure[] = [];
  let written = 0;
  let full = 0;
  let before = 0;
  let count = 0;
  for (const c of CASES) {
    const ink = await playAndCount(c.scenario, {}, c.speed, frames);
    const tui = await playAndCount(c.scenario, TUI_RENDER_OPTIONS, c.speed, frames);
    written += tui.written * tui.frames;
    full += tui.full * tui.frames;
    before += ink.written * tui.frames;
    count += tui.frames;
    const ratio = (tui.written / tui.full) * 100;
    perCase.push({
      name: `  ${c.label}`,
      value: ratio,
      unit: '%',
      target: '<= 25%',
      met: ratio <= 25,
      note: `${Math.round(tui.written)} bytes per frame against ${Math.round(tui.full)} for a full redraw; Ink's defaults wrote ${Math.round(ink.written)} per frame (${((ink.written / ink.full) * 100).toFixed(0)}% of the computed full redraw, a check on it)`,
    });
  }
  const ratio = (written / full) * 100;
  return [
    {
      name: `bytes written per animation frame during play, against a full redraw of the same frame (${describeOptions(TUI_RENDER_OPTIONS)})`,
      value: ratio,
      unit: '%',
      target: '<= 25% on average',
      met: ratio <= 25,
      note: `${count} frames over ${CASES.length} scenarios, 120x40 with colour, ${build}; ${Math.round(written / count)} bytes per frame, ${Math.round(full / count)} for full redraws; before (Ink defaults: ${describeOptions({})}) every frame was a full redraw: ${Math.round(before / count)} bytes per frame`,
    },
    ...perCase,
  ];
}
