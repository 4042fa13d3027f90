/**
 * Hand-made trace and snapshot of the lost-final-ACK story, for component tests that should not
 * depend on the engine: FIN, ACK, FIN, the final ACK lost at r1, the server's retransmitted FIN
 * and the client's second ACK.
 */
import { DEFAULT_POLICIES } from '../../src/sim/policy.js';
import type { SegmentRecord, TraceEvent } from '../../src/sim/trace.js';
import type { Flag } from '../../src/sim/types.js';
import type { SimSnapshot, InFlightView } from '../../src/sim/view.js';
import { CLIENT_ADDRESS, SERVER_ADDRESS, segmentRecord } from '../fixtures/segmentRecord.js';

const C = CLIENT_ADDRESS;
const S = SERVER_ADDRESS;
const connC = { local: C, remote: S, incarnation: 1 };
const connS = { local: S, remote: C, incarnation: 1 };

export const seg = segmentRecord;

const fin1 = seg(1, 'client', ['FIN', 'ACK'], 1001, 5001, 0);
const ack2 = seg(2, 'server', ['ACK'], 5001, 1002, 50_000);
const fin3 = seg(3, 'server', ['FIN', 'ACK'], 5001, 1002, 100_000);
const ack4 = seg(4, 'client', ['ACK'], 1002, 5002, 150_000);
const fin5 = seg(5, 'server', ['FIN', 'ACK'], 5001, 1002, 1_100_000, { retransmitOf: 3 });
const ack6 = seg(6, 'client', ['ACK'], 1002, 5002, 1_150_000);

let step = 0;
const e = <T extends Omit<TraceEvent, 'step'>>(ev: T): TraceEvent => ({ ...ev, step: ++step }) as unknown as TraceEvent;

export const LOST_ACK_TRACE: TraceEvent[] = [
  e({ kind: 'app', at: 0, host: 'client', event: 'closed', detail: 'close() called' }),
  e({ kind: 'state', at: 0, host: 'client', from: 'ESTABLISHED', to: 'FIN_WAIT_1', conn: connC, cause: 'close' }),
  e({ kind: 'send', at: 0, host: 'client', seg: fin1 }),
  e({ kind: 'deliver', at: 50_000, host: 'server', seg: fin1 }),
  e({ kind: 'state', at: 50_000, host: 'server', from: 'ESTABLISHED', to: 'CLOSE_WAIT', conn: connS, cause: 'FIN' }),
  e({ kind: 'send', at: 50_000, host: 'server', seg: ack2 }),
  e({ kind: 'app', at: 50_000, host: 'server', event: 'eof' }),
  e({ kind: 'deliver', at: 100_000, host: 'client', seg: ack2 }),
  e({ kind: 'state', at: 100_000, host: 'client', from: 'FIN_WAIT_1', to: 'FIN_WAIT_2', conn: connC, cause: 'ACK of FIN' }),
  e({ kind: 'state', at: 100_000, host: 'server', from: 'CLOSE_WAIT', to: 'LAST_ACK', conn: connS, cause: 'close' }),
  e({ kind: 'send', at: 100_000, host: 'server', seg: fin3 }),
  e({ kind: 'timer', at: 100_000, host: 'server', timer: 'RTO', action: 'start', expires: 1_100_000, conn: connS }),
  e({ kind: 'deliver', at: 150_000, host: 'client', seg: fin3 }),
  e({ kind: 'state', at: 150_000, host: 'client', from: 'FIN_WAIT_2', to: 'TIME_WAIT', conn: connC, cause: 'FIN' }),
  e({ kind: 'send', at: 150_000, host: 'client', seg: ack4 }),
  e({ kind: 'timer', at: 150_000, host: 'client', timer: '2MSL', action: 'start', expires: 60_150_000, conn: connC }),
  e({ kind: 'perturb', at: 150_000, host: 'client', perturbation: 'drop', detail: 'the final ACK', seg: ack4 }),
  e({ kind: 'drop', at: 160_000, host: 'r1', seg: ack4, reason: 'perturbation' }),
  e({ kind: 'timer', at: 1_100_000, host: 'server', timer: 'RTO', action: 'expire', expires: 1_100_000, conn: connS }),
  e({ kind: 'send', at: 1_100_000, host: 'server', seg: fin5 }),
  e({ kind: 'deliver', at: 1_150_000, host: 'client', seg: fin5 }),
  e({ kind: 'timer', at: 1_150_000, host: 'client', timer: '2MSL', action: 'restart', expires: 61_150_000, conn: connC }),
  e({ kind: 'send', at: 1_150_000, host: 'client', seg: ack6 }),
];

export const ACK6_IN_FLIGHT: InFlightView = {
  seg: ack6,
  nextNode: 'r2',
  arrives: 1_190_000,
  from: 'client',
  to: 'server',
  looping: false,
  departed: 1_160_000,
};

export const LOOPING: InFlightView = {
  seg: seg(9, 'client', ['ACK'], 1002, 5002, 1_150_000, { ttl: 47, data: 'hello' }),
  nextNode: 'r1',
  arrives: 1_400_000,
  from: 'client',
  to: 'server',
  looping: true,
  departed: 1_200_000,
};

export function snapshotAt(now: number, inFlight: InFlightView[] = [ACK6_IN_FLIGHT]): SimSnapshot {
  return {
    now,
    step: step,
    quiet: false,
    policies: { ...DEFAULT_POLICIES },
    inFlight,
    hosts: {
      client: {
        name: 'client',
        ip: '12.106.32.254',
        up: true,
        listening: [],
        connections: [
          {
            host: 'client',
            conn: connC,
            state: 'TIME_WAIT',
            iss: 1000,
            irs: 5000,
            sndUna: 1002,
            sndNxt: 1002,
            rcvNxt: 5002,
            timers: [{ name: '2MSL', startedAt: 1_150_000, expires: 61_150_000 }],
            lastTransition: { from: 'FIN_WAIT_2', to: 'TIME_WAIT', at: 150_000 },
            received: 'hello',
          },
        ],
      },
      server: {
        name: 'server',
        ip: '206.168.112.219',
        up: true,
        listening: [21],
        connections: [
          {
            host: 'server',
            conn: connS,
            state: 'LAST_ACK',
            iss: 5000,
            irs: 1000,
            sndUna: 5001,
            sndNxt: 5002,
            rcvNxt: 1002,
            timers: [{ name: 'RTO', startedAt: 1_100_000, expires: 3_100_000 }],
            lastTransition: { from: 'CLOSE_WAIT', to: 'LAST_ACK', at: 100_000 },
            received: '',
          },
        ],
      },
    },
  };
}
