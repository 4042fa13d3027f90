/** The five experiment views of the live lab, each drawn from its latest records. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { ExperimentName, LabRecord } from '../../lab/records.js';
import { formatCounts } from '../../lab/socketTable.js';
import { barText } from '../components/TimerBar.js';
import { GLYPHS, useTheme } from '../theme.js';
import { all, latest } from './labView.js';

const INTRO: Record<ExperimentName, string> = {
  'who-waits':
    'A client and a server on 127.0.0.1 exchange a line and close: first the client closes first, then the server. The kernel shows whose socket waits in TIME_WAIT.',
  'how-long': 'The client closes first; the lab then reads its socket\'s TIME_WAIT timer from the kernel until the socket is gone (about a minute), beside the simulator\'s 2MSL.',
  reconnect: 'Close, then connect again at once from the same local port while the pair is in TIME_WAIT: without and with SO_REUSEADDR, and with the server holding the state.',
  many: 'Open and close N short connections to one server port, then count the lab\'s sockets by state, like ss -s. Change N with + and -.',
  settings: 'The kernel settings that bear on TIME_WAIT, read only, each in one line.',
};

const secs = (x: number | null | undefined) => (x === null || x === undefined ? '?' : `${x.toFixed(2)} s`);

export function LabPanel({ name, records, width, count }: { name: ExperimentName; records: LabRecord[] | undefined; width: number; count: number }) {
  const theme = useTheme();
  const problem = latest(records, 'unavailable') ?? latest(records, 'error');
  const intro = (
    <Text {...theme.muted} wrap="wrap">
      {INTRO[name]}
      {name === 'many' ? ` N = ${count}.` : ''}
      {!records ? ' Press enter to run it.' : ''}
    </Text>
  );
  let body: ReactElement | null = null;
  switch (name) {
    case 'who-waits':
      body = <WhoWaits records={records} />;
      break;
    case 'how-long':
      body = <HowLong records={records} width={width} />;
      break;
    case 'reconnect':
      body = <Reconnect records={records} />;
      break;
    case 'many':
      body = <Many records={records} />;
      break;
    case 'settings':
      body = <Settings records={records} />;
      break;
  }
  return (
    <Box flexDirection="column" width={width}>
      {intro}
      {problem && (
        <Text {...theme.bad} wrap="wrap">
          {`${GLYPHS.alert} ${problem.kind === 'unavailable' ? problem.reason : `The experiment stopped: ${problem.message}`}`}
        </Text>
      )}
      {body}
    </Box>
  );
}

function WhoWaits({ records }: { records: LabRecord[] | undefined }) {
  const theme = useTheme();
  return (
    <>
      {all(records, 'close').map((r) => (
        <Box key={r.closer} flexDirection="column" marginTop={1}>
          <Text {...theme.strong} wrap="truncate">{`${r.closer === 'client' ? 'Client' : 'Server'} closes first  (client ${r.client}, server ${r.server})`}</Text>
          {(['client', 'server'] as const).map((side) => (
            <Text key={side} wrap="truncate">
              {`  ${side.padEnd(7)} `}
              <Text {...(r.observed[side] === 'CLOSED' ? theme.muted : theme.state(r.observed[side] as 'TIME_WAIT'))}>{r.observed[side].padEnd(11)}</Text>
              {r.observed[side] === 'TIME_WAIT' && r.observed.timerSeconds !== null ? `${GLYPHS.timer} ${secs(r.observed.timerSeconds)} left` : ''}
              {r.observed[side] === 'CLOSED' ? ' gone from the kernel\'s table' : ''}
            </Text>
          ))}
          <Text wrap="truncate">
            {`  simulator (linux): the ${r.predicted.waiter} waits ${r.predicted.timeWaitSeconds ?? '?'} s  `}
            <Text {...(r.match ? theme.ok : theme.bad)}>{r.match ? `${GLYPHS.done} the kernel agrees` : `${GLYPHS.wrong} the kernel differs`}</Text>
          </Text>
        </Box>
      ))}
    </>
  );
}

function HowLong({ records, width }: { records: LabRecord[] | undefined; width: number }) {
  const theme = useTheme();
  const tick = latest(records, 'tick');
  const gone = latest(records, 'gone');
  const cells = Math.max(10, Math.min(40, width - 40));
  const predicted = gone?.predictedSeconds ?? 60;
  if (!tick && !gone) return null;
  const kernelLeft = gone ? 0 : tick?.remainingSeconds ?? null;
  const simLeft = gone ? 0 : tick?.predictedRemainingSeconds ?? null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate">{`Client ${tick?.client ?? gone?.client}, after closing first: ${gone ? (gone.timedOut ? 'still TIME_WAIT' : "gone from the kernel's table") : `${tick!.state}, ${tick!.elapsedSeconds.toFixed(0)} s since the close`}`}</Text>
      <Text wrap="truncate">
        <Text {...theme.timer('2MSL')}>{'kernel     '}</Text>
        <Text {...theme.timer('2MSL')}>{barText((kernelLeft ?? 0) / predicted, cells)}</Text>
        {` ${secs(kernelLeft).padStart(8)} left`}
      </Text>
      <Text wrap="truncate">
        <Text {...theme.accent}>{'simulator  '}</Text>
        <Text {...theme.accent}>{barText((simLeft ?? 0) / predicted, cells)}</Text>
        {` ${secs(simLeft).padStart(8)} left`}
      </Text>
      <Text {...theme.muted} wrap="wrap">
        The kernel&apos;s figure is the socket&apos;s timer in /proc/net/tcp, in USER_HZ ticks of 1/100 s (the kernel converts with jiffies_delta_to_clock_t); the simulator&apos;s is its linux preset, where TIME_WAIT is a fixed 60 s.
      </Text>
      {gone && (
        <Text {...theme.ok} wrap="wrap">
          {gone.timedOut
            ? 'The socket was still in TIME_WAIT when the lab stopped watching.'
            : `TIME_WAIT really lasted ${secs(gone.measuredSeconds)} in your kernel; the simulator's 2MSL is ${secs(gone.predictedSeconds)}.`}
        </Text>
      )}
      {gone && !gone.timedOut && gone.measuredSeconds !== null && gone.predictedSeconds !== null && gone.measuredSeconds > gone.predictedSeconds && (
        <Text {...theme.muted} wrap="wrap">
          Long kernel timers fire a little late: the timer wheel rounds them up.
        </Text>
      )}
    </Box>
  );
}

function Reconnect({ records }: { records: LabRecord[] | undefined }) {
  const theme = useTheme();
  return (
    <>
      {all(records, 'reconnect').map((r, i) => (
        <Box key={i} flexDirection="column" marginTop={1}>
          <Text wrap="truncate">
            {`${r.holder === 'client' ? `Client waits, ${r.reuse ? 'SO_REUSEADDR' : 'no reuse'}` : 'Server waits'}, port ${r.localPort} ${GLYPHS.arrowRight} `}
            <Text {...(r.errno ? theme.bad : theme.ok)}>{r.errno ?? 'connected'}</Text>
            <Text {...theme.muted}>{` (simulator: ${r.predicted})`}</Text>
          </Text>
          <Box paddingLeft={2}>
            <Text wrap="wrap">{r.explanation}</Text>
          </Box>
        </Box>
      ))}
    </>
  );
}

function Many({ records }: { records: LabRecord[] | undefined }) {
  const theme = useTheme();
  const p = latest(records, 'progress');
  const s = latest(records, 'summary');
  if (!p && !s) return null;
  const range = s?.portRange;
  return (
    <Box flexDirection="column" marginTop={1}>
      {p && <Text wrap="truncate">{`${p.done}/${p.of} connections opened and closed`}</Text>}
      <Text wrap="truncate">
        {'States of the lab\'s sockets: '}
        <Text {...theme.state('TIME_WAIT')}>{formatCounts((s ?? p)!.counts)}</Text>
      </Text>
      {s && <Text wrap="truncate">{`The whole machine, as ss -s counts it: ${formatCounts(s.machine)}`}</Text>}
      {s?.ports && <Text wrap="truncate">{`Client ports used: ${s.ports.lowest}-${s.ports.highest}, ${s.ports.distinct} distinct${s.failed ? `; ${s.failed} failed` : ''}`}</Text>}
      {range && (
        <Text wrap="wrap">
          {`Ephemeral range ${range[0]}-${range[1]}: ${range[1] - range[0] + 1} ports. Each waits 60 s in TIME_WAIT, so one client can open about ${Math.floor((range[1] - range[0] + 1) / 60)} connections a second to one server address and port.`}
        </Text>
      )}
    </Box>
  );
}

function Settings({ records }: { records: LabRecord[] | undefined }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      {all(records, 'sysctl').map((r) => (
        <Text key={r.name} wrap="wrap">
          <Text {...theme.code}>{`${r.name} = ${r.value ?? '?'}`}</Text>
          {`  ${r.explanation}`}
        </Text>
      ))}
    </Box>
  );
}
