/**
 * What a same-port reconnect's outcome means, against shared/reference/tcp-rules.md ("Re-using a
 * 4-tuple that is still in TIME_WAIT"). Pure: the experiment passes what it saw.
 */

export type ReconnectOutcome = 'EADDRINUSE' | 'EADDRNOTAVAIL' | 'connected' | 'other';

export interface ReconnectCase {
  /** Did the first connection bind its port itself? Node then sets SO_REUSEADDR (libuv does). */
  reuse: boolean;
  /** Which end holds the TIME_WAIT state. */
  holder: 'client' | 'server';
  outcome: ReconnectOutcome;
  timestamps: boolean | null;
}

export function explainReconnect(c: ReconnectCase): string {
  if (c.holder === 'server') {
    return c.outcome === 'connected'
      ? 'The server holds TIME_WAIT, so the client\'s port is free; the new SYN meets the server\'s TIME_WAIT and Linux accepts it as a new incarnation (newer timestamp or higher ISN, RFC 6191 / RFC 1122 4.2.2.13).'
      : 'The server holds TIME_WAIT and refused the new SYN: it carried neither a newer timestamp nor a higher sequence number.';
  }
  switch (c.outcome) {
    case 'EADDRINUSE':
      return c.reuse
        ? 'bind() refused the port: another socket holds it and not every holder allowed reuse.'
        : 'EADDRINUSE: the old socket did not set SO_REUSEADDR, so bind() may not share its port while it sits in TIME_WAIT (RFC 1122: the pair is busy for 2MSL).';
    case 'EADDRNOTAVAIL':
      return 'EADDRNOTAVAIL: bind() was allowed (SO_REUSEADDR on both), but connect() found the same 4-tuple in TIME_WAIT and no timestamps to tell the incarnations apart.';
    case 'connected':
      return c.timestamps === false
        ? 'Connected: the 4-tuple was taken over although timestamps are off on this system.'
        : 'Connected at once: both sockets set SO_REUSEADDR, and the old connection used timestamps, so Linux lets the client reuse its own TIME_WAIT pair (tcp-rules.md, Linux point 5).';
    default:
      return 'The reconnect failed for a reason outside what the lab expects; the error code is shown as the kernel gave it.';
  }
}

/** Classify a Node error code. */
export function outcomeOf(code: string | undefined): ReconnectOutcome {
  if (code === undefined) return 'connected';
  if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL') return code;
  return 'other';
}
