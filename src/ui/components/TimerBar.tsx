/**
 * A countdown bar in simulated time, drawn against a scale that every timer on the screen shares,
 * so a 60 s 2MSL wait is a quarter of the length of a 4 min one, and the bar drains as the wait
 * runs out. The track (░) is the timer's whole length; the solid part (█, with an eighth-cell
 * edge) is what is left; dots run on to the end of the scale, which is labelled ("│4m").
 * The time left is also written as a number, so the bar is never the only carrier.
 */
import { Text } from 'ink';
import { fmtDuration } from '../format.js';
import { GLYPHS, useTheme } from '../theme.js';

export function barText(fraction: number, width: number): string {
  const w = Math.max(1, width);
  const full = Math.round(Math.min(1, Math.max(0, fraction)) * w);
  return GLYPHS.barFull.repeat(full) + GLYPHS.barEmpty.repeat(w - full);
}

const SECOND = 1_000_000;
/** Scale ends a reader can take in at a glance, in seconds. */
const NICE = [1, 2, 5, 10, 15, 30, 60, 120, 240, 300, 600, 900, 1800, 3600, 7200, 14_400, 86_400];
/** RFC 793's 2MSL (MSL = 2 min): whenever a 2MSL timer shows, the scale reaches at least this far. */
export const TWO_MSL_SCALE = 240 * SECOND;

/** The shared scale for timers of these names and lengths (µs): a nice value no shorter than any. */
export function timerScale(timers: ReadonlyArray<{ name: string; total: number }>): number {
  let need = 0;
  for (const t of timers) need = Math.max(need, t.total, t.name === '2MSL' ? TWO_MSL_SCALE : 0);
  const s = NICE.find((n) => n * SECOND >= need);
  return (s ?? Math.ceil(need / 86_400 / SECOND) * 86_400) * SECOND;
}

/** "4m", "30s", "1h", for the end of the scale. */
export function scaleLabel(us: number): string {
  const s = Math.round(us / SECOND);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  return `${Math.round(s / 3600)}h`;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The bar's cells: `left` solid, the rest of `total` as track, the rest of the scale dotted. */
export function scaleBar(left: number, total: number, scale: number, cells: number): { solid: string; track: string; rest: string } {
  const per = scale / cells;
  const trackCells = Math.min(cells, Math.max(1, Math.round(total / per)));
  const eighths = Math.min(trackCells * 8, Math.max(left > 0 ? 1 : 0, Math.round((left / per) * 8)));
  const whole = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8]!;
  const solid = GLYPHS.barFull.repeat(whole) + part;
  const used = whole + (part ? 1 : 0);
  return { solid, track: GLYPHS.barEmpty.repeat(Math.max(0, trackCells - used)), rest: '·'.repeat(cells - Math.max(trackCells, used)) };
}

/** Cells for the bar in a panel this wide; steps, so two panels a column apart draw the same. */
export function barCells(width: number): number {
  for (const [min, cells] of [[64, 32], [52, 24], [44, 20], [36, 12]] as const) if (width >= min) return cells;
  return Math.max(4, width - 26);
}

export interface TimerBarProps {
  name: string;
  startedAt: number;
  expires: number;
  clock: number;
  width: number;
  /** The screen's shared scale (µs); see timerScale. */
  scale: number;
}

export function TimerBar({ name, startedAt, expires, clock, width, scale }: TimerBarProps) {
  const theme = useTheme();
  const total = Math.max(1, expires - startedAt);
  const left = Math.min(total, Math.max(0, expires - clock));
  const bar = scaleBar(left, total, scale, barCells(width));
  return (
    <Text wrap="truncate">
      <Text {...theme.timer(name)}>{`${GLYPHS.timer}${name.padEnd(4)} `}</Text>
      <Text {...theme.muted}>│</Text>
      <Text {...theme.timer(name)}>{bar.solid}</Text>
      <Text {...theme.timer(name)}>{bar.track}</Text>
      <Text {...theme.muted}>{`${bar.rest}│${scaleLabel(scale).padEnd(3)}`}</Text>
      <Text>{` ${fmtDuration(left).padStart(6)} left`}</Text>
    </Text>
  );
}
