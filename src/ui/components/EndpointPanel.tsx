/**
 * One endpoint: its address, each connection's state (with the transition that led there) and
 * its running timers as countdown bars on one scale shared with the other endpoint's panel. The
 * 2MSL bar is the one the course is about.
 */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { memo } from 'react';
import type { HostName } from '../../sim/types.js';
import { fmtSeconds } from '../format.js';
import { stateCounts } from '../../diagram/connections.js';
import { GLYPHS, useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { TimerBar, timerScale } from './TimerBar.js';

export interface EndpointPanelProps {
  host: HostName;
  width: number;
  height: number;
}

function EndpointPanelView({ host, width, height }: EndpointPanelProps) {
  const theme = useTheme();
  const { view, clock, scale } = useSimSelector((s) => ({
    view: s.snapshot.hosts[host],
    clock: s.clock,
    // One scale for both panels, so the client's and the server's bars can be compared.
    scale: timerScale(
      Object.values(s.snapshot.hosts).flatMap((h) => h.connections.flatMap((c) => c.timers.map((t) => ({ name: t.name, total: t.expires - t.startedAt })))),
    ),
  }));
  const lines: ReactElement[] = [];
  const port = view.connections[0]?.conn.local.split(':')[1];
  lines.push(
    <Text key="h" wrap="truncate">
      <Text {...theme.heading}>{host}</Text>
      <Text {...theme.muted}>{` ${view.ip}${port ? `:${port}` : ''}`}</Text>
      {!view.up && <Text {...theme.bad}>{` ${GLYPHS.lost} crashed`}</Text>}
      {view.listening.length > 0 && <Text {...theme.muted}>{` listening :${view.listening.join(',')}`}</Text>}
    </Text>,
  );
  // With several connections, counts by state first, like `ss -s`: "213 TIME_WAIT, 1 ESTABLISHED".
  if (view.connections.length > 1) {
    lines.push(
      <Text key="counts" wrap="truncate">
        <Text {...theme.muted}>{`${view.connections.length} conns: `}</Text>
        <Text>{stateCounts(view.connections.map((c) => c.state))}</Text>
      </Text>,
    );
  }
  // Newest connection first: after a reconnect the new incarnation is what the learner watches.
  const conns = [...view.connections].reverse();
  if (conns.length === 0) {
    lines.push(
      <Text key="none" wrap="truncate">
        <Text {...theme.state(view.listening.length ? 'LISTEN' : 'CLOSED')}>{view.listening.length ? 'LISTEN' : 'CLOSED'}</Text>
        <Text {...theme.muted}> no connection</Text>
      </Text>,
    );
  }
  // Only as many lines as fit are built: a churn run can leave hundreds of connections behind.
  // Keys carry the position too, since two connections can share an incarnation number.
  for (const [i, c] of conns.entries()) {
    if (lines.length >= height) break;
    const lt = c.lastTransition;
    lines.push(
      <Text key={`s${i}.${c.conn.incarnation}`} wrap="truncate">
        <Text {...theme.state(c.state)}>{c.state === 'TIME_WAIT' ? `${GLYPHS.timer} ${c.state}` : c.state}</Text>
        <Text {...theme.muted}>{` #${c.conn.incarnation}`}</Text>
        {lt && <Text {...theme.muted}>{` ← ${lt.from} ${fmtSeconds(lt.at)}`}</Text>}
      </Text>,
    );
    for (const t of c.timers) {
      lines.push(<TimerBar key={`t${i}.${c.conn.incarnation}${t.name}`} name={t.name} startedAt={t.startedAt} expires={t.expires} clock={clock} width={width} scale={scale} />);
    }
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {lines.slice(0, height)}
    </Box>
  );
}

/** Redrawn only when its props or its slice of the simulation change, not on every key. */
export const EndpointPanel = memo(EndpointPanelView);
