/**
 * The scenario data language. A scenario is data, never code: the built-in ones are object
 * literals in src/sim/scenarios/, and a scenario file (YAML, read outside src/sim) has the same
 * shape. Times in this format are seconds; the engine converts them to microseconds.
 */
import type { AppEventName } from './trace.js';
import type { Flag, HostName } from './types.js';
import type { Policies } from './policy.js';
import type { TcpState } from './tcp/states.js';
import type { SegmentMatch } from './condition.js';

/** How initial sequence numbers are chosen (RFC 9293 §3.4.1). */
export type IsnRule =
  /** Fixed, readable values; each later incarnation of a host adds `step` (default 0). */
  | { rule: 'fixed'; client: number; server: number; step?: number }
  /** RFC 793's clock: the ISN advances by 250,000 per second (one tick per 4 microseconds). */
  | { rule: 'clock'; clientOffset?: number; serverOffset?: number }
  /** Drawn from the seeded generator. */
  | { rule: 'random' };

export interface NetworkSpec {
  clientIp: string;
  serverIp: string;
  /** One-way delays of the three links client-r1, r1-r2, r2-server, in seconds. */
  linkDelays: [number, number, number];
  /**
   * Delay of one r1<->r2 hop for a segment caught in a routing loop, in seconds. A loop is
   * usually congested (that is how a packet survives in one), so this is slower than the link.
   */
  loopHopDelay: number;
  /** Chance in [0,1) that the network silently loses any one segment (drawn from the seeded RNG). */
  lossRate: number;
}

export const DEFAULT_NETWORK: NetworkSpec = {
  clientIp: '12.106.32.254',
  serverIp: '206.168.112.219',
  linkDelays: [0.01, 0.03, 0.01],
  loopHopDelay: 0.2,
  lossRate: 0,
};

/** Something that happened in the trace and can trigger a scripted action. */
export type Trigger =
  | { host: HostName; event: AppEventName; nth?: number }
  | { host: HostName; state: TcpState; nth?: number };

/** `read`: the application takes everything received so far (see ScenarioSpec.appReads). */
export type AppCall = 'listen' | 'connect' | 'send' | 'close' | 'shutdown' | 'abort' | 'read';

/**
 * When an application reads what its TCP received. 'on-arrival' (the default): at once, so
 * nothing is ever left unread. 'when-asked': only at its `read` calls, so a close() can find
 * received data the application never read (see the `closeWithUnreadData` policy).
 */
export type AppReads = 'on-arrival' | 'when-asked';

/**
 * One application call by one host. It runs `at` a time, or `after` seconds once `when` has
 * happened (the nth time, default the first; every time if `repeat`).
 */
export interface ScriptAction {
  host: HostName;
  call: AppCall;
  at?: number;
  when?: Trigger;
  after?: number;
  repeat?: boolean;
  /** listen: the port to listen on. connect: an explicit local port (else an ephemeral one). */
  port?: number;
  /** connect: the server port to connect to (default: the scenario's server port, 21). */
  remotePort?: number;
  /** send: the bytes to send, as text. */
  data?: string;
}

/** Picks segments as they leave their sender. Every given field must match. */
export interface SegmentSelector extends SegmentMatch {
  /** Match the nth matching segment (1-based; default 1). */
  nth?: number;
  /** Match every matching segment, not just the nth. */
  every?: boolean;
  /** A specific segment id. */
  id?: number;
  /**
   * The state its sender was in when it sent it, or one of several: the final ACK leaves from
   * TIME_WAIT, or from CLOSED when TIME_WAIT is switched off.
   */
  senderState?: TcpState | TcpState[];
}

interface Timed {
  /** Apply at this simulated time, seconds. */
  at?: number;
  /**
   * Apply right after this engine step (used for perturbations made interactively, so a replay
   * reproduces them exactly). Takes precedence over `at`.
   */
  afterStep?: number;
}

export type Perturbation =
  | ({ kind: 'drop'; match: SegmentSelector } & Timed)
  | ({ kind: 'duplicate'; match: SegmentSelector; copies?: number; gap?: number } & Timed)
  | ({ kind: 'delay'; match: SegmentSelector; by: number } & Timed)
  /** Catch the segment in a routing loop between r1 and r2 for a number of laps or seconds. */
  | ({ kind: 'loop'; match: SegmentSelector; laps?: number; for?: number } & Timed)
  /** Hold the segment back `by` seconds (default: long enough for the next one to overtake it). */
  | ({ kind: 'reorder'; match: SegmentSelector; by?: number } & Timed)
  | ({ kind: 'heal' } & Timed)
  | ({ kind: 'crash'; host: HostName; rebootAfter?: number } & Timed)
  | ({
      kind: 'inject';
      segment: {
        from: HostName;
        flags: Flag[];
        seq: number;
        ack?: number;
        data?: string;
        incarnation?: number;
        /** Birth time, seconds: an injected old segment can claim to be old. */
        born?: number;
      };
    } & Timed)
  /** The client connects again from the same local port (the last one it used, or `port`). */
  | ({ kind: 'reconnect'; host: HostName; port?: number; remotePort?: number } & Timed)
  | ({ kind: 'policy'; set: Partial<Policies> } & Timed);

export type PerturbationKind = Perturbation['kind'];

export interface ScenarioSpec {
  name: string;
  title: string;
  description: string;
  policies?: Partial<Policies>;
  isn?: IsnRule;
  network?: Partial<NetworkSpec>;
  /** The server's listening port (default 21) and the client's default local port (default 1500). */
  serverPort?: number;
  clientPort?: number;
  script: ScriptAction[];
  /** When each host's application reads its data (default: on arrival). */
  appReads?: Partial<Record<HostName, AppReads>>;
  perturbations?: Perturbation[];
  /** Where a headless run stops by default, seconds (it also stops when nothing is left to do). */
  until?: number;
}
