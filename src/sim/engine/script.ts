/**
 * The scenario's script: the applications' calls, at fixed times or in answer to what they see
 * (an app event or a state change), e.g. "when the server sees eof, close".
 */
import { schedule, scheduleAt, type Core } from './core.js';
import type { HostContext } from './hostStack.js';
import type { ScriptAction, Trigger } from '../scenario.js';
import type { ConnRef, TraceEvent } from '../trace.js';
import type { Tcb } from '../tcp/tcb.js';
import { seconds } from '../time.js';
import type { HostName } from '../types.js';
import { userAbort, userClose, userSend } from '../tcp/userCalls.js';

export const DEFAULT_SERVER_PORT = 21;
export const DEFAULT_CLIENT_PORT = 1500;

function triggerMatches(t: Trigger, ev: TraceEvent): boolean {
  if (ev.host !== t.host) return false;
  if ('event' in t) return ev.kind === 'app' && ev.event === t.event;
  return ev.kind === 'state' && ev.to === t.state;
}

/** Schedule the actions that run at a fixed time. */
export function scheduleTimedActions(core: Core): void {
  core.spec.script.forEach((a, i) => {
    if (a.when === undefined) scheduleAt(core, seconds(a.at ?? 0), { type: 'action', action: i });
  });
}

/** Called for every trace event: fire the actions whose trigger it is. */
export function fireTriggers(core: Core, ev: TraceEvent): void {
  if (ev.kind !== 'app' && ev.kind !== 'state') return;
  const script = core.spec.script;
  for (let i = 0; i < script.length; i++) {
    const a = script[i]!;
    if (!a.when || !triggerMatches(a.when, ev)) continue;
    const count = (core.state.triggerCounts[i] ?? 0) + 1;
    core.state.triggerCounts[i] = count;
    if (a.repeat || count === (a.when.nth ?? 1)) {
      const conn = 'conn' in ev ? ev.conn : undefined;
      schedule(core, seconds(a.after ?? 0), conn ? { type: 'action', action: i, conn } : { type: 'action', action: i });
    }
  }
}

/**
 * The connection a triggered action applies to: the one whose event triggered it, seen from
 * the acting host's side. Without a trigger, the host's current connection.
 */
function targetTcb(core: Core, ctx: HostContext, a: ScriptAction, conn: ConnRef | undefined): Tcb | undefined {
  if (!conn || !a.when) return ctx.currentTcb();
  const tcb = core.state.hosts[a.host].tcbs.get(keyOf(a, a.when, conn));
  return tcb && tcb.incarnation === conn.incarnation ? tcb : undefined;
}

/** Was the connection this action means the one last reset under the application? */
function resetUnder(core: Core, a: ScriptAction, conn: ConnRef | undefined): boolean {
  const h = core.state.hosts[a.host];
  if (h.resetKey === null) return false;
  if (!conn || !a.when) return h.current === h.resetKey;
  return keyOf(a, a.when, conn) === h.resetKey;
}

/**
 * The acting host's TCB key (see tcbKey) for the connection an event named. ConnRef addresses
 * are written as tcbKey writes them ("ip:port", the port as a plain number), so the key is put
 * together from the strings without parsing the port.
 */
function keyOf(a: ScriptAction, trigger: Trigger, conn: ConnRef): string {
  const sameSide = trigger.host === a.host;
  const local = sameSide ? conn.local : conn.remote;
  const remote = sameSide ? conn.remote : conn.local;
  return `${local.slice(local.lastIndexOf(':') + 1)}|${remote}`;
}

/** Carry out one application call. */
export function runAction(core: Core, hosts: Record<HostName, HostContext>, a: ScriptAction, conn?: ConnRef): void {
  const ctx = hosts[a.host];
  if (!core.state.hosts[a.host].up) return;
  const serverPort = core.spec.serverPort ?? DEFAULT_SERVER_PORT;
  switch (a.call) {
    case 'listen':
      ctx.listen(a.port ?? serverPort);
      return;
    case 'connect': {
      const peer = core.state.hosts[a.host === 'client' ? 'server' : 'client'];
      ctx.connect({ ip: peer.ip, port: a.remotePort ?? serverPort }, a.port);
      return;
    }
    default: {
      const tcb = targetTcb(core, ctx, a, conn);
      if (!tcb) {
        // send() on a socket whose connection was reset: EPIPE (POSIX; Linux's tcp_sendmsg
        // returns it once sk_err has been reported as ECONNRESET).
        if (a.call === 'send' && resetUnder(core, a, conn)) ctx.app('EPIPE', null, undefined, 'send() after the connection was reset');
        return;
      }
      ctx.touch(tcb);
      if (a.call === 'read') tcb.unread = 0;
      else if (a.call === 'send') userSend(ctx, tcb, a.data ?? '');
      else if (a.call === 'abort') userAbort(ctx, tcb);
      else userClose(ctx, tcb, a.call === 'shutdown' ? 'shutdown' : 'close');
    }
  }
}
