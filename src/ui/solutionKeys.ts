/**
 * A challenge's worked solution as the keys a learner presses: step (`n`) until each action's
 * `at` point, open the perturb menu, switch to its tab, move to the entry, choose it, type its
 * number, and finally Enter to play the challenge on. Keys are taken from the binding table and
 * entries from the menu itself, so if either changes, this follows or fails loudly.
 *
 * Pure: it plays a private copy of the step's simulation through a SimController, exactly as the
 * screen does, to know how many steps an `at` takes and which segments are in flight.
 */
import type { Lesson } from '../lessons/loader.js';
import { observed, simulationAt } from '../lessons/playback.js';
import { asMenuAction, menuPerturbation, type MenuAction } from '../lessons/uiActions.js';
import { BINDINGS, type Action, type KeyContext } from './keys/bindings.js';
import { perturbEntries, withValue, type MenuEntry } from './perturbMenu.js';
import { SimController } from './simController.js';

/**
 * The key a learner would press for an action: a plain letter when there is one, the last of
 * them (the table lists the mnemonic last: `→/l/n` steps, so this presses n).
 */
export function keyFor(context: KeyContext, action: Action): string {
  const b = BINDINGS.find((x) => x.context === context && x.action === action);
  if (!b) throw new Error(`no key for ${action} in ${context}`);
  return b.keys.filter((k) => /^[a-z]$/.test(k)).at(-1) ?? b.keys[0]!;
}

/** Does a menu entry stand for this action (the typed number aside)? */
function sameEntry(e: MenuAction, a: MenuAction): boolean {
  if (e.kind !== a.kind) return false;
  switch (a.kind) {
    case 'segment': {
      const x = e as Extract<MenuAction, { kind: 'segment' }>;
      return x.op === a.op && JSON.stringify(x.target) === JSON.stringify(a.target);
    }
    case 'switch': {
      const x = e as Extract<MenuAction, { kind: 'switch' }>;
      return x.name === a.name && x.to === a.to;
    }
    case 'crash':
    case 'reconnect':
      return (e as { host: string }).host === a.host;
    case 'msl':
      return true;
  }
}

const typedValue = (a: MenuAction): number | undefined => (a.kind === 'msl' ? a.seconds : a.kind === 'segment' ? a.value : undefined);

/** At most this many steps to reach an `at` point: a lesson's challenge is a few dozen. */
const MAX_STEPS = 5_000;

export function solutionKeys(lesson: Pick<Lesson, 'steps'>, stepIndex: number, seed = 1): string[] {
  const step = lesson.steps[stepIndex];
  if (step?.kind !== 'challenge') throw new Error(`step ${stepIndex} is not a challenge`);
  const sim = simulationAt(lesson, stepIndex, { seed });
  if (!sim) throw new Error(`challenge ${stepIndex} has no simulation`);
  const ctrl = new SimController(sim);
  const from = sim.trace.length;
  const keys: string[] = [];
  for (const [k, a] of step.solution.entries()) {
    const m = asMenuAction(a);
    if ('problem' in m) throw new Error(`solution action ${k}: ${m.problem.found}; expected ${m.problem.expected}`);
    if (a.at) {
      for (let n = 0; !observed(sim, a.at, from); n++) {
        if (n > MAX_STEPS || sim.isQuiet()) throw new Error(`solution action ${k}: its "at" point never comes`);
        ctrl.step();
        keys.push(keyFor('run', 'step'));
      }
    }
    keys.push(keyFor('run', 'perturb'));
    const tab = m.action.kind === 'segment' ? 0 : 1;
    if (tab === 1) keys.push(keyFor('list', 'focusNext'));
    const entries: MenuEntry[] = perturbEntries(ctrl.getState().snapshot, tab);
    const index = entries.findIndex((e) => sameEntry(e.action, m.action));
    if (index < 0) throw new Error(`solution action ${k}: no menu entry does ${JSON.stringify(m.action)} here`);
    for (let i = 0; i < index; i++) keys.push(keyFor('list', 'down'));
    keys.push(keyFor('list', 'select'));
    const entry = entries[index]!;
    const value = typedValue(m.action);
    if (entry.ask) {
      if (value !== undefined) keys.push(...String(value));
      keys.push(keyFor('input', 'apply'));
    }
    ctrl.perturb(menuPerturbation(withValue(entry.action, value)));
  }
  keys.push(keyFor('lesson', 'continue'));
  return keys;
}
