/**
 * A countdown bar in simulated time: full when the timer starts, empty when it fires. The time
 * left is also written as a number, so the bar is never the only carrier of the information.
 */
import { Text } from 'ink';
import { fmtDuration } from '../format.js';
import { GLYPHS, useTheme } from '../theme.js';

export function barText(fraction: number, width: number): string {
  const w = Math.max(1, width);
  const full = Math.round(Math.min(1, Math.max(0, fraction)) * w);
  return GLYPHS.barFull.repeat(full) + GLYPHS.barEmpty.repeat(w - full);
}

export interface TimerBarProps {
  name: string;
  startedAt: number;
  expires: number;
  clock: number;
  width: number;
}

export function TimerBar({ name, startedAt, expires, clock, width }: TimerBarProps) {
  const theme = useTheme();
  const total = Math.max(1, expires - startedAt);
  const left = Math.max(0, expires - clock);
  const label = `${GLYPHS.timer}${name.padEnd(4)} `;
  const tail = ` ${fmtDuration(left)} of ${fmtDuration(total)}`;
  const barW = Math.max(4, width - label.length - tail.length);
  return (
    <Text wrap="truncate">
      <Text {...theme.timer(name)}>{label}</Text>
      <Text {...theme.timer(name)}>{barText(left / total, barW)}</Text>
      <Text>{tail}</Text>
    </Text>
  );
}
