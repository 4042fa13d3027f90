/**
 * A screen that is a list with a help overlay (the lesson menu, the lab): `?` or esc toggles the
 * help, and ↑/↓ scroll the help while it is open, else move the list's cursor (wrapping).
 * One place for that, so the screens differ only in what their entries do.
 */
import { useState } from 'react';
import type { Action } from './bindings.js';
import { useSyncState } from './useSyncState.js';

export function useHelpOverList(setCursor: (f: (c: number) => number) => void) {
  const [help, setHelp, helpRef] = useSyncState(false);
  const [helpScroll, setHelpScroll] = useState(0);
  /** Handles help, close, up and down for a list of `length` entries; false for any other action. */
  const handle = (action: Action, length: number): boolean => {
    switch (action) {
      case 'help':
      case 'close':
        setHelp((h) => !h);
        setHelpScroll(0);
        return true;
      case 'up':
        if (helpRef.current) setHelpScroll((s) => Math.max(0, s - 1));
        else setCursor((c) => (c - 1 + length) % length);
        return true;
      case 'down':
        if (helpRef.current) setHelpScroll((s) => s + 1);
        else setCursor((c) => (c + 1) % length);
        return true;
      default:
        return false;
    }
  };
  return { help, helpRef, helpScroll, handle };
}
