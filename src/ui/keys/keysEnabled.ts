/**
 * Whether the screens below may take keys. The App keeps a screen mounted while the "too small"
 * notice covers it (so its state survives a resize) and turns its keys off here; the notice has
 * its own handler for q and Ctrl+C.
 */
import { createContext } from 'react';

export const KeysEnabled = createContext(true);
