/**
 * THE key-binding table. Every key the TUI answers to is one row here; the help screen and the
 * footer are generated from it, and the screens look keys up in it, so a key cannot work without
 * being documented or be documented without working.
 */

/** Where a binding applies. A screen asks for a list of contexts, most specific first. */
export type KeyContext =
  | 'global'
  | 'run' // the live simulation view (lesson player and sandbox)
  | 'lesson'
  | 'sandbox'
  | 'menu'
  | 'quiz'
  | 'list' // any open picker: perturb menu, inspect, scenario list
  | 'input' // typing a number for a perturb menu entry (MSL, a delay...)
  | 'inspect' // the segment inspector (searched before `list`)
  | 'search' // typing a search of the event log after `/`
  | 'found' // a search is active: n/N move between its matches (searched before `run`)
  | 'help'
  | 'lab' // the live lab: real sockets on loopback
  | 'comparePick' // choosing what the second run of a comparison changes
  | 'compare' // two runs side by side, in step by simulated time
  | 'compareExit'; // leaving a comparison opened from the sandbox

export type Action =
  | 'quit'
  | 'help'
  | 'close'
  | 'playPause'
  | 'step'
  | 'stepBack'
  | 'faster'
  | 'slower'
  | 'perturb'
  | 'inspect'
  | 'focusNext'
  | 'focusPrev'
  | 'toggleDiagram'
  | 'toggleSkipIdle'
  | 'skipToNext'
  | 'export'
  | 'scrollBack'
  | 'scrollForward'
  | 'follow'
  | 'restartStep'
  | 'nextStep'
  | 'prevStep'
  | 'continue'
  | 'answer'
  | 'hint'
  | 'showMe'
  | 'review'
  | 'menu'
  | 'scenarios'
  | 'policyPreset'
  | 'up'
  | 'down'
  | 'select'
  | 'resume'
  | 'openSandbox'
  | 'openQuiz'
  | 'typeChar'
  | 'erase'
  | 'apply'
  | 'typeId'
  | 'connNext'
  | 'connPrev'
  | 'connAll'
  | 'toggleNetwork'
  | 'search'
  | 'searchChar'
  | 'searchNext'
  | 'searchPrev'
  | 'toStart'
  | 'toEnd'
  | 'openLab'
  | 'labRun'
  | 'labMore'
  | 'labFewer'
  | 'compare'
  | 'switchSide';

export interface Binding {
  keys: readonly string[];
  /** How the key is written in the footer and help, e.g. `→/l/n`. */
  label: string;
  action: Action;
  description: string;
  context: KeyContext;
  /** Shown in the footer (the rest are in help only). */
  footer?: boolean;
  /** The footer's word for it, when the action's usual word does not fit this context. */
  short?: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Stands for any printable character (and space) in a binding: the search prompt types them. */
export const PRINTABLE = '<printable>';

function isPrintable(key: string): boolean {
  return key === 'space' || ([...key].length === 1 && !/\p{Cc}/u.test(key));
}
const NUMBER_KEYS = ['0', ...DIGITS, '.'];

export const BINDINGS: readonly Binding[] = [
  { keys: ['q', 'ctrl+c'], label: 'q', action: 'quit', description: 'quit (Ctrl+C too); the terminal is restored', context: 'global', footer: true },
  { keys: ['?'], label: '?', action: 'help', description: 'show or hide this help', context: 'global', footer: true },

  { keys: ['escape', '?'], label: 'esc/?', action: 'close', description: 'close help', context: 'help', footer: true },
  { keys: ['up', 'k'], label: '↑/k', action: 'up', description: 'scroll help up', context: 'help' },
  { keys: ['down', 'j'], label: '↓/j', action: 'down', description: 'scroll help down', context: 'help' },

  { keys: ['up', 'k'], label: '↑/k', action: 'up', description: 'move up the list', context: 'list' },
  { keys: ['down', 'j'], label: '↓/j', action: 'down', description: 'move down the list', context: 'list' },
  { keys: ['enter', 'space'], label: 'enter', action: 'select', description: 'choose the highlighted entry', context: 'list', footer: true, short: 'choose' },
  { keys: ['tab', 'shift+tab'], label: 'tab', action: 'focusNext', description: 'switch between segment and global actions', context: 'list', footer: true },
  { keys: ['escape'], label: 'esc', action: 'close', description: 'close the menu without choosing', context: 'list', footer: true },

  { keys: NUMBER_KEYS, label: '0-9 .', action: 'typeChar', description: 'type the number (MSL, a delay, a loop\'s length, a count)', context: 'input', footer: true, short: 'type' },
  { keys: ['backspace'], label: 'backspace', action: 'erase', description: 'delete the last character typed', context: 'input', footer: true, short: 'erase' },
  { keys: ['enter'], label: 'enter', action: 'apply', description: 'apply the number typed (a value out of range is refused, with the range)', context: 'input', footer: true, short: 'apply' },
  { keys: ['escape'], label: 'esc', action: 'close', description: 'cancel the typing and go back to the menu', context: 'input', footer: true, short: 'cancel' },
  { keys: ['0', ...DIGITS], label: '0-9', action: 'typeId', description: 'inspect: type a segment id to jump to it', context: 'inspect', footer: true },
  { keys: ['backspace'], label: 'backspace', action: 'typeId', description: 'inspect: erase the last digit typed', context: 'inspect' },
  { keys: ['pageup'], label: 'pgup', action: 'up', description: 'inspect: ten segments up the list', context: 'inspect' },
  { keys: ['pagedown'], label: 'pgdn', action: 'down', description: 'inspect: ten segments down the list', context: 'inspect' },

  { keys: ['space'], label: 'space', action: 'playPause', description: 'play or pause the simulation', context: 'run', footer: true },
  { keys: ['right', 'l', 'n'], label: '→/l/n', action: 'step', description: 'step forward one event', context: 'run', footer: true },
  { keys: ['left', 'h', 'b'], label: '←/h/b', action: 'stepBack', description: 'step back one event (exact replay)', context: 'run', footer: true },
  { keys: ['+', '='], label: '+', action: 'faster', description: 'play faster', context: 'run', footer: true },
  { keys: ['-', '_'], label: '-', action: 'slower', description: 'play slower (down to slow motion)', context: 'run', footer: true },
  { keys: ['p'], label: 'p', action: 'perturb', description: 'perturb: drop/duplicate/delay/loop a segment; MSL, rules, crash', context: 'run', footer: true },
  { keys: ['i'], label: 'i', action: 'inspect', description: 'inspect a segment: header fields, incarnation, age vs MSL', context: 'run', footer: true },
  { keys: ['tab'], label: 'tab', action: 'focusNext', description: 'move focus between ladder, narrative and event log', context: 'run' },
  { keys: ['shift+tab'], label: 'shift+tab', action: 'focusPrev', description: 'move focus backwards', context: 'run' },
  { keys: ['d'], label: 'd', action: 'toggleDiagram', description: 'show or hide the TCP state diagram', context: 'run', footer: true },
  { keys: ['z'], label: 'z', action: 'toggleSkipIdle', description: 'skip idle waits on or off (2MSL need not take minutes)', context: 'run' },
  { keys: ['s'], label: 's', action: 'skipToNext', description: 'skip straight to the next event', context: 'run' },
  { keys: ['e'], label: 'e', action: 'export', description: 'export the run so far (pcap, Mermaid, and a run file that replays it)', context: 'run' },
  { keys: ['up', 'k', 'pageup'], label: '↑/k', action: 'scrollBack', description: 'scroll the focused pane back', context: 'run' },
  { keys: ['down', 'j', 'pagedown'], label: '↓/j', action: 'scrollForward', description: 'scroll the focused pane forward', context: 'run' },
  { keys: ['end', 'f'], label: 'f', action: 'follow', description: 'follow "now" again', context: 'run' },
  { keys: ['>'], label: '>', action: 'connNext', description: 'ladder: focus the next connection (the others are muted)', context: 'run' },
  { keys: ['<'], label: '<', action: 'connPrev', description: 'ladder: focus the previous connection', context: 'run' },
  { keys: ['a'], label: 'a', action: 'connAll', description: 'ladder: show all connections again', context: 'run' },
  { keys: ['v'], label: 'v', action: 'toggleNetwork', description: 'ladder: show or hide the network (routers r1 and r2)', context: 'run' },
  { keys: ['/'], label: '/', action: 'search', description: 'search the event log and the ladder: a segment id (#8), flags, seq, a state name', context: 'run' },
  { keys: ['g', 'home'], label: 'g', action: 'toStart', description: 'jump to the start of the run (time 0, exact replay)', context: 'run' },
  { keys: ['G'], label: 'G', action: 'toEnd', description: 'play straight to the end of the run (or to where the lesson step stops)', context: 'run' },

  { keys: [PRINTABLE], label: 'text', action: 'searchChar', description: 'type what to search for (any case)', context: 'search', footer: true, short: 'type' },
  { keys: ['backspace'], label: 'backspace', action: 'erase', description: 'delete the last character typed', context: 'search', footer: true, short: 'erase' },
  { keys: ['enter'], label: 'enter', action: 'apply', description: 'find: jump to the newest match', context: 'search', footer: true, short: 'find' },
  { keys: ['escape'], label: 'esc', action: 'close', description: 'cancel the search', context: 'search', footer: true, short: 'cancel' },
  { keys: ['n'], label: 'n', action: 'searchNext', description: 'next (older) match of the search', context: 'found', footer: true, short: 'next match' },
  { keys: ['N'], label: 'N', action: 'searchPrev', description: 'previous (newer) match of the search', context: 'found', footer: true, short: 'prev match' },
  { keys: ['escape'], label: 'esc', action: 'close', description: 'end the search (n steps again)', context: 'found', footer: true, short: 'end search' },

  { keys: ['r'], label: 'r', action: 'restartStep', description: 'restart this lesson step', context: 'lesson' },
  { keys: [']'], label: ']', action: 'nextStep', description: 'next lesson step', context: 'lesson', footer: true },
  { keys: ['['], label: '[', action: 'prevStep', description: 'previous lesson step', context: 'lesson' },
  { keys: ['enter'], label: 'enter', action: 'continue', description: 'play this step to its goal, then go on', context: 'lesson', footer: true },
  { keys: DIGITS, label: '1-9', action: 'answer', description: 'answer a question with that option', context: 'lesson' },
  { keys: ['H'], label: 'H', action: 'hint', description: 'show the next hint of a challenge', context: 'lesson' },
  { keys: ['m'], label: 'm', action: 'menu', description: 'back to the lesson menu', context: 'lesson' },

  { keys: ['c'], label: 'c', action: 'scenarios', description: 'choose a scenario', context: 'sandbox', footer: true },
  { keys: ['o'], label: 'o', action: 'policyPreset', description: 'cycle policy preset (RFC 1122, BSD, Linux)', context: 'sandbox' },
  { keys: ['r'], label: 'r', action: 'restartStep', description: 'restart the scenario from the beginning', context: 'sandbox' },
  { keys: ['m'], label: 'm', action: 'menu', description: 'back to the lesson menu', context: 'sandbox' },
  { keys: ['C'], label: 'C', action: 'compare', description: 'compare: rerun this run under other policies, side by side, and find where they part', context: 'sandbox', footer: true },

  { keys: ['up', 'k'], label: '↑/k', action: 'up', description: 'previous policy change', context: 'comparePick' },
  { keys: ['down', 'j'], label: '↓/j', action: 'down', description: 'next policy change', context: 'comparePick' },
  { keys: ['enter', 'space'], label: 'enter', action: 'select', description: 'run both and compare them', context: 'comparePick', footer: true, short: 'compare' },
  { keys: ['escape'], label: 'esc', action: 'close', description: 'back to the sandbox', context: 'comparePick', footer: true, short: 'back' },
  { keys: ['right', 'l', 'n'], label: '→/l/n', action: 'step', description: 'both runs to the next moment either has an event', context: 'compare', footer: true },
  { keys: ['left', 'h', 'b'], label: '←/h/b', action: 'stepBack', description: 'both runs back to the previous moment', context: 'compare', footer: true },
  { keys: ['g', 'home'], label: 'g', action: 'toStart', description: 'both runs to the start', context: 'compare' },
  { keys: ['G', 'end'], label: 'G', action: 'toEnd', description: 'both runs to the end', context: 'compare', footer: true },
  { keys: ['up', 'k', 'pageup'], label: '↑/k', action: 'scrollBack', description: 'scroll both ladders back (pgup: a page; a step follows "now" again)', context: 'compare' },
  { keys: ['down', 'j', 'pagedown'], label: '↓/j', action: 'scrollForward', description: 'scroll both ladders forward', context: 'compare' },
  { keys: ['tab', 's'], label: 'tab/s', action: 'switchSide', description: 'below 160 columns: show the other run', context: 'compare', footer: true, short: 'other run' },
  { keys: ['escape'], label: 'esc', action: 'close', description: 'back to the sandbox, as it was', context: 'compareExit', footer: true, short: 'back' },

  { keys: ['up', 'k'], label: '↑/k', action: 'up', description: 'previous entry', context: 'menu' },
  { keys: ['down', 'j'], label: '↓/j', action: 'down', description: 'next entry', context: 'menu' },
  { keys: ['enter', 'right', 'l'], label: 'enter', action: 'select', description: 'open the highlighted lesson', context: 'menu', footer: true },
  { keys: ['r'], label: 'r', action: 'resume', description: 'resume where you left off', context: 'menu', footer: true },
  { keys: ['s'], label: 's', action: 'openSandbox', description: 'open the sandbox', context: 'menu', footer: true },
  { keys: ['u'], label: 'u', action: 'openQuiz', description: 'open the mixed review quiz', context: 'menu', footer: true },

  { keys: DIGITS, label: '1-9', action: 'answer', description: 'answer with that option', context: 'quiz', footer: true },
  { keys: ['up', 'k'], label: '↑/k', action: 'up', description: 'highlight the previous option', context: 'quiz' },
  { keys: ['down', 'j'], label: '↓/j', action: 'down', description: 'highlight the next option', context: 'quiz' },
  { keys: ['enter'], label: 'enter', action: 'select', description: 'answer the highlighted option, or go to the next question', context: 'quiz', footer: true, short: 'answer/next' },
  { keys: ['w'], label: 'w', action: 'showMe', description: 'show me: play the transition in a small ladder', context: 'quiz', footer: true },
  { keys: ['m', 'escape'], label: 'm', action: 'menu', description: 'back to the lesson menu', context: 'quiz' },
  { keys: ['r'], label: 'r', action: 'review', description: 'review the questions you missed, with why the right answer is right', context: 'quiz', footer: true },

  { keys: ['y'], label: 'y', action: 'openLab', description: 'open the live lab: TIME_WAIT in your own kernel', context: 'menu' },
  { keys: ['1', '2', '3', '4', '5'], label: '1-5', action: 'labRun', description: 'run that experiment on real loopback sockets', context: 'lab', footer: true, short: 'run' },
  { keys: ['left', 'h'], label: '←/h', action: 'up', description: 'highlight the previous experiment', context: 'lab' },
  { keys: ['right', 'l', 'tab'], label: '→/l', action: 'down', description: 'highlight the next experiment', context: 'lab' },
  { keys: ['enter', 'space'], label: 'enter', action: 'select', description: 'run the highlighted experiment (again)', context: 'lab' },
  { keys: ['+', '='], label: '+', action: 'labMore', description: 'many connections: more (up to 2000)', context: 'lab', footer: true, short: 'more' },
  { keys: ['-', '_'], label: '-', action: 'labFewer', description: 'many connections: fewer', context: 'lab', footer: true, short: 'fewer' },
  { keys: ['m', 'escape'], label: 'm', action: 'menu', description: 'close every lab socket and go back to the lesson menu', context: 'lab', footer: true },
];

/** The first binding for `key` in the given contexts, searched in order (most specific first). */
export function lookup(contexts: readonly KeyContext[], key: string): Binding | undefined {
  for (const ctx of contexts) {
    const b = BINDINGS.find((x) => x.context === ctx && (x.keys.includes(key) || (x.keys.includes(PRINTABLE) && isPrintable(key))));
    if (b) return b;
  }
  return undefined;
}

/**
 * Contexts whose help goes with another's: a screen that lists `list` in its help gets the
 * inspector's keys too, since the inspector is one of its pickers.
 */
export const HELP_ALSO: Partial<Record<KeyContext, readonly KeyContext[]>> = { list: ['inspect'], run: ['search', 'found'] };

export const CONTEXT_TITLES: Record<KeyContext, string> = {
  global: 'Everywhere',
  run: 'Simulation',
  lesson: 'Lesson',
  sandbox: 'Sandbox',
  menu: 'Menu',
  quiz: 'Quiz',
  list: 'Menus and pickers',
  input: 'Typing a number in the perturb menu',
  inspect: 'Inspect',
  search: 'Typing a search (after /)',
  found: 'While a search is active',
  help: 'Help',
  lab: 'Live lab',
  comparePick: 'Choosing what to compare',
  compare: 'Compare',
  compareExit: 'Compare, opened from the sandbox',
};

/** Footer entries for a screen: its footer bindings, most specific context first, one per action. */
export function footerBindings(contexts: readonly KeyContext[]): Binding[] {
  const seen = new Set<string>();
  const out: Binding[] = [];
  for (const ctx of contexts) {
    for (const b of BINDINGS) {
      if (b.context !== ctx || !b.footer || seen.has(b.action)) continue;
      seen.add(b.action);
      out.push(b);
    }
  }
  return out;
}

/** The footer's one-word name for an action (the description is for help). */
const FOOTER_WORDS: Partial<Record<Action, string>> = {
  quit: 'quit',
  help: 'help',
  close: 'close',
  playPause: 'play/pause',
  step: 'step',
  stepBack: 'back',
  faster: 'faster',
  slower: 'slower',
  perturb: 'perturb',
  inspect: 'inspect',
  toggleDiagram: 'diagram',
  nextStep: 'next step',
  continue: 'continue',
  scenarios: 'scenario',
  select: 'open',
  resume: 'resume',
  openSandbox: 'sandbox',
  openQuiz: 'quiz',
  answer: 'answer',
  showMe: 'show me',
  review: 'review missed',
  focusNext: 'switch',
  typeId: 'go to #id',
  search: 'search',
  toStart: 'start',
  toEnd: 'end',
  compare: 'compare',
};

export function footerWord(b: Binding): string {
  return b.short ?? FOOTER_WORDS[b.action] ?? b.action;
}
