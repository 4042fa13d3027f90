/**
 * What each kind of queued event does when its time comes, and the host-level actions that
 * perturbations call on. The simulation pops the queue; this carries the event out.
 */
import { emit, type Core } from './core.js';
import { connRef, type HostContext } from './hostStack.js';
import { arrive } from './network.js';
import { applyNow, type PerturbActions } from './perturb.js';
import { runAction, DEFAULT_CLIENT_PORT, DEFAULT_SERVER_PORT } from './script.js';
import type { QueueItem } from './state.js';
import type { HostName } from '../types.js';
import { timerExpired } from '../tcp/timers.js';

export type Hosts = Record<HostName, HostContext>;

export function dispatch(core: Core, hosts: Hosts, actions: PerturbActions, item: QueueItem): void {
  switch (item.type) {
    case 'arrive': {
      const pkt = core.state.inFlight.get(item.pktId);
      if (!pkt) return;
      const seg = arrive(core, item.node, pkt);
      if (seg) hosts[item.node as HostName].receive(seg, pkt.rxKey);
      return;
    }
    case 'timer': {
      const ctx = hosts[item.host];
      const tcb = ctx.hostState.tcbs.get(item.key);
      const slot = tcb ? (item.timer === 'RTO' ? tcb.rtoTimer : tcb.twTimer) : null;
      if (!tcb || !slot || slot.token !== item.token) return; // cancelled or re-armed since
      core.tcbs.touch(tcb);
      if (item.timer === 'RTO') tcb.rtoTimer = null;
      else tcb.twTimer = null;
      const s = core.state;
      emit(core, { at: s.now, step: s.step, kind: 'timer', host: item.host, timer: item.timer, action: 'expire', expires: slot.expires, conn: connRef(tcb) });
      timerExpired(ctx, tcb, item.timer);
      return;
    }
    case 'action':
      runAction(core, hosts, core.spec.script[item.action]!, item.conn);
      return;
    case 'perturb':
      applyNow(core, item.index, actions);
      return;
    case 'reboot': {
      const s = core.state;
      s.hosts[item.host].up = true;
      emit(core, { at: s.now, step: s.step, kind: 'perturb', host: item.host, perturbation: 'reboot', detail: `${item.host} is back up, with no memory of earlier connections` });
      return;
    }
  }
}

export function perturbActions(core: Core, hosts: Hosts): PerturbActions {
  const spec = core.spec;
  return {
    crash: (host) => hosts[host].crash(),
    reconnect: (host, port, remotePort) => {
      const ctx = hosts[host];
      const local = port ?? ctx.hostState.lastLocalPort ?? spec.clientPort ?? DEFAULT_CLIENT_PORT;
      const peer = core.state.hosts[host === 'client' ? 'server' : 'client'];
      ctx.connect({ ip: peer.ip, port: remotePort ?? spec.serverPort ?? DEFAULT_SERVER_PORT }, local);
    },
    ports: () => ({
      client: hosts.client.hostState.lastLocalPort ?? spec.clientPort ?? DEFAULT_CLIENT_PORT,
      server: spec.serverPort ?? DEFAULT_SERVER_PORT,
    }),
  };
}
