/**
 * The options runTui passes to Ink's render(), kept apart so the benchmarks (bench/keyLatency.ts,
 * bench/flicker.ts) measure exactly what the learner gets.
 *
 * - incrementalRendering: Ink rewrites only the lines that changed instead of erasing and
 *   redrawing the whole frame, so a ticking clock costs one line, not forty (less flicker, and
 *   far fewer bytes over a slow ssh link).
 * - maxFps: Ink holds back a frame that follows another within 1000/maxFps ms. Keys are answered
 *   as fast as frames can be built, and a frame now builds in about a millisecond (the bundle's
 *   own compositor, src/ui/ink/frameOutput.ts), so any window only adds waiting: at 120 a key
 *   pressed just after a frame waited up to 8 ms for nothing (key-to-frame p50 10 ms -> under
 *   4 ms at 1000, bench/keyLatency.ts). The animation ticks every FRAME_MS (50 ms) regardless.
 */
import type { RenderOptions } from 'ink';

export const TUI_RENDER_OPTIONS = {
  incrementalRendering: true,
  maxFps: 1000,
} as const satisfies Partial<RenderOptions>;
