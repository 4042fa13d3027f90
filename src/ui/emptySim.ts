/**
 * A simulation with nothing in it, for lesson steps that come before any setup: the live view
 * still has something to read, and it plainly shows two idle hosts.
 */
import { DEFAULT_POLICIES } from '../sim/policy.js';
import type { SimSnapshot } from '../sim/view.js';
import type { SimLike } from './simTypes.js';

const SNAPSHOT: SimSnapshot = {
  now: 0,
  step: 0,
  quiet: true,
  inFlight: [],
  policies: DEFAULT_POLICIES,
  hosts: {
    client: { name: 'client', ip: '12.106.32.254', up: true, listening: [], connections: [] },
    server: { name: 'server', ip: '206.168.112.219', up: true, listening: [], connections: [] },
  },
};

export function emptySim(): SimLike {
  return {
    spec: { name: 'none', title: 'No simulation yet' },
    now: 0,
    stepCount: 0,
    trace: [],
    policies: DEFAULT_POLICIES,
    isQuiet: () => true,
    nextEventTime: () => null,
    step: () => [],
    seek: () => {},
    stepBack: () => {},
    perturb: () => {},
    snapshot: () => SNAPSHOT,
    completeTrace: () => [],
  };
}
