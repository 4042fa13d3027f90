/**
 * Scenarios for the places where Linux and the RFC part ways at the end of a connection
 * (shared/reference/tcp-rules.md, "Where Linux differs"). Run them with the `linux` preset and
 * without it to see the difference.
 */
import type { ScenarioSpec } from '../scenario.js';
import { COMMAND_AND_REPLY, CONNECT, LISTEN } from './ftpExchange.js';

export const orphanFinWait2: ScenarioSpec = {
  name: 'orphan-fin-wait-2',
  title: 'A peer that never closes',
  description:
    'The client closes, but the server application never does: the server sits in CLOSE_WAIT and the client ' +
    'in FIN_WAIT_2. By the RFC the client waits for ever; Linux drops the orphaned FIN_WAIT_2 after 60 s (tcp_fin_timeout).',
  script: [LISTEN, CONNECT, ...COMMAND_AND_REPLY, { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.2 }],
  until: 120,
};

/** The server answers the client's FIN with more data before it closes. */
const SERVER_TALKS_AFTER_EOF = [
  LISTEN,
  CONNECT,
  ...COMMAND_AND_REPLY,
  { host: 'server', call: 'send', when: { host: 'server', event: 'eof' }, after: 0.1, data: '221 Goodbye\r\n' },
  { host: 'server', call: 'send', when: { host: 'server', event: 'eof' }, after: 0.25, data: '221 Really\r\n' },
  { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, after: 0.3 },
] as const;

export const dataAfterClose: ScenarioSpec = {
  name: 'data-after-close',
  title: 'Data after close()',
  description:
    'The client calls close() and the server, seeing EOF, still sends a line before it closes. By the RFC the ' +
    'client takes the data and the close ends in TIME_WAIT. Linux answers data for a closed socket with RST: ' +
    'no TIME_WAIT, the server sees the connection reset, and its next send() fails with EPIPE.',
  script: [...SERVER_TALKS_AFTER_EOF, { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.2 }],
  until: 120,
};

export const unreadClose: ScenarioSpec = {
  name: 'unread-close',
  title: 'close() with unread data',
  description:
    'The client sends its command and the server answers, but the client application never reads the reply ' +
    'before it calls close(). By the RFC that is an ordinary close ending in TIME_WAIT. Linux sends RST,ACK ' +
    'instead of a FIN, so the server learns that data was lost: no TIME_WAIT, and the server sees the reset.',
  script: [
    LISTEN,
    CONNECT,
    ...COMMAND_AND_REPLY,
    { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.2 },
    { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, after: 0.2 },
  ],
  appReads: { client: 'when-asked' },
  until: 120,
};

export const halfClose: ScenarioSpec = {
  name: 'half-close',
  title: 'Half-close with shutdown()',
  description:
    'As data-after-close, but the client calls shutdown(SHUT_WR) instead of close(): it has finished sending but ' +
    'still reads. The server\u2019s last line is delivered and acknowledged under every policy, then the close ends in TIME_WAIT.',
  script: [...SERVER_TALKS_AFTER_EOF, { host: 'client', call: 'shutdown', when: { host: 'client', event: 'data' }, after: 0.2 }],
  until: 120,
};

export const threeSegmentClose: ScenarioSpec = {
  name: 'three-segment-close',
  title: 'The three-segment close',
  description:
    'The server application closes as soon as it reads EOF. By the RFC the server ACKs the client\u2019s FIN at ' +
    'once and then sends its own: four segments. Linux delays that ACK up to 40 ms, the FIN leaves first and ' +
    'carries it: FIN, FIN, ACK.',
  script: [
    LISTEN,
    CONNECT,
    ...COMMAND_AND_REPLY,
    { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.2 },
    { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, after: 0.01 },
  ],
  until: 300,
};

export const portExhaustion: ScenarioSpec = {
  name: 'port-exhaustion',
  title: 'Running out of ephemeral ports',
  description:
    'Short connections one after another, a new one 0.5 s after each reply, from an ephemeral range of only ' +
    'three ports. Each closed connection leaves its port in TIME_WAIT, so the fourth connect() finds no free port ' +
    '(EADDRNOTAVAIL) unless tcp_tw_reuse=1 and timestamps let it take over a port in TIME_WAIT.',
  policies: { ephemeralFirst: 50000, ephemeralLast: 50002 },
  script: [
    LISTEN,
    { host: 'client', call: 'connect', at: 0.1 },
    ...COMMAND_AND_REPLY.map((a) => ({ ...a, repeat: true })),
    { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.01, repeat: true },
    { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, repeat: true },
    { host: 'client', call: 'connect', when: { host: 'client', event: 'data' }, after: 0.5, repeat: true },
  ],
  until: 20,
};
