/**
 * Keyboard/UI state of the live view: which overlay is open, which pane has focus, how far each
 * pane is scrolled back, where a picker's cursor is. Pure reducer, so every transition is testable
 * without rendering. Simulation state (time, playing, speed) lives in useSimulation, not here.
 */

export type Overlay = 'none' | 'help' | 'perturb' | 'inspect' | 'scenarios' | 'export';
export type Pane = 'ladder' | 'narrative' | 'log';

export interface UiState {
  overlay: Overlay;
  focus: Pane;
  /** Panes that can take focus on this screen (the sandbox has no narrative). */
  panes: readonly Pane[];
  diagram: boolean;
  /** Rows scrolled back from "now" per pane; 0 means follow. */
  scroll: Record<Pane, number>;
  /** Cursor in the open picker, and which of its tabs (segment / global actions) is shown. */
  cursor: number;
  tab: number;
  /** One line of feedback ("FIN seq=5001 will be dropped"), cleared by the next key. */
  message: string | null;
}

export type UiAction =
  | { type: 'open'; overlay: Exclude<Overlay, 'none'>; cursor?: number }
  | { type: 'close' }
  | { type: 'toggleHelp' }
  | { type: 'focusNext' }
  | { type: 'focusPrev' }
  | { type: 'toggleDiagram' }
  | { type: 'scrollBack'; by?: number }
  | { type: 'scrollForward'; by?: number }
  | { type: 'follow' }
  /** Set one pane's scroll (the lesson narrative scrolls itself to show new feedback). */
  | { type: 'scrollTo'; pane: Pane; to: number }
  | { type: 'cursor'; delta: number; length: number }
  | { type: 'nextTab'; tabs: number }
  | { type: 'message'; text: string | null };

export function initialUiState(panes: readonly Pane[] = ['ladder', 'narrative', 'log']): UiState {
  return {
    overlay: 'none',
    focus: panes[0] ?? 'ladder',
    panes,
    diagram: false,
    scroll: { ladder: 0, narrative: 0, log: 0 },
    cursor: 0,
    tab: 0,
    message: null,
  };
}

const wrap = (i: number, n: number): number => (n <= 0 ? 0 : ((i % n) + n) % n);

export function uiReducer(s: UiState, a: UiAction): UiState {
  switch (a.type) {
    case 'open':
      return { ...s, overlay: a.overlay, cursor: a.cursor ?? 0, tab: 0 };
    case 'close':
      return s.overlay === 'none' ? s : { ...s, overlay: 'none' };
    case 'toggleHelp':
      return { ...s, overlay: s.overlay === 'help' ? 'none' : 'help' };
    case 'focusNext':
    case 'focusPrev': {
      const i = s.panes.indexOf(s.focus);
      const d = a.type === 'focusNext' ? 1 : -1;
      return { ...s, focus: s.panes[wrap(i + d, s.panes.length)] ?? s.focus };
    }
    case 'toggleDiagram':
      return { ...s, diagram: !s.diagram };
    case 'scrollBack':
      return { ...s, scroll: { ...s.scroll, [s.focus]: s.scroll[s.focus] + (a.by ?? 1) } };
    case 'scrollForward':
      return { ...s, scroll: { ...s.scroll, [s.focus]: Math.max(0, s.scroll[s.focus] - (a.by ?? 1)) } };
    case 'follow':
      return { ...s, scroll: { ladder: 0, narrative: 0, log: 0 } };
    case 'scrollTo':
      return s.scroll[a.pane] === a.to ? s : { ...s, scroll: { ...s.scroll, [a.pane]: Math.max(0, a.to) } };
    case 'cursor':
      return { ...s, cursor: wrap(s.cursor + a.delta, a.length) };
    case 'nextTab':
      return { ...s, tab: wrap(s.tab + 1, a.tabs), cursor: 0 };
    case 'message':
      return s.message === a.text ? s : { ...s, message: a.text };
  }
}
