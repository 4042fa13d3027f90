/** Top line: where we are (lesson and step, or scenario), simulated time, speed, play state. */
import { Box, Text } from 'ink';
import { fmtSeconds, fmtSpeed } from '../format.js';
import { SPEEDS } from '../simController.js';
import { GLYPHS, useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { memo } from 'react';

function HeaderView({ title, width }: { title: string; width: number }) {
  const theme = useTheme();
  const s = useSimSelector((st) => ({
    clock: st.clock,
    playing: st.playing,
    speed: SPEEDS[st.speedIndex] ?? 1,
    skipIdle: st.skipIdle,
    quiet: st.quiet,
    empty: st.quiet && st.traceLength === 0,
  }));
  const play = s.playing
    ? `${GLYPHS.playing} playing`
    : s.empty
      ? `${GLYPHS.notStarted} nothing to run`
      : s.quiet
        ? `${GLYPHS.done} finished`
        : `${GLYPHS.paused} paused`;
  const right = `t=${fmtSeconds(s.clock)}  ${fmtSpeed(s.speed)}${s.skipIdle ? ' skip-idle' : ''}  ${play}`;
  const left = title.length + right.length + 2 > width ? title.slice(0, Math.max(0, width - right.length - 3)) + '…' : title;
  return (
    <Box width={width} height={1} justifyContent="space-between">
      <Text wrap="truncate" {...theme.heading}>
        {left}
      </Text>
      <Text wrap="truncate">
        <Text>{`t=${fmtSeconds(s.clock)}  `}</Text>
        <Text {...theme.accent}>{fmtSpeed(s.speed)}</Text>
        <Text {...theme.muted}>{s.skipIdle ? ' skip-idle' : ''}</Text>
        <Text>{'  '}</Text>
        <Text {...(s.playing ? theme.ok : theme.muted)}>{play}</Text>
      </Text>
    </Box>
  );
}

/** Redrawn only when its props or its slice of the simulation change, not on every key. */
export const Header = memo(HeaderView);
