/** The state of a run before its first event. */
import { EPHEMERAL_FIRST } from './hostStack.js';
import type { HostState, SimState } from './state.js';
import { resolvePolicies, type Policies } from '../policy.js';
import { createRng } from '../rng.js';
import type { NetworkSpec, ScenarioSpec } from '../scenario.js';
import type { HostName } from '../types.js';

function host(name: HostName, ip: string): HostState {
  return {
    name,
    ip,
    up: true,
    listeners: [],
    tcbs: new Map(),
    current: null,
    lastLocalPort: null,
    nextEphemeral: EPHEMERAL_FIRST,
    opened: 0,
    resetKey: null,
  };
}

export function initialState(
  spec: ScenarioSpec,
  network: NetworkSpec,
  seed: number,
  overrides?: Partial<Policies>,
): SimState {
  return {
    now: 0,
    step: 0,
    seq: 0,
    nextSegId: 1,
    nextToken: 1,
    queue: [],
    rng: createRng(seed),
    policies: resolvePolicies(spec.policies, overrides),
    hosts: { client: host('client', network.clientIp), server: host('server', network.serverIp) },
    inFlight: new Map(),
    triggerCounts: spec.script.map(() => 0),
    armed: [],
  };
}
