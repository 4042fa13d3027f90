/**
 * The kernel settings that bear on TIME_WAIT, each explained in one line (pure). The lab only
 * reads them (from /proc/sys/net/ipv4); it never writes one.
 */

export interface SysctlInfo {
  name: string;
  /** One plain sentence: what it does, in the terms the course uses. */
  explain: (value: string) => string;
}

const on = (v: string) => v.trim() !== '0';

export const SYSCTLS: readonly SysctlInfo[] = [
  {
    name: 'tcp_fin_timeout',
    explain: (v) => `An orphaned FIN_WAIT_2 socket is dropped after ${v.trim()} s. It does not change TIME_WAIT, which stays a fixed 60 s.`,
  },
  {
    name: 'tcp_tw_reuse',
    explain: (v) =>
      v.trim() === '2'
        ? 'A new outgoing connection may take over a TIME_WAIT pair older than 1 s, on loopback only, when timestamps were used.'
        : on(v)
          ? 'A new outgoing connection may take over a TIME_WAIT pair older than 1 s when timestamps were used.'
          : 'Ephemeral ports still in TIME_WAIT are never taken over by a new outgoing connection.',
  },
  {
    name: 'tcp_timestamps',
    explain: (v) =>
      on(v)
        ? 'Segments carry timestamps (RFC 7323), which let a new incarnation be told from old duplicates and so allow early reuse.'
        : 'No timestamps: nothing tells a new incarnation from an old one, so a TIME_WAIT pair cannot be reused early.',
  },
  {
    name: 'ip_local_port_range',
    explain: (v) => {
      const [lo, hi] = v.trim().split(/\s+/).map(Number);
      const n = lo !== undefined && hi !== undefined && hi >= lo ? hi - lo + 1 : NaN;
      return Number.isFinite(n)
        ? `Ephemeral ports ${lo}-${hi}: ${n} of them for connections to one server address and port.`
        : 'The range of ephemeral ports a connect() picks from.';
    },
  },
  {
    name: 'tcp_max_tw_buckets',
    explain: (v) => `At most ${v.trim()} sockets in TIME_WAIT; beyond that the kernel closes them at once and logs a warning.`,
  },
  {
    name: 'tcp_rfc1337',
    explain: (v) =>
      on(v)
        ? 'An RST arriving in TIME_WAIT is ignored (RFC 1337 fix F1): no TIME_WAIT assassination.'
        : 'An RST arriving in TIME_WAIT ends it early (TIME_WAIT assassination, RFC 1337), the default.',
  },
];

export interface SysctlReading {
  name: string;
  /** The value as the kernel prints it (tabs made spaces), or null when it could not be read. */
  value: string | null;
  explanation: string;
}

/** Explain values already read; `read` returns null when a file is missing. */
export function explainSysctls(read: (name: string) => string | null): SysctlReading[] {
  return SYSCTLS.map((s) => {
    const raw = read(s.name);
    const value = raw === null ? null : raw.trim().replace(/\s+/g, ' ');
    return { name: s.name, value, explanation: value === null ? 'Not available on this system.' : s.explain(value) };
  });
}

/** [low, high] from ip_local_port_range's text, or null. */
export function parsePortRange(text: string | null): [number, number] | null {
  if (text === null) return null;
  const [lo, hi] = text.trim().split(/\s+/).map(Number);
  if (lo === undefined || hi === undefined || !Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) return null;
  return [lo, hi];
}
