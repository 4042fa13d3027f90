/**
 * Where the Linux kernel decides each (state x event) pair of the probe catalogue: the function
 * a reader of net/ipv4/ would open to check the `linux` preset's answer. Paths are relative to
 * the kernel tree; names are those of Linux 6.x.
 */
import type { ProbeEventKey } from './probeEvents.js';
import type { TcpState } from './tcp/states.js';

const CALLS: Partial<Record<ProbeEventKey, string>> = {
  listen: 'inet_listen (net/ipv4/af_inet.c)',
  connect: 'tcp_v4_connect (net/ipv4/tcp_ipv4.c)',
  send: 'tcp_sendmsg (net/ipv4/tcp.c)',
  close: 'tcp_close (net/ipv4/tcp.c)',
  abort: 'tcp_close -> tcp_send_active_reset (SO_LINGER 0, net/ipv4/tcp.c)',
  rto: 'tcp_retransmit_timer (net/ipv4/tcp_timer.c)',
  '2msl': 'tw_timer_handler (net/ipv4/inet_timewait_sock.c)',
};

export function linuxSource(state: TcpState, key: ProbeEventKey): string {
  const call = CALLS[key];
  if (call) return call;
  switch (state) {
    case 'CLOSED':
      return 'tcp_v4_rcv -> tcp_v4_send_reset (net/ipv4/tcp_ipv4.c)';
    case 'LISTEN':
      return 'tcp_rcv_state_process -> tcp_conn_request (net/ipv4/tcp_input.c)';
    case 'SYN_SENT':
      return 'tcp_rcv_synsent_state_process (net/ipv4/tcp_input.c)';
    case 'TIME_WAIT':
      return 'tcp_timewait_state_process (net/ipv4/tcp_minisocks.c)';
    default:
      return 'tcp_rcv_state_process / tcp_validate_incoming (net/ipv4/tcp_input.c)';
  }
}
