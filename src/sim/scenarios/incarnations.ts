/** Scenarios about incarnations of one 4-tuple: wandering duplicates, reuse, the Berkeley rule. */
import type { ScenarioSpec } from '../scenario.js';
import { COMMAND_AND_REPLY, CONNECT, FTP_SESSION, LISTEN } from './ftpExchange.js';

export const wanderingDuplicate: ScenarioSpec = {
  name: 'wandering-duplicate',
  title: 'A wandering duplicate',
  description:
    "The client's first data segment is caught in a routing loop between r1 and r2. The client times out " +
    'and retransmits it, and the copy gets through. The connection closes, the client connects again from ' +
    'the same port, and six seconds after it was sent the loop heals and releases the old segment.',
  isn: { rule: 'fixed', client: 1000, server: 5000 },
  script: [
    LISTEN,
    CONNECT,
    { host: 'client', call: 'send', when: { host: 'client', event: 'connected' }, data: 'PASS secret\r\n' },
    { host: 'server', call: 'send', when: { host: 'server', event: 'data' }, after: 0.05, data: '230 Logged in\r\n' },
    { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.1 },
    { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, after: 0.1 },
    // The second incarnation: same ports. Refused while the old pair is in TIME_WAIT, so retry.
    { host: 'client', call: 'connect', at: 3, port: 1500 },
    { host: 'client', call: 'connect', port: 1500, when: { host: 'client', event: 'EADDRINUSE' }, after: 5, repeat: true },
    { host: 'client', call: 'send', when: { host: 'client', event: 'connected', nth: 2 }, after: 5, data: 'USER bob\r\n' },
  ],
  perturbations: [{ kind: 'loop', match: { from: 'client', data: true, nth: 1 }, for: 6 }],
  until: 120,
};

export const newIncarnation: ScenarioSpec = {
  name: 'new-incarnation',
  title: 'Reconnecting from the same port',
  description:
    'After a normal close the client, still in TIME_WAIT, connects again from port 1500 to the same server ' +
    'port. The 4-tuple is busy: the connect fails with EADDRINUSE unless reuse is allowed, or TIME_WAIT is off.',
  script: [...FTP_SESSION, { host: 'client', call: 'connect', at: 3, port: 1500 }],
  until: 300,
};

export const berkeleyException: ScenarioSpec = {
  name: 'berkeley-exception',
  title: 'The Berkeley exception',
  description:
    'An rsh-style exchange in which the server closes first, so the server holds TIME_WAIT. The client ' +
    'reconnects from the same reserved port with a greater initial sequence number. Under the Berkeley ' +
    'rule the server accepts the SYN at once; with the rule off it refuses it with an ACK.',
  isn: { rule: 'fixed', client: 1000, server: 5000, step: 100_000 },
  serverPort: 514,
  clientPort: 1023,
  policies: { berkeleySynInTimeWait: true },
  script: [
    { host: 'server', call: 'listen', at: 0 },
    { host: 'client', call: 'connect', at: 0.1, port: 1023 },
    { host: 'client', call: 'send', when: { host: 'client', event: 'connected' }, data: 'date\n' },
    { host: 'server', call: 'send', when: { host: 'server', event: 'data' }, after: 0.05, data: 'Tue Nov 24 12:00:00 UTC\n' },
    { host: 'server', call: 'close', when: { host: 'server', event: 'data' }, after: 0.1 },
    { host: 'client', call: 'close', when: { host: 'client', event: 'eof' }, after: 0.1 },
    { host: 'client', call: 'connect', at: 3, port: 1023 },
    { host: 'client', call: 'send', when: { host: 'client', event: 'connected', nth: 2 }, data: 'uptime\n' },
  ],
  until: 300,
};

/**
 * Many short connections from ephemeral ports, one after another: the load for benchmarks and
 * for ports piling up in TIME_WAIT.
 */
export const churn: ScenarioSpec = {
  name: 'churn',
  title: 'Many short connections',
  description:
    'The client opens a connection from a fresh ephemeral port, sends one command, reads the reply and ' +
    'closes, then at once opens the next. Each closed connection leaves a port in TIME_WAIT.',
  script: [
    LISTEN,
    { host: 'client', call: 'connect', at: 0.1 },
    ...COMMAND_AND_REPLY.map((a) => ({ ...a, repeat: true })),
    { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.01, repeat: true },
    { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, repeat: true },
    { host: 'client', call: 'connect', when: { host: 'client', event: 'data' }, after: 0.02, repeat: true },
  ],
  // Five minutes (over a thousand connections) fits a headless run's event budget; the sandbox
  // runs it for as long as the learner likes.
  until: 300,
};

