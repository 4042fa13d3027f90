/** The event log: one plain sentence per trace event, newest at the bottom, scrollable. */
import { Box, Text } from 'ink';
import type { TraceEvent } from '../../sim/trace.js';
import { describeEvent, fmtSeconds } from '../format.js';
import { isVisibleEvent } from '../simTypes.js';
import { GLYPHS, useTheme, type Style, type Theme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { memo } from 'react';

function styleOf(ev: TraceEvent, theme: Theme): Style {
  switch (ev.kind) {
    case 'drop':
      return theme.lost;
    case 'alert':
      return theme.alert;
    case 'state':
      return theme.state(ev.to);
    case 'perturb':
      return theme.accent;
    case 'send':
      return ev.seg.retransmitOf !== undefined ? theme.retransmission : {};
    default:
      return {};
  }
}

function EventLogView({ width, height, scroll, focused, highlight }: { width: number; height: number; scroll: number; focused?: boolean; highlight?: number | null }) {
  const theme = useTheme();
  const { trace, traceLength } = useSimSelector((s) => ({ trace: s.trace, traceLength: s.traceLength }));
  const rows = Math.max(0, height - 1);
  // Walk back from the end only as far as the window needs: the trace can be long.
  const picked: { ev: TraceEvent; index: number }[] = [];
  let skip = scroll;
  for (let i = traceLength - 1; i >= 0 && picked.length < rows; i--) {
    const ev = trace[i]!;
    if (!isVisibleEvent(ev)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    picked.unshift({ ev, index: i });
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text wrap="truncate" {...(focused ? theme.focus : theme.heading)}>
        {`${focused ? '› ' : ''}Event log${scroll > 0 ? ` (${scroll} back, f follows)` : ''}`}
      </Text>
      {picked.map(({ ev, index }, i) => {
        // A search match is marked with a glyph as well as inverse video, for NO_COLOR too.
        const found = index === highlight;
        return (
          <Text key={i} wrap="truncate">
            <Text {...theme.muted}>{found ? `${GLYPHS.focus}${fmtSeconds(ev.at).padStart(7)} ` : `${fmtSeconds(ev.at).padStart(8)} `}</Text>
            <Text {...styleOf(ev, theme)} {...(found ? theme.selected : {})}>
              {describeEvent(ev)}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}

/** Redrawn only when its props or its slice of the simulation change, not on every key. */
export const EventLog = memo(EventLogView);
