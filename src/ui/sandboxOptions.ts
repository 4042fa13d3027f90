/**
 * Simulation options for the interactive screens. A sandbox can run for an hour at top speed;
 * keeping every trace event would grow memory without bound, so the screens keep a window of
 * recent events (the whole of any lesson scenario, or half a minute of churn: far more than
 * the ladder and the log can show) and rely on the engine's checkpoints, which thin out
 * with distance, for stepping back beyond it.
 */
import type { SimulationOptions } from '../sim/index.js';

export const INTERACTIVE_TRACE_WINDOW = 5_000;

export function interactiveSimOptions(options: SimulationOptions = {}): SimulationOptions {
  return { traceWindow: INTERACTIVE_TRACE_WINDOW, ...options };
}
