/**
 * The TCP state diagram (RFC 9293 §3.3.2, simplified to the arrows this course uses). Each
 * endpoint's current state is marked with a letter (c = client, s = server) and shown inverse;
 * the state it came from is underlined, and its last transition is written out underneath.
 */
import { Box, Text } from 'ink';
import type { TcpState } from '../../sim/tcp/states.js';
import { isTcpState } from '../../sim/tcp/states.js';
import type { ConnectionView } from '../../sim/view.js';
import { useTheme, type Style } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';

/** `{NAME}` is a state box; CLOSED appears twice (start and end) and both are marked. */
export const DIAGRAM: readonly string[] = [
  '                    {CLOSED}',
  '        listen ╱               ╲ connect / SYN',
  '     {LISTEN}                     {SYN_SENT}',
  '  SYN / SYN,ACK ╲               ╱ SYN,ACK / ACK',
  '               {SYN_RECEIVED}   ╱',
  '                    │ ACK     ╱',
  '               {ESTABLISHED}',
  '  close / FIN ╱                  ╲ FIN / ACK',
  ' {FIN_WAIT_1} ─FIN / ACK─▶ {CLOSING}   {CLOSE_WAIT}',
  '   │ ACK                      │ ACK      │ close / FIN',
  ' {FIN_WAIT_2}                 │       {LAST_ACK}',
  '   │ FIN / ACK                ▼          │ ACK',
  ' {TIME_WAIT} ──2MSL timeout──▶ {CLOSED}◀─┘',
];

interface Marks {
  client?: ConnectionView;
  server?: ConnectionView;
}

function latest(conns: readonly ConnectionView[]): ConnectionView | undefined {
  return conns[conns.length - 1];
}

/** Splits a diagram line into literal text and state tokens. */
export function tokens(line: string): Array<{ text: string; state?: TcpState }> {
  const out: Array<{ text: string; state?: TcpState }> = [];
  const re = /\{([A-Z_0-9]+)\}/g;
  let i = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > i) out.push({ text: line.slice(i, m.index) });
    const name = m[1]!;
    if (isTcpState(name)) out.push({ text: name, state: name });
    else out.push({ text: name });
    i = m.index + m[0].length;
  }
  if (i < line.length) out.push({ text: line.slice(i) });
  return out;
}

export function StateDiagram({ width, height }: { width: number; height: number }) {
  const theme = useTheme();
  const m: Marks = useSimSelector((s) => ({
    client: latest(s.snapshot.hosts.client.connections),
    server: latest(s.snapshot.hosts.server.connections),
  }));
  const stateOf = (c: ConnectionView | undefined, fallback: TcpState): TcpState => c?.state ?? fallback;
  const cState = stateOf(m.client, 'CLOSED');
  const sState = stateOf(m.server, 'CLOSED');
  const render = (name: TcpState, key: number) => {
    const atC = cState === name;
    const atS = sState === name;
    const fromC = m.client?.lastTransition?.from === name;
    const fromS = m.server?.lastTransition?.from === name;
    const mark = atC && atS ? 'cs' : atC ? '◂c' : atS ? '◂s' : '  ';
    const style: Style = atC || atS ? { ...theme.state(name), inverse: true, bold: true } : fromC || fromS ? { ...theme.state(name), underline: true } : theme.muted;
    return (
      <Text key={key}>
        <Text {...style}>{name}</Text>
        <Text {...theme.accent}>{mark}</Text>
      </Text>
    );
  };
  const transition = (who: string, c: ConnectionView | undefined) =>
    c?.lastTransition ? `${who}: ${c.lastTransition.from} → ${c.lastTransition.to}` : `${who}: ${c?.state ?? 'CLOSED'}`;
  const lines = DIAGRAM.slice(0, Math.max(0, height - 1));
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {tokens(line).map((t, j) => (t.state ? render(t.state, j) : <Text key={j}>{t.text}</Text>))}
        </Text>
      ))}
      <Text wrap="truncate">
        <Text {...theme.heading}>last: </Text>
        <Text>{`${transition('c=client', m.client)}   ${transition('s=server', m.server)}`}</Text>
      </Text>
    </Box>
  );
}
