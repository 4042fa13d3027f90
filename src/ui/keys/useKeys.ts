/**
 * Connects the binding table to Ink's input: the active screen names its contexts (most
 * specific first) and gets called with the Binding a key maps to. `global` is always searched
 * last, so q / Ctrl+C / ? work everywhere.
 */
import { useApp, useInput } from 'ink';
import { useContext, useRef } from 'react';
import { ScreenShown } from '../screenShown.js';
import { lookup, type Binding, type KeyContext } from './bindings.js';
import { keyName } from './keyName.js';

/** Control characters that can arrive inside such a chunk (several Backspaces typed fast). */
const CHUNK_KEYS: Record<string, string> = { ' ': 'space', '\u007F': 'backspace', '\b': 'backspace', '\r': 'enter' };

export type KeyHandler = (b: Binding, key: string) => void;

/**
 * `contexts` may be a function: it is then asked at each key press, so a key that follows an
 * overlay-opening key at once is looked up in the overlay's contexts.
 */
export function useKeys(contexts: readonly KeyContext[] | (() => readonly KeyContext[]), onKey: KeyHandler, active = true): void {
  const { exit } = useApp();
  // A screen hidden behind the too-small notice stays mounted but must not see keys.
  const enabled = useContext(ScreenShown);
  // The latest handler without re-subscribing to stdin on every render.
  const ref = useRef(onKey);
  ref.current = onKey;
  const ctxRef = useRef(contexts);
  ctxRef.current = contexts;
  const handle = (name: string) => {
    const c = ctxRef.current;
    const ctx = typeof c === 'function' ? c() : c;
    const b = lookup([...ctx, 'global'], name);
    if (!b) return;
    if (b.action === 'quit') {
      exit();
      return;
    }
    ref.current(b, name);
  };
  useInput(
    (input, key) => {
      // Keys typed faster than the terminal is read arrive as one chunk ("++ "): take them one
      // by one, as the learner pressed them.
      const plain = !key.ctrl && !key.meta && !key.escape && input.length > 1 && !input.includes('\u001B');
      if (plain) {
        for (const ch of input) handle(CHUNK_KEYS[ch] ?? ch);
        return;
      }
      handle(keyName(input, key));
    },
    { isActive: active && enabled },
  );
}
