/**
 * The ONE way the UI reads and drives the simulation.
 *
 * `useSimulation(sim)` owns a SimController and the only wall-clock timer in the program: while
 * playing, it ticks the controller every FRAME_MS with the real elapsed time. Panels read through
 * `useSimSelector(selector)`, which re-renders them only when their slice changes (compared with
 * `shallowEqual` by default), so a moving clock does not redraw the event log.
 */
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { ScreenShown } from './screenShown.js';
import { SimController, type ControllerOptions, type SimState } from './simController.js';
import type { SimLike } from './simTypes.js';

/** About 20 frames a second: smooth enough for arrows, light on two shared cores. */
export const FRAME_MS = 50;

export function useSimulation(sim: SimLike, opts: ControllerOptions = {}): SimController {
  const ref = useRef<SimController | null>(null);
  if (!ref.current) ref.current = new SimController(sim, opts);
  const ctrl = ref.current;
  ctrl.shouldPause = opts.shouldPause;
  useEffect(() => {
    if (ctrl.getState().sim !== sim) ctrl.setSim(sim);
  }, [ctrl, sim]);

  const playing = useSyncExternalStore(ctrl.subscribe, () => ctrl.getState().playing);
  // Hidden behind the too-small notice: still "playing", but the clock waits for the screen to
  // come back, and the time it was hidden is not counted (`last` starts afresh).
  const shown = useContext(ScreenShown);
  useEffect(() => {
    if (!playing || !shown) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const dt = now - last;
      last = now;
      ctrl.tick(dt);
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [ctrl, playing, shown]);
  return ctrl;
}

export const SimContext = createContext<SimController | null>(null);

export function useController(): SimController {
  const c = useContext(SimContext);
  if (!c) throw new Error('useController outside <SimContext.Provider>');
  return c;
}

export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Read a slice of the simulation state; re-renders only when the slice changes. */
export function useSimSelector<T>(selector: (s: SimState) => T, isEqual: (a: T, b: T) => boolean = shallowEqual): T {
  const ctrl = useController();
  const cache = useRef<{ value: T } | null>(null);
  const get = (): T => {
    const v = selector(ctrl.getState());
    if (cache.current && isEqual(cache.current.value, v)) return cache.current.value;
    cache.current = { value: v };
    return v;
  };
  return useSyncExternalStore(ctrl.subscribe, get);
}
