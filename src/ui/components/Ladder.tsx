/**
 * The ladder diagram: client and server time lines with segments sloping between them. Follows
 * "now" unless scrolled back (`scroll` rows); the layout itself is the pure engine in
 * src/diagram/layout.ts. Labels with no room are listed as notes on the ladder's last rows.
 */
import { Box, Text } from 'ink';
import { memo, useRef } from 'react';
import { connTag } from '../../diagram/connections.js';
import { wrapText } from '../../diagram/format.js';
import { layoutLadder } from '../ladder/layoutLadder.js';
import { useLadderRows } from '../ladder/useLadderRows.js';
import { useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { StyledLine } from './StyledLine.js';

export interface LadderProps {
  width: number;
  height: number;
  scroll: number;
  /** Draw the routers r1 and r2 (the network view). */
  network?: boolean | undefined;
  /** Index of the focused connection, or null/undefined for all. */
  conn?: number | null | undefined;
  /** A trace index (a search match): its segment is marked and scrolled into view. */
  highlight?: number | null | undefined;
}

/** At most this many rows go to notes for labels that had no room. */
const NOTE_ROWS = 2;

function LadderView({ width, height, scroll, network, conn, highlight }: LadderProps) {
  const theme = useTheme();
  const { trace, traceLength, traceVersion, inFlight, clock } = useSimSelector((s) => ({
    trace: s.trace,
    traceLength: s.traceLength,
    traceVersion: s.traceVersion,
    inFlight: s.snapshot.inFlight,
    clock: s.clock,
  }));
  // Grouped rows follow the trace a step at a time, not rebuilt on every frame.
  const data = useLadderRows(trace, traceLength, traceVersion);
  const focus = conn !== null && conn !== undefined && data.conns.length > 1 ? data.conns[conn % data.conns.length]! : null;
  // The view's first row while following, so it stays put until "now" runs off the bottom.
  const followFrom = useRef<number | undefined>(undefined);
  const matched = highlight === null || highlight === undefined ? undefined : trace[highlight];
  const litSeg = matched && 'seg' in matched && matched.seg ? matched.seg.id : null;
  const input = { trace, inFlight, clock, width, scroll, theme, data, followFrom: followFrom.current, focus, network: !!network, highlight: litSeg };
  let grid = layoutLadder({ ...input, height });
  let notes: string[] = [];
  if (grid.footnotes.length > 0 && height > 6) {
    notes = wrapText(`notes: ${grid.footnotes.join(' · ')}`, width).slice(0, NOTE_ROWS);
    grid = layoutLadder({ ...input, height: height - notes.length });
  }
  followFrom.current = grid.scroll === 0 ? grid.first : undefined;
  const scrolled = grid.scroll > 0;
  const focusNote = focus ? `focus ${connTag(focus)} (${(conn! % data.conns.length) + 1} of ${data.conns.length}) · a: all` : '';
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <StyledLine cells={grid.header} />
      {grid.lines.map((cells, i) => (
        <StyledLine key={i} cells={cells} />
      ))}
      {notes.length > 0 && <Box flexGrow={1} />}
      {notes.map((line, i) => (
        <Text key={`n${i}`} {...theme.muted} wrap="truncate">
          {line}
        </Text>
      ))}
      {scrolled && (
        <Box position="absolute" marginLeft={Math.max(0, width - 30)}>
          <Text {...theme.accent}>{`↑ ${grid.scroll} rows back · f follows`}</Text>
        </Box>
      )}
      {focusNote && !scrolled && (
        // In the header, between the client's and the server's headings.
        <Box position="absolute" marginLeft={grid.cx + 2}>
          <Text {...theme.accent}>{focusNote.slice(0, Math.max(0, grid.sx - grid.cx - 3))}</Text>
        </Box>
      )}
    </Box>
  );
}

/** Redrawn only when its props or its slice of the simulation change, not on every key. */
export const Ladder = memo(LadderView);
