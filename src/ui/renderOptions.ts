/**
 * The options runTui passes to Ink's render(), kept apart so the benchmarks (bench/keyLatency.ts,
 * bench/flicker.ts) measure exactly what the learner gets.
 *
 * - incrementalRendering: Ink rewrites only the lines that changed instead of erasing and
 *   redrawing the whole frame, so a ticking clock costs one line, not forty (less flicker, and
 *   far fewer bytes over a slow ssh link).
 * - maxFps: Ink's default (30) holds back a frame that follows another within 33 ms, so a key
 *   pressed just after a frame waited for the throttle, not for the work. At 120 the window
 *   (about 8 ms) is shorter than building a full frame takes, so a key's frame is never held
 *   back; the animation itself ticks every FRAME_MS (50 ms) and is not affected.
 */
import type { RenderOptions } from 'ink';

export const TUI_RENDER_OPTIONS = {
  incrementalRendering: true,
  maxFps: 120,
} as const satisfies Partial<RenderOptions>;
