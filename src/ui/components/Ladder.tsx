/**
 * The ladder diagram: client and server time lines with segments sloping between them. Follows
 * "now" unless scrolled back (`scroll` rows); the layout itself is in ladder/layoutLadder.ts.
 */
import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { buildRows } from '../ladder/ladderRows.js';
import { layoutLadder } from '../ladder/layoutLadder.js';
import { useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { StyledLine } from './StyledLine.js';

export interface LadderProps {
  width: number;
  height: number;
  scroll: number;
}

export function Ladder({ width, height, scroll }: LadderProps) {
  const theme = useTheme();
  const { trace, traceLength, traceVersion, inFlight, clock } = useSimSelector((s) => ({
    trace: s.trace,
    traceLength: s.traceLength,
    traceVersion: s.traceVersion,
    inFlight: s.snapshot.inFlight,
    clock: s.clock,
  }));
  // Grouping rows walks the whole trace: do it when the trace grows, not on every frame.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const data = useMemo(() => buildRows(trace.slice(0, traceLength)), [trace, traceLength, traceVersion]);
  // The view's first row while following, so it stays put until "now" runs off the bottom.
  const followFrom = useRef<number | undefined>(undefined);
  const grid = layoutLadder({ trace, inFlight, clock, width, height, scroll, theme, data, followFrom: followFrom.current });
  followFrom.current = grid.scroll === 0 ? grid.first : undefined;
  const scrolled = grid.scroll > 0;
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <StyledLine cells={grid.header} />
      {grid.lines.map((cells, i) => (
        <StyledLine key={i} cells={cells} />
      ))}
      {scrolled && (
        <Box position="absolute" marginLeft={Math.max(0, width - 30)}>
          <Text {...theme.accent}>{`↑ ${grid.scroll} rows back · f follows`}</Text>
        </Box>
      )}
    </Box>
  );
}
