/**
 * The TCP state diagram, drawn from the simulation's own transition table (src/sim/transitionTable.ts
 * through ../stateDiagram/). Each endpoint's current state is inverse with a mark (◂c client,
 * ◂s server, cs both), the arc of its last transition is bold, and the last line writes both
 * transitions out, so the highlight never has to be read from colour alone.
 */
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { ConnectionView } from '../../sim/view.js';
import { drawDiagram, type DiagramMarks } from '../stateDiagram/draw.js';
import { useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { StyledLine } from './StyledLine.js';

function latest(conns: readonly ConnectionView[]): ConnectionView | undefined {
  return conns[conns.length - 1];
}

const marksOf = (c: ConnectionView | undefined): DiagramMarks['client'] => ({
  state: c?.state ?? 'CLOSED',
  last: c?.lastTransition,
});

function transitionText(who: string, c: ConnectionView | undefined): string {
  return c?.lastTransition ? `${who}: ${c.lastTransition.from} → ${c.lastTransition.to}` : `${who}: ${c?.state ?? 'CLOSED'}`;
}

function StateDiagramView({ width, height }: { width: number; height: number }) {
  const theme = useTheme();
  const { client, server } = useSimSelector((s) => ({
    client: latest(s.snapshot.hosts.client.connections),
    server: latest(s.snapshot.hosts.server.connections),
  }));
  const grid = useMemo(() => drawDiagram({ client: marksOf(client), server: marksOf(server) }, theme), [client, server, theme]);
  const lines = grid.slice(0, Math.max(0, height - 1)).map((row) => row.slice(0, width));
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {lines.map((cells, i) => (
        <StyledLine key={i} cells={cells} />
      ))}
      <Text wrap="truncate">
        <Text {...theme.heading}>last: </Text>
        <Text>{`${transitionText('c=client', client)}   ${transitionText('s=server', server)}`}</Text>
      </Text>
    </Box>
  );
}

/** Redrawn only when its props or its slice of the simulation change, not on every key. */
export const StateDiagram = memo(StateDiagramView);
