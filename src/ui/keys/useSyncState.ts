/**
 * State whose latest value key handlers can read at once. Keys can arrive faster than React
 * re-renders (a paste, a fast typist, a test writing "down" then "enter"); a handler reading
 * render-time state would act on the old cursor. These hooks keep the value in a ref, update it
 * synchronously, and re-render afterwards.
 */
import { useCallback, useReducer, useRef, type MutableRefObject } from 'react';

export function useSyncReducer<S, A>(reducer: (s: S, a: A) => S, init: () => S): [S, (a: A) => void, MutableRefObject<S>] {
  const ref = useRef<S | null>(null);
  if (ref.current === null) ref.current = init();
  const [, force] = useReducer((x: number) => x + 1, 0);
  const dispatch = useCallback(
    (a: A) => {
      const next = reducer(ref.current as S, a);
      if (next !== ref.current) {
        ref.current = next;
        force();
      }
    },
    [reducer],
  );
  return [ref.current, dispatch, ref as MutableRefObject<S>];
}

export function useSyncState<T>(init: T | (() => T)): [T, (v: T | ((prev: T) => T)) => void, MutableRefObject<T>] {
  const [value, dispatch, ref] = useSyncReducer<T, T | ((prev: T) => T)>(
    (prev, v) => (typeof v === 'function' ? (v as (p: T) => T)(prev) : v),
    () => (typeof init === 'function' ? (init as () => T)() : init),
  );
  return [value, dispatch, ref];
}
