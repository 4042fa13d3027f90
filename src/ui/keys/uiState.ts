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
  /** Digits typed in the inspector: the id of the segment to jump to ('' when none). */
  typed: string;
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
  | { type: 'cursor'; delta: number; length: number }
  | { type: 'nextTab'; tabs: number }
  | { type: 'message'; text: string | null }
  /** The inspector's typed id changed; `index` is where that segment is in the list, if it is. */
  | { type: 'typeId'; typed: string; index?: number | undefined };

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
    typed: '',
  };
}

const wrap = (i: number, n: number): number => (n <= 0 ? 0 : ((i % n) + n) % n);

export function uiReducer(s: UiState, a: UiAction): UiState {
  switch (a.type) {
    case 'open':
      return { ...s, overlay: a.overlay, cursor: a.cursor ?? 0, tab: 0, typed: '' };
    case 'close':
      return s.overlay === 'none' ? s : { ...s, overlay: 'none', typed: '' };
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
    case 'cursor':
      // Moving by hand ends an id being typed: the next digit starts a new one.
      return { ...s, cursor: wrap(s.cursor + a.delta, a.length), typed: '' };
    case 'typeId':
      return { ...s, typed: a.typed, cursor: a.index ?? s.cursor };
    case 'nextTab':
      return { ...s, tab: wrap(s.tab + 1, a.tabs), cursor: 0 };
    case 'message':
      return s.message === a.text ? s : { ...s, message: a.text };
  }
}

/**
 * The typed id after one more key: a digit is appended (or starts afresh when the id would pass
 * the largest there is, so a mistyped id never needs erasing first); backspace drops one.
 */
export function nextTypedId(typed: string, key: string, maxId: number): string {
  if (key === 'backspace') return typed.slice(0, -1);
  if (!/^[0-9]$/.test(key)) return typed;
  const longer = typed === '0' ? key : typed + key;
  return Number(longer) > maxId ? key : longer;
}
