/**
 * The command line's compact spelling of segment selectors and perturbations, e.g.
 *   --drop from=client,flags=ACK,exact,state=TIME_WAIT
 *   --loop from=client,data,nth=1,for=6
 *   --crash server@5,reboot=2
 * Every mistake becomes a UsageError naming the flag and what it accepts.
 */
import { isTcpState, type TcpState } from '../sim/tcp/states.js';
import type { Flag, HostName } from '../sim/types.js';
import type { Perturbation, SegmentSelector } from '../sim/scenario.js';
import { U32_MAX, PORT_MIN, PORT_MAX, SECONDS_MAX } from '../sim/valueBounds.js';
import { checkedDecimal, checkedInteger, type Range } from './numbers.js';
import { UsageError } from './usageError.js';
import { LIMITS, formatCount } from '../sim/limits.js';

const FLAGS: readonly Flag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];
const SELECTOR_KEYS = 'from=client|server, flags=FIN+ACK, exact, data, nodata, retransmission, first, nth=N, every, id=N, state=STATE[+STATE]';

function host(flag: string, v: string | undefined): HostName {
  if (v === 'client' || v === 'server') return v;
  throw new UsageError(`${flag}: '${v ?? ''}' is not a host; expected client or server`);
}

/** Keys that count or name something are whole numbers with a range; every other key is seconds. */
const WHOLE_KEYS: Record<string, Range> = {
  nth: { min: 1, max: U32_MAX },
  id: { min: 1, max: U32_MAX },
  copies: { min: 1, max: U32_MAX },
  laps: { min: 1, max: U32_MAX },
  incarnation: { min: 1, max: U32_MAX },
  port: { min: PORT_MIN, max: PORT_MAX },
  seq: { min: 0, max: U32_MAX },
  ack: { min: 0, max: U32_MAX },
};

function number(flag: string, key: string, v: string | undefined, min = 0): number {
  const subject = `${key}=${v ?? ''}`;
  const whole = WHOLE_KEYS[key];
  const n = whole ? checkedInteger(flag, subject, v, { min: Math.max(whole.min, min), max: whole.max }) : checkedDecimal(flag, subject, v, { min, max: SECONDS_MAX });
  return bounded(flag, key, n);
}

function parsePairs(flag: string, text: string): Array<[string, string | undefined]> {
  if (text.trim() === '') throw new UsageError(`${flag}: needs a selector, e.g. ${flag} from=client,flags=ACK,nth=3 (keys: ${SELECTOR_KEYS})`);
  return text.split(',').map((part) => {
    const i = part.indexOf('=');
    return i < 0 ? [part.trim(), undefined] : [part.slice(0, i).trim(), part.slice(i + 1).trim()];
  });
}

/** Parse the selector keys; return the rest (perturbation-specific keys) for the caller. */
function parseSelector(flag: string, text: string, extra: readonly string[]): { match: SegmentSelector; rest: Map<string, string | undefined> } {
  const match: SegmentSelector = {};
  const rest = new Map<string, string | undefined>();
  for (const [k, v] of parsePairs(flag, text)) {
    switch (k) {
      case 'from':
        match.from = host(flag, v);
        break;
      case 'flags': {
        const names = (v ?? '').split('+').map((f) => f.toUpperCase());
        for (const f of names) if (!FLAGS.includes(f as Flag)) throw new UsageError(`${flag}: flag '${f}' is unknown; expected some of ${FLAGS.join(', ')} joined by +`);
        match.flags = names as Flag[];
        break;
      }
      case 'exact':
        match.exact = true;
        break;
      case 'data':
        match.data = true;
        break;
      case 'nodata':
        match.data = false;
        break;
      case 'retransmission':
        match.retransmission = true;
        break;
      case 'first':
        match.retransmission = false;
        break;
      case 'nth':
        match.nth = number(flag, k, v, 1);
        break;
      case 'every':
        match.every = true;
        break;
      case 'id':
        match.id = number(flag, k, v, 1);
        break;
      case 'state': {
        const states = (v ?? '').split('+');
        for (const s of states) if (!isTcpState(s)) throw new UsageError(`${flag}: '${s}' is not a TCP state; expected an RFC name such as TIME_WAIT`);
        match.senderState = states.length === 1 ? (states[0] as TcpState) : (states as TcpState[]);
        break;
      }
      default:
        if (!extra.includes(k)) throw new UsageError(`${flag}: unknown key '${k}'; expected ${SELECTOR_KEYS}${extra.length ? `, ${extra.join(', ')}` : ''}`);
        rest.set(k, v);
    }
  }
  return { match, rest };
}

/** The upper bounds of src/sim/limits.ts for the keys that have one (the YAML schema's too). */
const KEY_LIMITS: Record<string, number> = {
  copies: LIMITS.copies,
  laps: LIMITS.laps,
  nth: LIMITS.count,
  id: LIMITS.count,
  at: LIMITS.seconds,
  gap: LIMITS.seconds,
  by: LIMITS.seconds,
  for: LIMITS.seconds,
  reboot: LIMITS.seconds,
  time: LIMITS.seconds,
  born: LIMITS.seconds,
};

function bounded(flag: string, key: string, n: number): number {
  const max = KEY_LIMITS[key];
  if (max !== undefined && n > max) throw new UsageError(`${flag}: ${key}=${n} is too large; the most accepted is ${formatCount(max)}`);
  return n;
}

export type SegmentPerturbationKind = 'drop' | 'duplicate' | 'delay' | 'loop' | 'reorder';

export function parseSegmentPerturbation(kind: SegmentPerturbationKind, text: string): Perturbation {
  const flag = `--${kind}`;
  const extras: Record<SegmentPerturbationKind, string[]> = {
    drop: ['at'],
    duplicate: ['copies', 'gap', 'at'],
    delay: ['by', 'at'],
    loop: ['laps', 'for', 'at'],
    reorder: ['by', 'at'],
  };
  const { match, rest } = parseSelector(flag, text, extras[kind]);
  const opt = (k: string, min = 0): number | undefined => (rest.has(k) ? number(flag, k, rest.get(k), min) : undefined);
  const at = opt('at');
  const timing = at === undefined ? {} : { at };
  switch (kind) {
    case 'drop':
      return { kind, match, ...timing };
    case 'duplicate':
      return { kind, match, ...timing, ...(opt('copies', 1) !== undefined && { copies: opt('copies', 1)! }), ...(opt('gap') !== undefined && { gap: opt('gap')! }) };
    case 'delay': {
      const by = opt('by');
      if (by === undefined) throw new UsageError(`${flag}: needs by=SECONDS, e.g. ${flag} from=server,flags=FIN,by=2`);
      return { kind, match, by, ...timing };
    }
    case 'loop':
      return { kind, match, ...timing, ...(opt('laps', 1) !== undefined && { laps: opt('laps', 1)! }), ...(opt('for') !== undefined && { for: opt('for')! }) };
    case 'reorder':
      return { kind, match, ...timing, ...(opt('by') !== undefined && { by: opt('by')! }) };
  }
}

/** HOST@SECONDS[,reboot=S] for --crash, HOST@SECONDS[,port=N] for --reconnect. */
export function parseHostAt(flag: '--crash' | '--reconnect', text: string): Perturbation {
  const [head, ...tail] = text.split(',');
  const m = /^(client|server)@([0-9.]+)$/.exec(head ?? '');
  if (!m) throw new UsageError(`${flag}: '${text}' should be HOST@SECONDS, e.g. ${flag} server@5`);
  const who = m[1] as HostName;
  const at = number(flag, 'time', m[2]);
  const opts = new Map(tail.map((p) => p.split('=') as [string, string]));
  if (flag === '--crash') {
    for (const k of opts.keys()) if (k !== 'reboot') throw new UsageError(`${flag}: unknown key '${k}'; expected reboot=SECONDS`);
    return { kind: 'crash', host: who, at, ...(opts.has('reboot') && { rebootAfter: number(flag, 'reboot', opts.get('reboot')) }) };
  }
  for (const k of opts.keys()) if (k !== 'port') throw new UsageError(`${flag}: unknown key '${k}'; expected port=N`);
  return { kind: 'reconnect', host: who, at, ...(opts.has('port') && { port: number(flag, 'port', opts.get('port'), 1) }) };
}

/** from=HOST,flags=F+F,seq=N[,ack=N][,data=TEXT][,incarnation=N][,born=S],at=S */
export function parseInject(text: string): Perturbation {
  const flag = '--inject';
  const kv = new Map(parsePairs(flag, text));
  const allowed = ['from', 'flags', 'seq', 'ack', 'data', 'incarnation', 'born', 'at'];
  for (const k of kv.keys()) if (!allowed.includes(k)) throw new UsageError(`${flag}: unknown key '${k}'; expected ${allowed.join(', ')}`);
  const flags = (kv.get('flags') ?? 'ACK').split('+').map((f) => f.toUpperCase());
  for (const f of flags) if (!FLAGS.includes(f as Flag)) throw new UsageError(`${flag}: flag '${f}' is unknown; expected ${FLAGS.join(', ')}`);
  const segment: Extract<Perturbation, { kind: 'inject' }>['segment'] = {
    from: host(flag, kv.get('from')),
    flags: flags as Flag[],
    seq: number(flag, 'seq', kv.get('seq')),
  };
  if (kv.has('ack')) segment.ack = number(flag, 'ack', kv.get('ack'));
  if (kv.has('data')) segment.data = kv.get('data') ?? '';
  if (kv.has('incarnation')) segment.incarnation = number(flag, 'incarnation', kv.get('incarnation'), 1);
  if (kv.has('born')) segment.born = number(flag, 'born', kv.get('born'));
  return { kind: 'inject', segment, at: number(flag, 'at', kv.get('at')) };
}
