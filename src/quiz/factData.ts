/**
 * Fact questions from the course, as data. Facts follow shared/reference/tcp-rules.md; every
 * sentence is written for this project. Each option explains itself, right or wrong, because
 * the feedback screen shows the explanation of whatever the learner picked.
 */
import { LINUX_FACTS } from './factDataLinux.js';
import type { LessonId } from './types.js';

export interface FactOptionSpec {
  text: string;
  explanation: string;
}

export interface FactSpec {
  id: string;
  prompt: string;
  right: FactOptionSpec;
  wrong: FactOptionSpec[];
  lessons: LessonId[];
  topic: string;
  source: string;
}

export const FACTS: readonly FactSpec[] = [
  {
    id: 'fact:msl-rfc1122',
    prompt: 'What maximum segment lifetime (MSL) does RFC 1122 recommend?',
    right: { text: 'Two minutes (120 seconds)', explanation: 'RFC 1122 suggests two minutes, which makes its TIME_WAIT four minutes long.' },
    wrong: [
      { text: 'Thirty seconds (30 s)', explanation: 'That is the value Berkeley-derived stacks chose, shorter than the RFC advice.' },
      { text: 'Sixty seconds (60 s)', explanation: 'Sixty seconds is how long Linux holds TIME_WAIT; it is not an MSL at all.' },
      { text: '255 seconds, the TTL limit', explanation: '255 is the largest TTL, and TTL counts router hops, not seconds.' },
    ],
    lessons: ['msl'],
    topic: 'MSL in RFC 1122',
    source: 'RFC 1122 §4.2.2.13; RFC 793',
  },
  {
    id: 'fact:msl-bsd',
    prompt: 'Which MSL have Berkeley-derived TCP stacks traditionally used?',
    right: { text: 'Thirty seconds (30 s)', explanation: 'BSD picked 30 s, so its TIME_WAIT (2 x MSL) lasts one minute.' },
    wrong: [
      { text: 'Two minutes (120 s)', explanation: 'Two minutes is the RFC 1122 recommendation; BSD went shorter.' },
      { text: 'Four minutes (240 s)', explanation: 'Four minutes is 2 x MSL with the RFC value: a TIME_WAIT length, not an MSL.' },
      { text: 'One second (1 s)', explanation: 'One second is the usual first retransmission timeout, unrelated to segment lifetime.' },
    ],
    lessons: ['msl'],
    topic: 'MSL on BSD',
    source: 'Berkeley-derived implementations (TCPv2)',
  },
  {
    id: 'fact:time-wait-range',
    prompt: 'Implementations choose an MSL between 30 s and 2 min. How long can TIME_WAIT therefore last?',
    right: { text: 'Between 1 and 4 minutes', explanation: 'TIME_WAIT is twice the MSL, so 2 x 30 s up to 2 x 120 s.' },
    wrong: [
      { text: 'Between 30 seconds and 2 minutes', explanation: 'That is the MSL itself; the wait is two MSLs long.' },
      { text: 'Exactly 60 seconds on every system', explanation: 'Only some systems (Linux, for one) fix it at 60 s; the RFC ties it to MSL.' },
      { text: 'Up to 255 seconds', explanation: 'This mixes up the TTL limit of 255 with time; TTL is a hop count.' },
    ],
    lessons: ['msl'],
    topic: 'TIME_WAIT duration range',
    source: 'RFC 9293 §3.10.7.4 (2 x MSL); RFC 1122',
  },
  {
    id: 'fact:linux-time-wait',
    prompt: 'How long does Linux keep a connection in TIME_WAIT?',
    right: {
      text: 'A fixed 60 seconds, whatever the MSL',
      explanation: 'Linux uses the constant TCP_TIMEWAIT_LEN (60 s) and has no MSL setting for it.',
    },
    wrong: [
      { text: 'Twice a tunable MSL', explanation: 'That is the RFC model; Linux does not derive TIME_WAIT from an MSL.' },
      { text: 'Four minutes (240 s)', explanation: 'Four minutes is the RFC 1122 figure (2 x 120 s), not what Linux does.' },
      { text: 'Until the peer sends an RST', explanation: 'An RST can cut TIME_WAIT short, but that is an exception, not its length.' },
    ],
    lessons: ['msl', 'in-practice'],
    topic: 'Linux TIME_WAIT length',
    source: 'Linux include/net/tcp.h (TCP_TIMEWAIT_LEN)',
  },
  {
    id: 'fact:ttl-bound',
    prompt: 'The IPv4 TTL (IPv6 hop limit) field is 8 bits wide. What does its maximum value of 255 limit?',
    right: {
      text: 'How many routers a datagram can pass through',
      explanation: 'Each router subtracts one and drops the datagram at zero, so 255 bounds hops. MSL assumes that also bounds time.',
    },
    wrong: [
      { text: 'How many seconds a datagram may live', explanation: 'Despite the name "time to live", routers count hops, not seconds.' },
      { text: 'How many times TCP retransmits a segment', explanation: 'Retransmissions are a TCP matter; TTL is in the IP header.' },
      { text: 'The size of a segment in bytes', explanation: 'Size is carried in the length fields; TTL says nothing about it.' },
    ],
    lessons: ['msl', 'wandering-duplicates'],
    topic: 'What TTL bounds',
    source: 'IPv4 header (RFC 791); IPv6 hop limit (RFC 8200)',
  },
  {
    id: 'fact:ttl-max',
    prompt: 'What is the largest TTL (or hop limit) a datagram can carry?',
    right: { text: '255 (8 bits)', explanation: 'The field has 8 bits, so 255 is the most it can hold.' },
    wrong: [
      { text: '64, the Linux default', explanation: 'Many systems, Linux among them, start at 64, but that is a default, not the limit.' },
      { text: '128, the Windows default', explanation: 'Windows starts at 128; the field can go higher.' },
      { text: '65535 (16 bits)', explanation: 'That would need a 16-bit field; TTL has only 8 bits.' },
    ],
    lessons: ['msl'],
    topic: 'Maximum TTL',
    source: 'IPv4 header (RFC 791)',
  },
  {
    id: 'fact:who-waits',
    prompt: 'Which end of a TCP connection passes through TIME_WAIT?',
    right: {
      text: 'The end that closes first (the active closer)',
      explanation: 'The side that sends the first FIN ends up in TIME_WAIT, be it client or server.',
    },
    wrong: [
      { text: 'Always the server', explanation: 'Only when the server closes first; role does not decide it, the order of closing does.' },
      { text: 'Always the client', explanation: 'A client that waits for the server to close never enters TIME_WAIT.' },
      {
        text: 'The end that receives the first FIN',
        explanation: 'That end is the passive closer: it goes through CLOSE_WAIT and LAST_ACK to CLOSED.',
      },
    ],
    lessons: ['the-close'],
    topic: 'Which end waits',
    source: 'RFC 9293 §3.3.2 (state diagram), §3.6',
  },
  {
    id: 'fact:why-active-closer',
    prompt: 'Why is it the active closer, not the other end, that stays in TIME_WAIT?',
    right: {
      text: 'It sent the last ACK, and may have to send it again if the peer repeats its FIN',
      explanation: 'If that ACK is lost the peer resends its FIN, and only an end that kept the connection can answer it properly.',
    },
    wrong: [
      { text: 'It might still have unread data to deliver', explanation: 'By TIME_WAIT both directions are finished; no data is pending.' },
      {
        text: 'The passive closer has already reused the port',
        explanation: 'The passive closer is still in LAST_ACK waiting for that ACK; nothing has been reused.',
      },
      { text: 'It is always the server, which must keep listening', explanation: 'Either end can close first, and listening sockets are separate from this connection.' },
    ],
    lessons: ['the-close', 'lost-final-ack'],
    topic: 'Why the active closer waits',
    source: 'RFC 9293 §3.6',
  },
  {
    id: 'fact:lost-ack-without-time-wait',
    prompt: 'Suppose the active closer skipped TIME_WAIT and its final ACK was lost. What does the peer get when it retransmits its FIN?',
    right: {
      text: 'An RST, which it treats as an error',
      explanation: 'With no connection left, the FIN meets "no such connection" and is answered with a reset.',
    },
    wrong: [
      { text: 'The missing ACK, as usual', explanation: 'Only an end that still remembers the connection can build that ACK.' },
      { text: 'Nothing: it waits forever', explanation: 'Closed ports answer non-RST segments with an RST, so it is not silent.' },
      { text: 'A new SYN, reopening the connection', explanation: 'A FIN never triggers a SYN; connections are opened by applications.' },
    ],
    lessons: ['lost-final-ack'],
    topic: 'Lost final ACK without TIME_WAIT',
    source: 'RFC 9293 §3.10.7.1 (segment for a closed connection)',
  },
  {
    id: 'fact:why-2msl',
    prompt: 'Why does TIME_WAIT last two MSLs rather than one?',
    right: {
      text: 'One MSL for a segment going one way to die out, and one for any reply coming back',
      explanation: 'An old segment may live up to MSL, and a reply it provoked may live up to MSL more.',
    },
    wrong: [
      { text: 'So the final ACK can be retransmitted twice', explanation: 'The ACK is resent only when a FIN is repeated; the length is about segment lifetimes.' },
      { text: 'Because each end runs its own MSL timer and they add up', explanation: 'Only the active closer waits; there is no second timer to add.' },
      { text: 'Because TIME_WAIT must outlast two retransmission timeouts', explanation: 'Retransmission timeouts are far shorter than an MSL and play no part in its length; the wait is set by segment lifetimes.' },
    ],
    lessons: ['msl', 'wandering-duplicates'],
    topic: 'Why 2MSL',
    source: 'RFC 9293 §3.4.1, §3.10.7.4',
  },
  {
    id: 'fact:two-reasons',
    prompt: 'Besides letting a lost final ACK be resent, what is the other reason TIME_WAIT exists?',
    right: {
      text: 'To let old duplicates of this connection die out before the same addresses and ports are used again',
      explanation: 'Otherwise a delayed segment could be taken for data of a new incarnation.',
    },
    wrong: [
      { text: 'To keep the port reserved so the same program can restart', explanation: 'Reserving ports is a side effect that often annoys, not the purpose.' },
      { text: 'To give the application time to read the last data', explanation: 'Reading is done by then; TIME_WAIT is about the network, not the program.' },
      { text: 'To slow down clients that open many connections', explanation: 'It is not a rate limit; it protects against stray old segments.' },
    ],
    lessons: ['wandering-duplicates'],
    topic: 'The two reasons for TIME_WAIT',
    source: 'RFC 9293 §3.4.1; RFC 1337',
  },
  {
    id: 'fact:incarnation',
    prompt: 'What is a new "incarnation" of a connection?',
    right: {
      text: 'A later connection between the same two IP addresses and ports',
      explanation: 'Same 4-tuple, new connection. Old segments of the earlier one could be mistaken for its own.',
    },
    wrong: [
      { text: 'A retransmission of a segment', explanation: 'A retransmission belongs to the same connection; an incarnation is a whole new connection.' },
      { text: 'A connection that reuses the same initial sequence number', explanation: 'The ISN is chosen anew; it is the addresses and ports that repeat.' },
      { text: 'A reconnection to the same server on a different port', explanation: 'A different port makes a different 4-tuple, which cannot be confused with the old one.' },
    ],
    lessons: ['wandering-duplicates'],
    topic: 'Incarnations',
    source: 'RFC 9293 §3.4.1',
  },
  {
    id: 'fact:wandering-duplicate',
    prompt: 'How does a "wandering duplicate" usually come about?',
    right: {
      text: 'A routing loop holds a segment while the sender retransmits; the loop clears and the old copy arrives late',
      explanation: 'The retransmission takes a working path, and the original turns up afterwards as a duplicate.',
    },
    wrong: [
      { text: 'The receiver copies a segment into its buffer twice', explanation: 'Duplicates come from the network and the sender, not from the receiving stack.' },
      { text: 'A corrupted segment is repaired by a router', explanation: 'Routers drop damaged datagrams; they do not repair and resend them.' },
      { text: 'The sender forgets it sent a segment and sends it again at once', explanation: 'A retransmission follows a timeout; the late copy is the original, released from a loop.' },
    ],
    lessons: ['wandering-duplicates'],
    topic: 'Wandering duplicates',
    source: 'RFC 9293 §3.4.1',
  },
  {
    id: 'fact:berkeley-rule',
    prompt: 'When will a Berkeley-derived stack accept a new SYN for a 4-tuple that is still in TIME_WAIT?',
    right: {
      text: "When the SYN's sequence number is greater than the old connection's final sequence number",
      explanation: 'A higher number cannot be confused with old data, so a new incarnation may start (RFC 1122 allows it).',
    },
    wrong: [
      { text: 'Whenever the listening socket set SO_REUSEADDR', explanation: 'SO_REUSEADDR concerns bind(); it does not decide whether a SYN may end TIME_WAIT.' },
      { text: 'Once half of the 2MSL wait has passed', explanation: 'The rule is about sequence numbers, not elapsed time.' },
      { text: 'Only when the SYN comes from a different client port', explanation: 'A different port is a different connection, with no TIME_WAIT in the way at all.' },
    ],
    lessons: ['the-exception'],
    topic: 'The Berkeley rule',
    source: 'RFC 1122 §4.2.2.13',
  },
  {
    id: 'fact:berkeley-needs-server-close',
    prompt: 'What does the Berkeley exception require of the previous connection?',
    right: {
      text: 'The server must have closed actively, so the TIME_WAIT is on the end that receives the new SYN',
      explanation: "The rule is applied by the end in TIME_WAIT when a SYN arrives, and SYNs arrive at the server.",
    },
    wrong: [
      { text: 'The client must have closed actively', explanation: 'Then TIME_WAIT is on the client, which sends SYNs rather than receiving them.' },
      { text: 'Both ends must have used TCP timestamps', explanation: 'Timestamps are the later RFC 6191 method; the Berkeley rule uses sequence numbers.' },
      { text: 'The server must use fixed initial sequence numbers', explanation: 'Fixed ISNs would break the "greater than" test; numbers must keep growing.' },
    ],
    lessons: ['the-exception'],
    topic: 'Berkeley rule needs an active server close',
    source: 'RFC 1122 §4.2.2.13; TCPv2',
  },
  {
    id: 'fact:time-wait-assassination',
    prompt: 'What is "TIME-WAIT assassination" (RFC 1337)?',
    right: {
      text: 'An RST arriving in TIME_WAIT ends the wait early, removing its protection',
      explanation: 'RFC 1337 describes the hazard and suggests ignoring RSTs in TIME_WAIT (Linux: tcp_rfc1337).',
    },
    wrong: [
      { text: 'A peer keeping many sockets in TIME_WAIT to exhaust ports', explanation: 'Port exhaustion is a real worry, but that is not what RFC 1337 names.' },
      { text: 'The 2MSL timer firing before MSL has passed', explanation: 'The timer fires after 2MSL; the hazard is something ending it early.' },
      { text: 'A SYN with a higher sequence number starting a new incarnation', explanation: 'That is the Berkeley rule, a deliberate exception, not an attack.' },
    ],
    lessons: ['in-practice'],
    topic: 'TIME-WAIT assassination',
    source: 'RFC 1337',
  },
  {
    id: 'fact:simultaneous-condition',
    prompt: 'When is a close a simultaneous close, with both ends passing through CLOSING?',
    right: { text: "When each end calls close() before the peer's FIN reaches it", explanation: "Then both FINs are in flight at once: each end gets the peer's FIN while its own is unacknowledged, so both go FIN_WAIT_1, CLOSING, TIME_WAIT." },
    wrong: [
      { text: 'When both ends call close() within the same second', explanation: 'Timing on a clock is not the test; what matters is whether each FIN leaves before the other arrives.' },
      { text: "When one end's FIN carries an ACK of the other's", explanation: 'A FIN that acknowledges our FIN takes FIN_WAIT_1 straight to TIME_WAIT, skipping CLOSING.' },
      { text: 'When the server closes first and the client at once', explanation: 'If the server\'s FIN reaches the client before the client closes, the client is a passive closer in CLOSE_WAIT.' },
    ],
    lessons: ['the-close'],
    topic: 'Simultaneous close',
    source: 'RFC 9293 §3.6 (simultaneous close); shared/reference/tcp-rules.md',
  },
  ...LINUX_FACTS,
];
