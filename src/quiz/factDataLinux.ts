/**
 * Fact questions on Linux practice, as data: reconnecting during TIME_WAIT (EADDRINUSE and
 * EADDRNOTAVAIL), timestamps, tcp_tw_reuse, RSTs and the timer in TIME_WAIT. Each follows the
 * Linux column and the "Re-using a 4-tuple" section of shared/reference/tcp-rules.md.
 */
import type { FactSpec } from './factData.js';

export const LINUX_FACTS: readonly FactSpec[] = [
  {
    id: 'fact:linux-reconnect-plain',
    prompt:
      'On Linux, the client closed first and its connection 12.106.32.254:1500 to 206.168.112.219:21 is in TIME_WAIT. Ten seconds later the program binds port 1500 again, without SO_REUSEADDR, to connect to the same server. What does bind() return?',
    right: { text: 'EADDRINUSE: the address is already in use', explanation: 'The local address and port still belong to a connection in TIME_WAIT, and without SO_REUSEADDR bind() refuses to share them.' },
    wrong: [
      { text: 'EADDRNOTAVAIL: the address is not available', explanation: 'Linux gives EADDRNOTAVAIL later, at connect(), when SO_REUSEADDR let bind() succeed but the old connection had no timestamps.' },
      { text: 'Success, since the connect() will be to a new incarnation', explanation: 'Bind() looks only at whether the local port is taken; a TIME_WAIT connection still holds it.' },
      { text: 'Success, because the server has already forgotten the connection', explanation: 'What the server remembers does not matter here: the TIME_WAIT is on the client, which is the end binding the port.' },
    ],
    lessons: ['in-practice'],
    topic: 'Linux: bind during TIME_WAIT',
    source: 'shared/reference/tcp-rules.md (re-using a 4-tuple); Linux net/ipv4/inet_connection_sock.c',
  },
  {
    id: 'fact:linux-reuseaddr-no-timestamps',
    prompt:
      'On Linux, a client closed first and its connection from port 1500 to a server is in TIME_WAIT. The program sets SO_REUSEADDR, binds port 1500 (which works) and calls connect() to the same server. The old connection did not use TCP timestamps. What does connect() return?',
    right: { text: 'EADDRNOTAVAIL: the 4-tuple cannot be reused yet', explanation: 'Without timestamps Linux has no safe way to tell old segments from new ones, so it will not hand out a 4-tuple that is still in TIME_WAIT.' },
    wrong: [
      { text: 'EADDRINUSE, exactly as without SO_REUSEADDR', explanation: 'SO_REUSEADDR already got past the bind() check; the refusal now comes from connect(), with a different error.' },
      { text: 'Success: SO_REUSEADDR ends the TIME_WAIT', explanation: 'SO_REUSEADDR only relaxes the bind() check; it does not end TIME_WAIT, and without timestamps the 4-tuple stays blocked.' },
      { text: 'ETIMEDOUT after the SYN is retried', explanation: 'No SYN is sent at all: the 4-tuple is refused locally before anything goes on the wire.' },
    ],
    lessons: ['in-practice'],
    topic: 'Linux: connect without timestamps',
    source: 'shared/reference/tcp-rules.md (re-using a 4-tuple); Linux net/ipv4/tcp_ipv4.c (twsk_unique)',
  },
  {
    id: 'fact:linux-reuseaddr-timestamps',
    prompt:
      'On Linux, a client whose old connection from port 1500 is still in TIME_WAIT sets SO_REUSEADDR, binds port 1500 and connects to the same server again. Both ends used TCP timestamps on the old connection. What happens at connect()?',
    right: { text: 'It succeeds at once with a new incarnation', explanation: 'Timestamps let the receiver reject old segments by their timestamp (PAWS, RFC 7323), so Linux lets the TIME_WAIT end reuse the 4-tuple (RFC 6191 describes the idea).' },
    wrong: [
      { text: 'It waits until the 60 second TIME_WAIT ends', explanation: 'Connect() never blocks for TIME_WAIT; it either reuses the 4-tuple or fails with an error.' },
      { text: 'It fails with EADDRNOTAVAIL as before', explanation: 'That is the outcome without timestamps; with them the reuse is judged safe.' },
      { text: 'It succeeds only if the server closed first', explanation: 'Here the TIME_WAIT is on the client, the end reconnecting: that is exactly the case this reuse covers.' },
    ],
    lessons: ['in-practice'],
    topic: 'Linux: connect with timestamps',
    source: 'shared/reference/tcp-rules.md; RFC 6191; RFC 7323 (PAWS)',
  },
  {
    id: 'fact:tcp-tw-reuse',
    prompt: 'A Linux client makes thousands of short outgoing connections, and its ephemeral ports pile up in TIME_WAIT. What does net.ipv4.tcp_tw_reuse=1 change?',
    right: {
      text: 'New outgoing connections may reuse a TIME_WAIT 4-tuple at least 1 second old',
      explanation: 'With tw_reuse the choice of an ephemeral port may take a pair still in TIME_WAIT, once it is at least a second old; timestamps keep old segments apart. The value 2 limits this to loopback.',
    },
    wrong: [
      { text: 'TIME_WAIT is shortened from 60 s to 1 s', explanation: 'The wait is still a fixed 60 s; only the reuse of a waiting pair by a new outgoing connection is allowed.' },
      { text: 'Servers accept every SYN that meets a TIME_WAIT', explanation: 'Tw_reuse is about outgoing connections choosing a local port; SYNs arriving at a server follow the sequence-number and timestamp rules.' },
      { text: 'Connections skip TIME_WAIT and close straight away', explanation: 'The closing end still enters TIME_WAIT; the pair can just be reused sooner by a new connect().' },
    ],
    lessons: ['in-practice'],
    topic: 'tcp_tw_reuse',
    source: 'shared/reference/tcp-rules.md; Linux net/ipv4/tcp_ipv4.c (tw_reuse)',
  },
  {
    id: 'fact:linux-rst-in-time-wait',
    prompt: 'On Linux with default settings (tcp_rfc1337=0), a connection is in TIME_WAIT with RCV.NXT = 1007. An RST with seq 1007 arrives. What happens?',
    right: { text: 'The TIME_WAIT ends and the connection is closed', explanation: 'An RST exactly at RCV.NXT is accepted, and by default Linux lets it end TIME_WAIT early: the hazard RFC 1337 describes.' },
    wrong: [
      { text: 'The RST is ignored, as RFC 1337 advises', explanation: 'Linux ignores it only with tcp_rfc1337=1; the default is 0.' },
      { text: 'A challenge ACK is sent in reply', explanation: 'A challenge ACK (RFC 5961) answers an RST inside the window but not exactly at RCV.NXT; this one is exact.' },
      { text: 'The 2MSL timer restarts from zero', explanation: 'Linux restarts the timer on segments that carry ACK, never on an RST.' },
    ],
    lessons: ['in-practice'],
    topic: 'Linux: RST in TIME_WAIT',
    source: 'shared/reference/tcp-rules.md; RFC 1337; Linux net/ipv4/tcp_minisocks.c',
  },
  {
    id: 'fact:linux-refused-syn',
    prompt:
      'A Linux server holds TIME_WAIT for a 4-tuple, and a SYN for it arrives that it refuses (no greater sequence number, no newer timestamp). Yet the client often connects about a second later. How?',
    right: {
      text: "The server's ACK makes the client send an RST that ends the TIME_WAIT",
      explanation: 'The refused SYN gets an ACK; the client, in SYN_SENT, answers that unexpected ACK with an RST at exactly RCV.NXT, which ends the TIME_WAIT (tcp_rfc1337=0), and its retried SYN then gets in.',
    },
    wrong: [
      { text: 'The server shortens TIME_WAIT to one second after a SYN', explanation: 'TIME_WAIT on Linux is a fixed 60 s; it is the RST, not a timer, that ends it.' },
      { text: 'The client silently picks a different local port', explanation: 'A connect() bound to a port keeps that port; the retry uses the same 4-tuple.' },
      { text: 'The SYN restarts the 2MSL timer, which then expires', explanation: 'A SYN does not restart the TIME_WAIT timer on Linux, and restarting it would only make the wait longer.' },
    ],
    lessons: ['in-practice', 'the-exception'],
    topic: 'Linux: refused SYN and RST',
    source: 'shared/reference/tcp-rules.md (re-using a 4-tuple; SYN_SENT row)',
  },
  {
    id: 'fact:linux-timer-restart',
    prompt: 'A Linux connection has been in TIME_WAIT for 40 seconds when a bare ACK for it arrives. What happens to its timer?',
    right: { text: 'It restarts, so 60 more seconds remain', explanation: 'Linux restarts the TIME_WAIT timer on any non-RST segment that carries ACK; RFC 9293 restarts it only on a retransmitted FIN.' },
    wrong: [
      { text: 'Nothing: only a repeated FIN restarts it', explanation: 'That is the RFC rule; Linux restarts it on any ACK-bearing segment except an RST.' },
      { text: 'It expires at once and the connection closes', explanation: 'An ACK never ends TIME_WAIT; only the timer or an accepted RST does.' },
      { text: 'It keeps running, and an RST is sent back', explanation: 'A bare ACK in TIME_WAIT gets no reply at all.' },
    ],
    lessons: ['in-practice'],
    topic: 'Linux: TIME_WAIT timer restarts',
    source: 'shared/reference/tcp-rules.md (where Linux differs, item 2); RFC 9293 §3.10.7.4',
  },
];
