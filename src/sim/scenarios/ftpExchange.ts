/**
 * The little exchange most scenarios share: the classic FTP control connection of the
 * reference (client 12.106.32.254 port 1500, server 206.168.112.219 port 21), one command
 * and one reply, then the client closes first.
 */
import type { ScriptAction } from '../scenario.js';

export const LISTEN: ScriptAction = { host: 'server', call: 'listen', at: 0 };
export const CONNECT: ScriptAction = { host: 'client', call: 'connect', at: 0.1, port: 1500 };

/** Client sends a command once connected; the server answers it. */
export const COMMAND_AND_REPLY: ScriptAction[] = [
  { host: 'client', call: 'send', when: { host: 'client', event: 'connected' }, data: 'USER alice\r\n' },
  { host: 'server', call: 'send', when: { host: 'server', event: 'data' }, after: 0.05, data: '331 Password required\r\n' },
];

/** The client closes after the reply (the active close); the server closes when it sees EOF. */
export const CLIENT_CLOSES_FIRST: ScriptAction[] = [
  { host: 'client', call: 'close', when: { host: 'client', event: 'data' }, after: 0.2 },
  { host: 'server', call: 'close', when: { host: 'server', event: 'eof' }, after: 0.2 },
];

export const FTP_SESSION: ScriptAction[] = [LISTEN, CONNECT, ...COMMAND_AND_REPLY, ...CLIENT_CLOSES_FIRST];
