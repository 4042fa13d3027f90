/**
 * Reads the lines of Linux's /proc/net/tcp and /proc/net/tcp6 (pure: text in, records out).
 *
 * The kernel writes one line per socket in net/ipv4/tcp_ipv4.c (get_tcp4_sock for full sockets,
 * get_timewait4_sock for TIME_WAIT ones; tcp6 has get_tcp6_sock / get_timewait6_sock). Columns:
 *   sl  local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
 * Addresses are the raw 32-bit words of the address in host byte order, printed in hex, then
 * ':' and the port in hex. `tr` is the kind of timer pending and `tm->when` its remaining time,
 * converted by jiffies_delta_to_clock_t() into clock ticks of USER_HZ (100 per second on every
 * Linux architecture), never negative. So `03:0000175B` is a TIME_WAIT timer with 0x175B = 5979
 * ticks = 59.79 s left.
 */
import type { LabState } from './states.js';

/** The kernel's TCP_* state numbers (include/net/tcp_states.h), by their RFC 9293 names. */
export const KERNEL_STATES: Readonly<Record<number, LabState>> = {
  0x01: 'ESTABLISHED',
  0x02: 'SYN_SENT',
  0x03: 'SYN_RECEIVED',
  0x04: 'FIN_WAIT_1',
  0x05: 'FIN_WAIT_2',
  0x06: 'TIME_WAIT',
  0x07: 'CLOSED',
  0x08: 'CLOSE_WAIT',
  0x09: 'LAST_ACK',
  0x0a: 'LISTEN',
  0x0b: 'CLOSING',
  // TCP_NEW_SYN_RECV: a request socket, a connection half opened on a listener.
  0x0c: 'SYN_RECEIVED',
};

/** What the `tr` column means (the comment above get_tcp4_sock in net/ipv4/tcp_ipv4.c). */
export type TimerKind = 'none' | 'retransmit' | 'keepalive' | 'time-wait' | 'zero-window-probe';
const TIMER_KINDS: Readonly<Record<number, TimerKind>> = {
  0: 'none',
  1: 'retransmit',
  2: 'keepalive',
  3: 'time-wait',
  4: 'zero-window-probe',
};

/** Clock ticks per second in /proc (the kernel's USER_HZ; 100 on every Linux architecture). */
export const USER_HZ = 100;

export interface Endpoint {
  ip: string;
  port: number;
}

export interface KernelSocket {
  family: 4 | 6;
  local: Endpoint;
  remote: Endpoint;
  state: LabState;
  /** The kernel's own number for the state, e.g. 6 for TIME_WAIT. */
  stateCode: number;
  timer: TimerKind;
  /** Time left on that timer, seconds (0 when no timer is pending). */
  timerSeconds: number;
  uid: number;
  inode: number;
}

/** Remaining seconds for a `tm->when` value printed in USER_HZ ticks (hex). */
export function ticksToSeconds(hexTicks: string): number {
  const ticks = Number.parseInt(hexTicks, 16);
  if (!Number.isFinite(ticks) || ticks < 0) return 0;
  return ticks / USER_HZ;
}

/** Hex words to an IPv4 dotted quad: one 32-bit word, printed from the host's memory order. */
function ipv4(hex: string, littleEndian: boolean): string | null {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  const bytes = [0, 2, 4, 6].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return (littleEndian ? bytes.reverse() : bytes).join('.');
}

/** Four such words make an IPv6 address; written in the usual shortened form. */
function ipv6(hex: string, littleEndian: boolean): string | null {
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) return null;
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = [0, 2, 4, 6].map((i) => Number.parseInt(hex.slice(w * 8 + i, w * 8 + i + 2), 16));
    bytes.push(...(littleEndian ? word.reverse() : word));
  }
  // An IPv4-mapped address (::ffff:a.b.c.d) is shown as such.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return compressV6(groups);
}

function compressV6(groups: string[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

function endpoint(text: string, family: 4 | 6, littleEndian: boolean): Endpoint | null {
  const [addr, port] = text.split(':');
  if (addr === undefined || port === undefined || !/^[0-9A-Fa-f]{4}$/.test(port)) return null;
  const ip = family === 4 ? ipv4(addr, littleEndian) : ipv6(addr, littleEndian);
  return ip === null ? null : { ip, port: Number.parseInt(port, 16) };
}

export interface ParseOptions {
  /** Byte order of the machine that wrote the file (x86 and most ARM: little endian). */
  littleEndian?: boolean;
}

/** One line of /proc/net/tcp or tcp6; null for the header line or anything that is not a socket. */
export function parseProcLine(line: string, opts: ParseOptions = {}): KernelSocket | null {
  const f = line.trim().split(/\s+/);
  if (f.length < 10 || !/^\d+:$/.test(f[0]!)) return null;
  const family: 4 | 6 = f[1]!.length > 13 ? 6 : 4;
  const le = opts.littleEndian ?? true;
  const local = endpoint(f[1]!, family, le);
  const remote = endpoint(f[2]!, family, le);
  const stateCode = Number.parseInt(f[3]!, 16);
  const state = KERNEL_STATES[stateCode];
  const [tr, when] = f[5]!.split(':');
  if (!local || !remote || !state || tr === undefined || when === undefined) return null;
  const timer = TIMER_KINDS[Number.parseInt(tr, 16)] ?? 'none';
  return {
    family,
    local,
    remote,
    state,
    stateCode,
    timer,
    timerSeconds: timer === 'none' ? 0 : ticksToSeconds(when),
    uid: Number.parseInt(f[7]!, 10) || 0,
    inode: Number.parseInt(f[9]!, 10) || 0,
  };
}

/** A whole file's text: every socket line, in order (the header and blank lines are skipped). */
export function parseProcNetTcp(text: string, opts: ParseOptions = {}): KernelSocket[] {
  const out: KernelSocket[] = [];
  for (const line of text.split('\n')) {
    const s = parseProcLine(line, opts);
    if (s) out.push(s);
  }
  return out;
}
