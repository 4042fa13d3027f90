/**
 * One run's ladder in the compare view: the one ladder engine (layoutLadder) and the same
 * painting (StyledLine) as the live view, fed the run as it stood at the shared clock and the
 * rows that keep it in step with the other run.
 */
import { Box } from 'ink';
import { layoutLadder } from '../ladder/layoutLadder.js';
import { StyledLine } from '../components/StyledLine.js';
import { useTheme } from '../theme.js';
import type { SideFrame } from './compareFrame.js';

export function CompareLadder({ side, clock, width, height, scroll }: { side: SideFrame; clock: number; width: number; height: number; scroll: number }) {
  const theme = useTheme();
  // Both runs have the same rows (the frame's inserts), so one scroll keeps them in step.
  const grid = layoutLadder({ trace: side.trace, inFlight: side.inFlight, clock, width, height, scroll, theme, data: side.data, insert: side.insert });
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <StyledLine cells={grid.header} />
      {grid.lines.map((cells, i) => (
        <StyledLine key={i} cells={cells} />
      ))}
    </Box>
  );
}
