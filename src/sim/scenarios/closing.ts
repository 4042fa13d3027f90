/** Scenarios about the close itself: the four segments, a lost final ACK, crossing FINs, an abort. */
import type { ScenarioSpec } from '../scenario.js';
import { COMMAND_AND_REPLY, CONNECT, FTP_SESSION, LISTEN } from './ftpExchange.js';

export const normalClose: ScenarioSpec = {
  name: 'normal-close',
  title: 'The four-segment close',
  description:
    'Connect, exchange one command and reply, then the client closes first: FIN, ACK, FIN, ACK. ' +
    'The client, the active closer, waits in TIME_WAIT for 2MSL before the connection is gone.',
  script: FTP_SESSION,
  until: 300,
};

export const lostFinalAck: ScenarioSpec = {
  name: 'lost-final-ack',
  title: 'The final ACK is lost',
  description:
    "As normal-close, but the client's last ACK is lost. The server, in LAST_ACK, retransmits its FIN; " +
    'the client, still in TIME_WAIT, acknowledges it again and restarts its 2MSL timer.',
  script: FTP_SESSION,
  perturbations: [{ kind: 'drop', match: { from: 'client', flags: ['ACK'], exact: true, senderState: ['TIME_WAIT', 'CLOSED'] } }],
  until: 300,
};

export const simultaneousClose: ScenarioSpec = {
  name: 'simultaneous-close',
  title: 'Simultaneous close',
  description:
    'Both applications close at the same moment, so each FIN is sent before the other arrives. ' +
    'Both ends pass through CLOSING, and both end up in TIME_WAIT.',
  script: [
    LISTEN,
    CONNECT,
    ...COMMAND_AND_REPLY,
    { host: 'client', call: 'close', at: 1 },
    { host: 'server', call: 'close', at: 1 },
  ],
  until: 300,
};

export const abortRst: ScenarioSpec = {
  name: 'abort-rst',
  title: 'Abort with RST (SO_LINGER 0)',
  description:
    'The client aborts instead of closing: one RST, no FIN exchange, and no TIME_WAIT. ' +
    'The server application sees the connection reset.',
  script: [
    LISTEN,
    CONNECT,
    ...COMMAND_AND_REPLY,
    { host: 'client', call: 'abort', when: { host: 'client', event: 'data' }, after: 0.2 },
  ],
  until: 300,
};
