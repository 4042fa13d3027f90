/**
 * What the experiments report: one record per observation. The headless form prints each as a
 * JSON line; the screen folds them into its view. Observed values sit next to `predicted` ones.
 */
import type { ReconnectOutcome } from './explain.js';
import type { StateCounts } from './socketTable.js';
import type { LabState } from './states.js';

export const EXPERIMENTS = ['who-waits', 'how-long', 'reconnect', 'many', 'settings'] as const;
export type ExperimentName = (typeof EXPERIMENTS)[number];

export const EXPERIMENT_TITLES: Record<ExperimentName, string> = {
  'who-waits': 'Who waits',
  'how-long': 'How long',
  reconnect: 'Reconnect now',
  many: 'Many connections',
  settings: 'Your settings',
};

/** Observed state of one end: null when its socket is no longer in the table (CLOSED). */
export type Seen = LabState | 'CLOSED';

export type LabRecord =
  | { experiment: ExperimentName; kind: 'start'; source: string; timers: boolean }
  | {
      experiment: 'who-waits';
      kind: 'close';
      closer: 'client' | 'server';
      client: string;
      server: string;
      observed: { client: Seen; server: Seen; waiter: 'client' | 'server' | 'both' | 'none'; timerSeconds: number | null };
      predicted: { waiter: string; timeWaitSeconds: number | null };
      match: boolean;
    }
  | { experiment: 'how-long'; kind: 'tick'; client: string; elapsedSeconds: number; state: Seen; remainingSeconds: number | null; predictedRemainingSeconds: number | null }
  | {
      experiment: 'how-long';
      kind: 'gone';
      client: string;
      measuredSeconds: number | null;
      firstTimerSeconds: number | null;
      predictedSeconds: number | null;
      /** Stopped at the bound before the kernel let the socket go. */
      timedOut: boolean;
    }
  | {
      experiment: 'reconnect';
      kind: 'reconnect';
      holder: 'client' | 'server';
      reuse: boolean;
      localPort: number;
      stateBefore: Seen;
      outcome: ReconnectOutcome;
      errno: string | null;
      explanation: string;
      predicted: string;
    }
  | { experiment: 'many'; kind: 'progress'; done: number; of: number; counts: StateCounts }
  | {
      experiment: 'many';
      kind: 'summary';
      count: number;
      failed: number;
      counts: StateCounts;
      /** Every TCP socket on the machine by state (what `ss -s` counts), the lab's and others'. */
      machine: StateCounts;
      ports: { lowest: number; highest: number; distinct: number } | null;
      portRange: [number, number] | null;
    }
  | { experiment: 'settings'; kind: 'sysctl'; name: string; value: string | null; explanation: string }
  | { experiment: ExperimentName; kind: 'unavailable'; reason: string }
  | { experiment: ExperimentName; kind: 'error'; message: string }
  | { experiment: ExperimentName; kind: 'done' };

export type Emit = (r: LabRecord) => void;

/** The most connections the many-connections experiment opens, and its default. */
export const MAX_CONNECTIONS = 2000;
export const DEFAULT_CONNECTIONS = 200;
/** How long the how-long experiment waits for the kernel at most, seconds (60 s + slack). */
export const HOW_LONG_BOUND_SECONDS = 90;
