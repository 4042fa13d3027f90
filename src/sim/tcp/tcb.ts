/**
 * The transmission control block (RFC 9293 §3.3.1): everything one endpoint remembers about
 * one connection. Plain data only, so checkpoints can clone it.
 */
import type { Micros } from '../time.js';
import type { Flags, HostName, SocketAddress } from '../types.js';
import type { TcpState } from './states.js';
import type { ConnRef, TimerName } from '../trace.js';
import { seqGt } from '../seq.js';

/** A segment we sent that occupies sequence space and is not yet acknowledged. */
export interface Unacked {
  seq: number;
  flags: Flags;
  data: string;
  /** Id of the first transmission, so retransmissions can point back to it. */
  firstId: number;
  /** When it was first sent, for an RTT sample (RFC 6298 §2). */
  sentAt?: Micros;
  /** Sent more than once: Karn's algorithm takes no RTT sample from it (RFC 6298 §3). */
  resent?: boolean;
}

/** A running timer. `token` ties the queued expiry event to this arming of the timer. */
export interface TimerSlot {
  token: number;
  startedAt: Micros;
  expires: Micros;
  /** Which timer runs in the slot: the second slot holds 2MSL or Linux's FIN_WAIT_2 timeout. */
  name?: TimerName;
}

export interface Tcb {
  /** `${localPort}|${remoteIp}:${remotePort}`: unique per host. */
  key: string;
  /**
   * How trace events name this connection. The addresses and the incarnation never change, so
   * one object is made with the TCB and shared by all its events (they never edit it).
   */
  ref: ConnRef;
  /** The key the peer's TCB for this connection has (segments we send are looked up by it). */
  peerKey: string;
  host: HostName;
  local: SocketAddress;
  remote: SocketAddress;
  incarnation: number;
  state: TcpState;
  /** Created by a listener (passive open) rather than connect(). */
  passive: boolean;
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  rcvWnd: number;
  /**
   * How the application ended its sending side: close() (the socket is orphaned, RCV_SHUTDOWN
   * in Linux terms) or shutdown(SHUT_WR) (it can still read). null while it may still send.
   */
  appClosed: 'close' | 'shutdown' | null;
  /** Application data waiting for the connection to be established. */
  pending: string;
  /** close() was called before our FIN could be sent. */
  finPending: boolean;
  /** Sequence number of our FIN once sent (its ACK is finSeq + 1). */
  finSeq: number | null;
  unacked: Unacked[];
  rto: Micros;
  retries: number;
  /** Smoothed RTT and its variation (RFC 6298 §2), microseconds; srtt null until a sample. */
  srtt: Micros | null;
  rttvar: Micros;
  /** The retransmission timer is running as a tail-loss probe (see rto.ts). */
  probeArmed: boolean;
  /** A tail-loss probe was already sent for this flight. */
  probeSent: boolean;
  rtoTimer: TimerSlot | null;
  twTimer: TimerSlot | null;
  received: string;
  /** Bytes received and not yet read by the application (only when it reads when asked). */
  unread: number;
  lastTransition: { from: TcpState; to: TcpState; at: Micros } | null;
  /** When we last answered an invalid segment with an ACK (see output.ts, ackInvalid). */
  lastInvalidAck: Micros | null;
  /** Both ends use the timestamps option (RFC 7323 §3.2). */
  tsOk: boolean;
  /** TS.Recent (RFC 7323 §4.3): the peer's latest TSval, echoed as TSecr. */
  tsRecent: number;
  /** When TS.Recent was last updated (Linux's ts_recent_stamp), or null if never. */
  tsRecentStamp: Micros | null;
  /** When this incarnation's TCB was created: a segment born before it is an old duplicate. */
  createdAt: Micros;
  /**
   * The engine's bookkeeping for checkpoints, not TCP state: the copy the last checkpoint took
   * of this TCB, or null once the TCB may have changed since (see engine/stateCopy.ts). A field
   * is much cheaper than weak maps, and the engine clears it on every segment a TCB receives.
   */
  saved: Tcb | null;
}

export function tcbKey(localPort: number, remote: SocketAddress): string {
  return `${localPort}|${remote.ip}:${remote.port}`;
}

export const DEFAULT_WINDOW = 65535;

export function newTcb(
  host: HostName,
  local: SocketAddress,
  remote: SocketAddress,
  incarnation: number,
  state: TcpState,
  rto: Micros,
  createdAt: Micros = 0,
): Tcb {
  return {
    key: tcbKey(local.port, remote),
    ref: { local: `${local.ip}:${local.port}`, remote: `${remote.ip}:${remote.port}`, incarnation },
    peerKey: tcbKey(remote.port, local),
    host,
    local,
    remote,
    incarnation,
    state,
    passive: false,
    iss: 0,
    irs: 0,
    sndUna: 0,
    sndNxt: 0,
    sndWnd: DEFAULT_WINDOW,
    rcvNxt: 0,
    rcvWnd: DEFAULT_WINDOW,
    appClosed: null,
    pending: '',
    finPending: false,
    finSeq: null,
    unacked: [],
    rto,
    retries: 0,
    srtt: null,
    rttvar: 0,
    probeArmed: false,
    probeSent: false,
    rtoTimer: null,
    twTimer: null,
    received: '',
    unread: 0,
    lastTransition: null,
    lastInvalidAck: null,
    tsOk: false,
    tsRecent: 0,
    tsRecentStamp: null,
    createdAt,
    saved: null,
  };
}

/**
 * An old duplicate: a segment of an older incarnation that was already in the network before
 * this incarnation began. (A segment that a stray older TCB sends later is not one: it is a
 * live peer, and the handshake, not TIME_WAIT, is what guards against it.)
 */
export function isOldDuplicate(tcb: Tcb, seg: { incarnation: number; born: Micros }): boolean {
  return seg.incarnation < tcb.incarnation && seg.born < tcb.createdAt;
}

/** Has the peer acknowledged our FIN? */
export function finAcked(tcb: Tcb): boolean {
  return tcb.finSeq !== null && seqGt(tcb.sndUna, tcb.finSeq);
}
