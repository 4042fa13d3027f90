/**
 * The part of src/sim/probe.ts the quiz uses. The generator takes a Prober rather than importing
 * the functions directly, so tests can also run it against a small stand-in.
 */
import type { Policies } from '../sim/policy.js';
import type { ProbeCase, ProbeResult } from '../sim/probe.js';
import { enumerateProbeCases, probeTransition } from '../sim/probe.js';

export type { ProbeCase, ProbeResult };

export interface Prober {
  enumerateProbeCases(): ProbeCase[];
  probeTransition(c: ProbeCase, policies?: Partial<Policies>): ProbeResult;
}

/** The real thing: the simulator's own TCP code. */
export const simProber: Prober = { enumerateProbeCases, probeTransition };
