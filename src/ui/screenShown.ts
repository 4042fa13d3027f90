/**
 * Whether the screen below can be seen. The App keeps a screen mounted while the "too small"
 * notice covers it (so its state survives a resize) and says so here: the screen's keys are off
 * (the notice has its own handler for q and Ctrl+C) and a playing run's clock holds still, so
 * the learner does not miss events they could not see.
 */
import { createContext } from 'react';

export const ScreenShown = createContext(true);
