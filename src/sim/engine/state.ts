/**
 * The whole mutable state of a run, as plain data. A checkpoint is a copy of it (stateCopy.ts),
 * so it holds no functions and no references outside itself. The trace is kept apart (it is
 * append-only and a checkpoint remembers only its length).
 */
import type { HeapEntry } from './heap.js';
import type { Micros } from '../time.js';
import type { HostName, NodeName, Segment } from '../types.js';
import type { Policies } from '../policy.js';
import type { RngState } from '../rng.js';
import type { ConnRef, DropReason, SegmentRecord, TimerName } from '../trace.js';
import type { TcpState } from '../tcp/states.js';
import type { Tcb } from '../tcp/tcb.js';

/** A routing loop holding a packet: released after `hopsLeft` hops or at `until`. */
export interface LoopHold {
  hopsLeft: number | null;
  until: Micros | null;
  laps: number;
}

/** A segment in the network, with what perturbations have done to it. */
export interface Packet {
  seg: Segment;
  /** Where it is heading, and when it gets there (for views). */
  nextNode: NodeName;
  arrives: Micros;
  departed: Micros;
  /** Lost: it is dropped at the next node it reaches. */
  doomed: DropReason | null;
  /** Extra delay still to apply before it moves on. */
  extraDelay: Micros;
  loop: LoopHold | null;
  /** The sender's state when it sent the segment (selectors can pick by it). */
  senderState: TcpState | null;
  /** Routers passed so far (a lost segment vanishes past the first). */
  routersSeen: number;
  /**
   * The trace's latest record of `seg` (null before the first). Events that see the segment
   * unchanged share it; records are never edited, so checkpoints share it too.
   */
  record: SegmentRecord | null;
  /** The receiver's TCB key for the segment, when the sender's TCB has it made (else null). */
  rxKey: string | null;
}

export type QueueItem =
  /** The packet lives in `inFlight` under this id (one owner, so checkpoints copy it once). */
  | { type: 'arrive'; node: NodeName; pktId: number }
  | { type: 'timer'; host: HostName; key: string; timer: TimerName; token: number }
  | { type: 'action'; action: number; conn?: ConnRef }
  | { type: 'perturb'; index: number }
  | { type: 'reboot'; host: HostName };

export interface HostState {
  name: HostName;
  ip: string;
  up: boolean;
  listeners: number[];
  tcbs: Map<string, Tcb>;
  /** The connection the scripted application is using (send/close apply to it). */
  current: string | null;
  /** Local port of the last connect(), for "reconnect from the same port". */
  lastLocalPort: number | null;
  nextEphemeral: number;
  /** Connections this host has opened or accepted: the fixed ISN rule steps by it. */
  opened: number;
  /** Key of the last connection reset under the application (a later send() gets EPIPE). */
  resetKey: string | null;
}

/** A selector perturbation waiting for its segment. */
export interface Armed {
  index: number;
  matches: number;
  spent: boolean;
}

export interface SimState {
  now: Micros;
  step: number;
  /** Tie-break counter for the event queue. */
  seq: number;
  nextSegId: number;
  nextToken: number;
  queue: HeapEntry<QueueItem>[];
  rng: RngState;
  policies: Policies;
  hosts: Record<HostName, HostState>;
  inFlight: Map<number, Packet>;
  /** How many times each script action's trigger has fired. */
  triggerCounts: number[];
  armed: Armed[];
}
