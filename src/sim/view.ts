/**
 * Read-only views of the simulation at one instant, for screens, lessons and quizzes.
 * Views are plain data built on demand (`Simulation.snapshot()`); nothing outside src/sim
 * reaches into the engine's mutable state.
 */
import type { Micros } from './time.js';
import type { ConnRef, SegmentRecord, TimerName } from './trace.js';
import type { HostName, NodeName } from './types.js';
import type { TcpState } from './tcp/states.js';
import type { Policies } from './policy.js';

export interface TimerView {
  name: TimerName;
  startedAt: Micros;
  expires: Micros;
}

export interface ConnectionView {
  host: HostName;
  conn: ConnRef;
  state: TcpState;
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  rcvNxt: number;
  timers: TimerView[];
  /** The most recent transition of this connection, if any. */
  lastTransition?: { from: TcpState; to: TcpState; at: Micros };
  /** Bytes this connection has delivered to its application so far. */
  received: string;
}

export interface HostView {
  name: HostName;
  ip: string;
  up: boolean;
  listening: number[];
  connections: ConnectionView[];
}

export interface InFlightView {
  seg: SegmentRecord;
  /** The node the segment is travelling towards, and when it gets there. */
  nextNode: NodeName;
  arrives: Micros;
  /** The sender's host, and the destination host. */
  from: HostName;
  to: HostName;
  /** True while it circles in a routing loop; `ttl` in `seg` counts down lap by lap. */
  looping: boolean;
  /** Departure time from its sender (or from the last router for loop laps). */
  departed: Micros;
}

export interface SimSnapshot {
  now: Micros;
  step: number;
  hosts: Record<HostName, HostView>;
  inFlight: InFlightView[];
  policies: Policies;
  /** True when the event queue is empty: nothing more will happen. */
  quiet: boolean;
}
