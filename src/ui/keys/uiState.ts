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
  /**
   * A number being typed for the highlighted perturb entry (MSL, a delay...), with the reason
   * the last Enter refused it; null when no prompt is open.
   */
  input: TypedInput | null;
  /** Digits typed in the inspector: the id of the segment to jump to ('' when none). */
  typed: string;
  /** The ladder draws the routers r1 and r2 as lines of their own. */
  network: boolean;
  /** Which connection the ladder focuses (index in order of appearance), or null for all. */
  conn: number | null;
  /** A search of the event log (`/`), or null when none is open. */
  search: SearchState | null;
}

export interface SearchState {
  text: string;
  /** True while the pattern is being typed; false once Enter has found it (n/N move). */
  editing: boolean;
  /** The trace index of the match on show, if any. */
  match: number | null;
}

export interface TypedInput {
  text: string;
  error: string | null;
}

/** Longer than any value in range: keys beyond it are ignored rather than shown. */
export const MAX_INPUT_LENGTH = 8;
/** A search pattern longer than any line of the log is a key held down. */
export const MAX_SEARCH_LENGTH = 40;

export type UiAction =
  | { type: 'open'; overlay: Exclude<Overlay, 'none'>; cursor?: number }
  /** Closes the overlay; with a prompt open, only the prompt (unless `all`). */
  | { type: 'close'; all?: boolean }
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
  | { type: 'message'; text: string | null }
  | { type: 'inputStart' }
  | { type: 'inputChar'; ch: string }
  | { type: 'inputErase' }
  | { type: 'inputError'; error: string }
  /** The inspector's typed id changed; `index` is where that segment is in the list, if it is. */
  | { type: 'typeId'; typed: string; index?: number | undefined }
  | { type: 'toggleNetwork' }
  /** Focus the next/previous of `count` connections (from "all", the newest or the first). */
  | { type: 'connFocus'; delta: 1 | -1; count: number }
  | { type: 'connAll' }
  | { type: 'searchStart' }
  | { type: 'searchChar'; ch: string }
  | { type: 'searchErase' }
  /** Show one match: its trace index, and how many visible events come after it (the log's scroll). */
  | { type: 'searchShow'; match: number | null; after: number }
  | { type: 'searchEnd' };

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
    input: null,
    typed: '',
    network: false,
    conn: null,
    search: null,
  };
}

const wrap = (i: number, n: number): number => (n <= 0 ? 0 : ((i % n) + n) % n);

export function uiReducer(s: UiState, a: UiAction): UiState {
  switch (a.type) {
    case 'open':
      return { ...s, overlay: a.overlay, cursor: a.cursor ?? 0, tab: 0, input: null, typed: '' };
    case 'close':
      // Esc on a prompt cancels the typing and leaves the menu open, where the learner was.
      if (s.input && !a.all) return { ...s, input: null };
      return s.overlay === 'none' ? s : { ...s, overlay: 'none', input: null, typed: '' };
    case 'toggleHelp':
      return { ...s, overlay: s.overlay === 'help' ? 'none' : 'help', input: null };
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
      // Moving by hand ends an id being typed: the next digit starts a new one.
      return { ...s, cursor: wrap(s.cursor + a.delta, a.length), typed: '' };
    case 'typeId':
      return { ...s, typed: a.typed, cursor: a.index ?? s.cursor };
    case 'nextTab':
      return { ...s, tab: wrap(s.tab + 1, a.tabs), cursor: 0 };
    case 'message':
      return s.message === a.text ? s : { ...s, message: a.text };
    case 'inputStart':
      return { ...s, input: { text: '', error: null } };
    case 'inputChar': {
      if (!s.input || s.input.text.length >= MAX_INPUT_LENGTH) return s;
      // One decimal point at most: a second is a slip of the finger, not a number.
      if (a.ch === '.' && s.input.text.includes('.')) return s;
      return { ...s, input: { text: s.input.text + a.ch, error: null } };
    }
    case 'inputErase':
      return s.input ? { ...s, input: { text: s.input.text.slice(0, -1), error: null } } : s;
    case 'inputError':
      return s.input ? { ...s, input: { ...s.input, error: a.error } } : s;
    case 'toggleNetwork':
      return { ...s, network: !s.network };
    case 'connFocus': {
      if (a.count <= 0) return s.conn === null ? s : { ...s, conn: null };
      const next = s.conn === null ? (a.delta === 1 ? 0 : a.count - 1) : wrap(s.conn + a.delta, a.count);
      return { ...s, conn: next };
    }
    case 'connAll':
      return s.conn === null ? s : { ...s, conn: null };
    case 'searchStart':
      return { ...s, search: { text: '', editing: true, match: null } };
    case 'searchChar':
      if (!s.search || s.search.text.length >= MAX_SEARCH_LENGTH) return s;
      return { ...s, search: { ...s.search, text: s.search.text + a.ch } };
    case 'searchErase':
      return s.search ? { ...s, search: { ...s.search, text: s.search.text.slice(0, -1) } } : s;
    case 'searchShow': {
      if (!s.search) return s;
      // The match is drawn on the log's bottom row, and the log takes the focus to show it.
      const focus = s.panes.includes('log') ? 'log' : s.focus;
      const scroll = a.match === null ? s.scroll : { ...s.scroll, log: Math.max(0, a.after) };
      return { ...s, focus, scroll, search: { ...s.search, editing: false, match: a.match } };
    }
    case 'searchEnd':
      return s.search ? { ...s, search: null } : s;
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
