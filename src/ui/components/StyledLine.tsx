/**
 * Renders one row of styled cells as the fewest <Text> runs (cells with equal style merge).
 * The runs are siblings in a row, not nested in one <Text>: Ink measures each text's width on
 * every frame, and a plain-ASCII run (a label) then takes string-width's fast path instead of
 * being segmented grapheme by grapheme along with the box-drawing characters around it.
 */
import { Box, Text } from 'ink';
import type { Cell } from '../ladder/layoutLadder.js';
import type { Style } from '../theme.js';

const key = (s: Style | undefined): string => (s ? JSON.stringify(s) : '');

export function toRuns(cells: readonly Cell[]): Array<{ text: string; style: Style | undefined }> {
  const runs: Array<{ text: string; style: Style | undefined; k: string }> = [];
  for (const c of cells) {
    const k = key(c.style);
    const last = runs[runs.length - 1];
    if (last && last.k === k) last.text += c.ch;
    else runs.push({ text: c.ch, style: c.style, k });
  }
  // Trailing blanks carry no information and only make frames wider than they need to be.
  const lastRun = runs[runs.length - 1];
  if (lastRun && !lastRun.style) lastRun.text = lastRun.text.trimEnd();
  return runs.map(({ text, style }) => ({ text, style }));
}

export function StyledLine({ cells }: { cells: readonly Cell[] }) {
  return (
    <Box height={1} flexShrink={0}>
      {toRuns(cells).map((r, i) => (
        <Text key={i} wrap="truncate" {...(r.style ?? {})}>
          {r.text}
        </Text>
      ))}
    </Box>
  );
}
