/**
 * The state machine, one event at a time: for every (state x event) pair the core models,
 * what the endpoint sends and which state it enters. Each row was checked by hand against
 * RFC 9293 §3.10 (and RFC 5961 for challenge ACKs, RFC 1122 §4.2.2.13 for the Berkeley rule);
 * the TCP code is run through src/sim/probe.ts.
 *
 * The endpoint's ISS is 5000 and its peer's is 1000. `sent` lists segments as
 * `FLAGS seq/ack`; '-' means nothing is sent. `app` lists what the application is told.
 *
 * The Linux column (LINUX below) is the `linux` preset's answer where it differs from the RFC's,
 * with the timers it touches and the kernel function the behaviour comes from; every other row
 * is checked to be the same under both.
 */
import { describe, expect, it } from 'vitest';
import { enumerateProbeCases, probeTransition, PROBE_EVENTS, type ProbeEventKey } from '../../../src/sim/probe.js';
import { POLICY_PRESETS, type Policies } from '../../../src/sim/policy.js';
import type { TcpState } from '../../../src/sim/tcp/states.js';

type Row = [TcpState, ProbeEventKey, string, TcpState, string];

const TABLE: Row[] = [
  ['CLOSED', 'syn', 'RST,ACK 0/1001', 'CLOSED', ''],
  ['CLOSED', 'syn-ack', 'RST 5001/0', 'CLOSED', ''],
  ['CLOSED', 'ack', 'RST 5001/0', 'CLOSED', ''],
  ['CLOSED', 'data', 'RST 5001/0', 'CLOSED', ''],
  ['CLOSED', 'fin', 'RST 5001/0', 'CLOSED', ''],
  ['CLOSED', 'rst', '-', 'CLOSED', ''],
  ['CLOSED', 'listen', '-', 'LISTEN', ''],
  ['CLOSED', 'connect', 'SYN 5000/0', 'SYN_SENT', ''],
  ['LISTEN', 'syn', 'SYN,ACK 5000/1001', 'SYN_RECEIVED', ''],
  ['LISTEN', 'syn-ack', 'RST 5001/0', 'LISTEN', ''],
  ['LISTEN', 'ack', 'RST 5001/0', 'LISTEN', ''],
  ['LISTEN', 'data', 'RST 5001/0', 'LISTEN', ''],
  ['LISTEN', 'fin', 'RST 5001/0', 'LISTEN', ''],
  ['LISTEN', 'rst', '-', 'LISTEN', ''],
  ['LISTEN', 'close', '-', 'CLOSED', ''],
  ['SYN_SENT', 'syn', 'SYN,ACK 5000/1001', 'SYN_RECEIVED', ''],
  ['SYN_SENT', 'syn-ack', 'ACK 5001/1001', 'ESTABLISHED', 'connected'],
  ['SYN_SENT', 'ack', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'data', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'fin', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'fin-again', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'rst', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'rst-ack', '-', 'CLOSED', 'ECONNREFUSED'],
  ['SYN_SENT', 'rst-inside', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'old-data', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'future-data', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'ack-unsent', 'RST 6001/0', 'SYN_SENT', ''],
  ['SYN_SENT', 'send', '-', 'SYN_SENT', ''],
  ['SYN_SENT', 'close', '-', 'CLOSED', ''],
  ['SYN_SENT', 'abort', '-', 'CLOSED', ''],
  ['SYN_SENT', 'rto', 'SYN 5000/0', 'SYN_SENT', ''],
  ['SYN_RECEIVED', 'syn', '-', 'LISTEN', ''],
  ['SYN_RECEIVED', 'syn-ack', '-', 'LISTEN', ''],
  ['SYN_RECEIVED', 'ack', '-', 'ESTABLISHED', 'connected'],
  ['SYN_RECEIVED', 'data', 'ACK 5001/1006', 'ESTABLISHED', 'connected,data'],
  ['SYN_RECEIVED', 'fin', 'ACK 5001/1002', 'CLOSE_WAIT', 'connected,eof'],
  ['SYN_RECEIVED', 'fin-again', 'ACK 5001/1001', 'SYN_RECEIVED', ''],
  ['SYN_RECEIVED', 'rst', '-', 'LISTEN', ''],
  ['SYN_RECEIVED', 'rst-inside', 'ACK 5001/1001', 'SYN_RECEIVED', ''],
  ['SYN_RECEIVED', 'old-data', 'ACK 5001/1001', 'SYN_RECEIVED', ''],
  ['SYN_RECEIVED', 'future-data', 'ACK 5001/1001', 'SYN_RECEIVED', ''],
  ['SYN_RECEIVED', 'ack-unsent', 'RST 6001/0', 'SYN_RECEIVED', ''],
  ['SYN_RECEIVED', 'send', '-', 'SYN_RECEIVED', ''],
  ['SYN_RECEIVED', 'close', 'FIN,ACK 5001/1001', 'FIN_WAIT_1', ''],
  ['SYN_RECEIVED', 'abort', 'RST 5001/0', 'CLOSED', ''],
  ['SYN_RECEIVED', 'rto', 'SYN,ACK 5000/1001', 'SYN_RECEIVED', ''],
  ['ESTABLISHED', 'syn', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'syn-ack', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'ack', '-', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'data', 'ACK 5001/1006', 'ESTABLISHED', 'data'],
  ['ESTABLISHED', 'fin', 'ACK 5001/1002', 'CLOSE_WAIT', 'eof'],
  ['ESTABLISHED', 'fin-again', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'rst', '-', 'CLOSED', 'ECONNRESET'],
  ['ESTABLISHED', 'rst-inside', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'old-data', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'future-data', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'ack-unsent', 'ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'send', 'PSH,ACK 5001/1001', 'ESTABLISHED', ''],
  ['ESTABLISHED', 'close', 'FIN,ACK 5001/1001', 'FIN_WAIT_1', ''],
  ['ESTABLISHED', 'abort', 'RST 5001/0', 'CLOSED', ''],
  ['FIN_WAIT_1', 'syn', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'syn-ack', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'ack', '-', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_1', 'data', 'ACK 5002/1006', 'FIN_WAIT_2', 'data'],
  ['FIN_WAIT_1', 'fin', 'ACK 5002/1002', 'TIME_WAIT', 'eof'],
  ['FIN_WAIT_1', 'fin-not-acking', 'ACK 5002/1002', 'CLOSING', 'eof'],
  ['FIN_WAIT_1', 'fin-again', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'rst', '-', 'CLOSED', 'ECONNRESET'],
  ['FIN_WAIT_1', 'rst-inside', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'old-data', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'future-data', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'ack-unsent', 'ACK 5002/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'send', '-', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'close', '-', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_1', 'abort', 'RST 5002/0', 'CLOSED', ''],
  ['FIN_WAIT_1', 'rto', 'FIN,ACK 5001/1001', 'FIN_WAIT_1', ''],
  ['FIN_WAIT_2', 'syn', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'syn-ack', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'ack', '-', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'data', 'ACK 5002/1006', 'FIN_WAIT_2', 'data'],
  ['FIN_WAIT_2', 'fin', 'ACK 5002/1002', 'TIME_WAIT', 'eof'],
  ['FIN_WAIT_2', 'fin-again', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'rst', '-', 'CLOSED', 'ECONNRESET'],
  ['FIN_WAIT_2', 'rst-inside', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'old-data', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'future-data', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'ack-unsent', 'ACK 5002/1001', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'send', '-', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'close', '-', 'FIN_WAIT_2', ''],
  ['FIN_WAIT_2', 'abort', 'RST 5002/0', 'CLOSED', ''],
  ['CLOSE_WAIT', 'syn', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'syn-ack', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'ack', '-', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'data', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'fin', '-', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'fin-again', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'rst', '-', 'CLOSED', 'ECONNRESET'],
  ['CLOSE_WAIT', 'rst-inside', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'old-data', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'future-data', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'ack-unsent', 'ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'send', 'PSH,ACK 5001/1002', 'CLOSE_WAIT', ''],
  ['CLOSE_WAIT', 'close', 'FIN,ACK 5001/1002', 'LAST_ACK', ''],
  ['CLOSE_WAIT', 'abort', 'RST 5001/0', 'CLOSED', ''],
  ['CLOSING', 'syn', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'syn-ack', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'ack', '-', 'TIME_WAIT', ''],
  ['CLOSING', 'data', '-', 'TIME_WAIT', ''],
  ['CLOSING', 'fin', '-', 'TIME_WAIT', ''],
  ['CLOSING', 'fin-again', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'rst', '-', 'CLOSED', 'ECONNRESET'],
  ['CLOSING', 'rst-inside', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'old-data', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'future-data', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'ack-unsent', 'ACK 5002/1002', 'CLOSING', ''],
  ['CLOSING', 'send', '-', 'CLOSING', ''],
  ['CLOSING', 'close', '-', 'CLOSING', ''],
  ['CLOSING', 'abort', '-', 'CLOSED', ''],
  ['CLOSING', 'rto', 'FIN,ACK 5001/1002', 'CLOSING', ''],
  ['LAST_ACK', 'syn', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'syn-ack', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'ack', '-', 'CLOSED', 'closed'],
  ['LAST_ACK', 'data', '-', 'CLOSED', 'closed'],
  ['LAST_ACK', 'fin', '-', 'CLOSED', 'closed'],
  ['LAST_ACK', 'fin-again', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'rst', '-', 'CLOSED', 'ECONNRESET'],
  ['LAST_ACK', 'rst-inside', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'old-data', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'future-data', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'ack-unsent', 'ACK 5002/1002', 'LAST_ACK', ''],
  ['LAST_ACK', 'send', '-', 'LAST_ACK', ''],
  ['LAST_ACK', 'close', '-', 'LAST_ACK', ''],
  ['LAST_ACK', 'abort', '-', 'CLOSED', ''],
  ['LAST_ACK', 'rto', 'FIN,ACK 5001/1002', 'LAST_ACK', ''],
  ['TIME_WAIT', 'syn', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'syn-greater', 'SYN,ACK 70539/1103', 'SYN_RECEIVED', ''], // ISS = old SND.NXT + 65537,
  ['TIME_WAIT', 'syn-ack', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'ack', '-', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'data', '-', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'fin', '-', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'fin-again', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'rst', '-', 'CLOSED', ''],
  ['TIME_WAIT', 'rst-inside', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'old-data', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'future-data', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'ack-unsent', 'ACK 5002/1002', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'send', '-', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'close', '-', 'TIME_WAIT', ''],
  ['TIME_WAIT', 'abort', '-', 'CLOSED', ''],
  ['TIME_WAIT', '2msl', '-', 'CLOSED', 'closed'],
];

/** [sent, next, app, timers, kernel source]: only the rows where Linux differs from the RFC. */
type LinuxRow = [string, TcpState, string, string, string];
const TW = 'tcp_timewait_state_process';
const LINUX: Record<string, LinuxRow> = {
  'SYN_RECEIVED/abort': ['RST,ACK 5001/1001', 'CLOSED', '', '', 'tcp_send_active_reset'],
  'ESTABLISHED/abort': ['RST,ACK 5001/1001', 'CLOSED', '', '', 'tcp_send_active_reset'],
  'FIN_WAIT_1/abort': ['RST,ACK 5002/1001', 'CLOSED', '', '', 'tcp_send_active_reset'],
  'FIN_WAIT_2/abort': ['RST,ACK 5002/1001', 'CLOSED', '', '', 'tcp_send_active_reset'],
  'CLOSE_WAIT/abort': ['RST,ACK 5001/1002', 'CLOSED', '', '', 'tcp_send_active_reset'],
  // The SYN is resent TCP_TIMEOUT_MIN (about 10 ms) later, not after a full RTO.
  'SYN_SENT/ack-unsent': ['RST 6001/0', 'SYN_SENT', '', 'RTO:restart', 'tcp_rcv_synsent_state_process'],
  // The ACK of a FIN waits up to 40 ms (tcp_fin enters pingpong mode; __tcp_ack_snd_check).
  'SYN_RECEIVED/fin': ['-', 'CLOSE_WAIT', 'connected,eof', 'RTO:cancel,DELACK:start', 'tcp_fin -> tcp_send_delayed_ack'],
  'ESTABLISHED/fin': ['-', 'CLOSE_WAIT', 'eof', 'DELACK:start', 'tcp_fin -> tcp_send_delayed_ack'],
  // After close() (the probe's closing states got there by close()), an orphaned FIN_WAIT_2
  // times out after tcp_fin_timeout, and new data gets RST <SEQ=SEG.ACK> (RFC 1122 §4.2.2.13).
  'FIN_WAIT_1/ack': ['-', 'FIN_WAIT_2', '', 'RTO:cancel,FIN_WAIT_2:start', 'tcp_rcv_state_process -> tcp_time_wait(TCP_FIN_WAIT2)'],
  'FIN_WAIT_1/data': ['RST 5002/0', 'CLOSED', '', 'RTO:cancel', 'tcp_rcv_state_process (RCV_SHUTDOWN) -> tcp_v4_send_reset'],
  'FIN_WAIT_2/data': ['RST 5002/0', 'CLOSED', '', 'FIN_WAIT_2:cancel', 'tcp_rcv_state_process (RCV_SHUTDOWN) -> tcp_v4_send_reset'],
  'FIN_WAIT_2/fin': ['ACK 5002/1002', 'TIME_WAIT', 'eof', 'FIN_WAIT_2:cancel,2MSL:start', 'tcp_rcv_state_process -> tcp_time_wait'],
  // Linux: any non-RST segment carrying ACK restarts the 60 s timer; data and FINs are ACKed.
  'TIME_WAIT/syn-ack': ['ACK 5002/1002', 'TIME_WAIT', '', '2MSL:restart', TW],
  'TIME_WAIT/ack': ['-', 'TIME_WAIT', '', '2MSL:restart', TW],
  'TIME_WAIT/data': ['ACK 5002/1002', 'TIME_WAIT', '', '2MSL:restart', TW],
  'TIME_WAIT/fin': ['ACK 5002/1002', 'TIME_WAIT', '', '2MSL:restart', TW],
  'TIME_WAIT/old-data': ['ACK 5002/1002', 'TIME_WAIT', '', '2MSL:restart', TW],
  'TIME_WAIT/future-data': ['ACK 5002/1002', 'TIME_WAIT', '', '2MSL:restart', TW],
  // A bare ACK at RCV.NXT: the kernel does not look at its ACK field here.
  'TIME_WAIT/ack-unsent': ['-', 'TIME_WAIT', '', '2MSL:restart', TW],
  // An in-window RST with SEQ != RCV.NXT: silently ignored (no RFC 5961 challenge ACK).
  'TIME_WAIT/rst-inside': ['-', 'TIME_WAIT', '', '', TW],
};

function renderFull(state: TcpState, key: ProbeEventKey, policies: Partial<Policies>): [string, TcpState, string, string] {
  const r = probeTransition({ state, event: PROBE_EVENTS[key].event }, policies);
  return [
    r.sent.map((s) => `${s.flags.join(',')} ${s.seq}/${s.ack}`).join(' + ') || '-',
    r.next,
    r.app.join(','),
    r.timers.map((t) => `${t.timer}:${t.action}`).join(','),
  ];
}

function render(state: TcpState, key: ProbeEventKey, policies = {}): [string, TcpState, string] {
  const r = probeTransition({ state, event: PROBE_EVENTS[key].event }, policies);
  return [r.sent.map((s) => `${s.flags.join(',')} ${s.seq}/${s.ack}`).join(' + ') || '-', r.next, r.app.join(',')];
}

describe('state x event table (RFC 9293 §3.10)', () => {
  const cases = enumerateProbeCases();
  const rows = TABLE.map(([state, key, sent, next, app]) => {
    const c = cases.find((x) => x.state === state && x.key === key);
    return [c?.rfc ?? 'not modelled', state, key, sent, next, app] as const;
  });
  it.each(rows)('%s: %s + %s -> sends %s, enters %s', (_rfc, state, key, sent, next, app) => {
    const c = cases.find((x) => x.state === state && x.key === key)!;
    expect(c, `${state}/${key} is modelled`).toBeDefined();
    expect(render(state, key), `${c.rfc}: ${c.label}`).toEqual([sent, next, app]);
  });

  it('covers every modelled pair, and only those', () => {
    const inTable = new Set(TABLE.map(([s, k]) => `${s}/${k}`));
    const modelled = new Set(cases.map((c) => `${c.state}/${c.key}`));
    expect([...modelled].filter((x) => !inTable.has(x))).toEqual([]);
    expect([...inTable].filter((x) => !modelled.has(x))).toEqual([]);
  });

  it('names an RFC 9293 section for every case', () => {
    for (const c of cases) expect(c.rfc).toMatch(/^RFC 9293 §3\.10(\.\d+)+$/);
  });
});

describe('state x event table, Linux column (the linux preset)', () => {
  const cases = enumerateProbeCases();
  const rows = TABLE.map(([state, key]) => {
    const c = cases.find((x) => x.state === state && x.key === key)!;
    return [LINUX[`${state}/${key}`]?.[4] ?? c.linux, state, key] as const;
  });
  it.each(rows)('%s: %s + %s', (_src, state, key) => {
    const linux = renderFull(state, key, POLICY_PRESETS.linux);
    const row = LINUX[`${state}/${key}`];
    if (row) expect(linux).toEqual(row.slice(0, 4));
    else expect(linux, 'same as the RFC').toEqual(renderFull(state, key, {}));
  });

  it('every Linux row is a modelled pair whose RFC answer differs', () => {
    for (const k of Object.keys(LINUX)) {
      const [state, key] = k.split('/') as [TcpState, ProbeEventKey];
      expect(cases.some((c) => c.state === state && c.key === key), k).toBe(true);
      expect(renderFull(state, key, {}), k).not.toEqual(LINUX[k]!.slice(0, 4));
    }
  });

  it('names a kernel function for every case', () => {
    for (const c of cases) expect(c.linux).toMatch(/^(tcp|inet|tw)_\w+/);
  });
});

describe('policies change single transitions', () => {
  it('RFC 1337 F1: an RST in TIME_WAIT is ignored', () => {
    expect(render('TIME_WAIT', 'rst', { rstInTimeWait: 'ignore' })).toEqual(['-', 'TIME_WAIT', '']);
  });
  it('Berkeley rule off: a SYN with a greater sequence number still gets only a challenge ACK', () => {
    expect(render('TIME_WAIT', 'syn-greater', { berkeleySynInTimeWait: false })).toEqual(['ACK 5002/1002', 'TIME_WAIT', '']);
  });
  it('TIME_WAIT off: a FIN in FIN_WAIT_2 is acknowledged and the connection is gone at once', () => {
    expect(render('FIN_WAIT_2', 'fin', { timeWait: 'off' })).toEqual(['ACK 5002/1002', 'CLOSED', 'eof,closed']);
  });
  it("Linux's abort sends RST carrying ACK", () => {
    expect(render('ESTABLISHED', 'abort', { abortSegment: 'rst-ack' })).toEqual(['RST,ACK 5001/1001', 'CLOSED', '']);
  });
  it('a retransmitted FIN in TIME_WAIT restarts the 2MSL timer (RFC 9293 §3.10.7.4)', () => {
    const r = probeTransition({ state: 'TIME_WAIT', event: PROBE_EVENTS['fin-again'].event });
    expect(r.timers).toEqual([{ timer: '2MSL', action: 'restart' }]);
  });
  it('a refused SYN in TIME_WAIT does not restart the 2MSL timer', () => {
    expect(probeTransition({ state: 'TIME_WAIT', event: PROBE_EVENTS.syn.event }).timers).toEqual([]);
  });
  it('entering TIME_WAIT starts the 2MSL timer and stops retransmission', () => {
    const r = probeTransition({ state: 'FIN_WAIT_1', event: PROBE_EVENTS.fin.event });
    expect(r.timers).toEqual([
      { timer: 'RTO', action: 'cancel' },
      { timer: '2MSL', action: 'start' },
    ]);
  });
});
