/**
 * The save/load warning line that App shows above every screen (menu, lesson, quiz, sandbox):
 * "moved aside", "not saved" and the like must not hide on the menu only.
 *
 * API:
 *   wrapWarning(text, width, maxLines?) -> string[]   the lines drawn (App subtracts their count
 *                                                     from the rows it gives the screen)
 *   <StoreWarning lines={...} />
 *
 * The text is wrapped rather than cut, so a full path (which the store puts first) stays
 * readable; long paths break anywhere. At most MAX_WARNING_LINES lines, the last ending in '…'
 * if even that is too little, so a flood of problems cannot eat the screen.
 */
import { Box, Text } from 'ink';
import { GLYPHS, useTheme } from '../theme.js';

export const MAX_WARNING_LINES = 3;

export function wrapWarning(text: string | undefined, width: number, maxLines = MAX_WARNING_LINES): string[] {
  if (!text) return [];
  const room = Math.max(10, width);
  const words = `${GLYPHS.alert} ${text.replace(/\s+/g, ' ').trim()}`.split(' ');
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    if (line && line.length + 1 + word.length <= room) {
      line += ` ${word}`;
      continue;
    }
    if (word.length > room) {
      // A word longer than a line (a deep path) starts right here and is broken where lines
      // end: a word broken anyway need not waste the rest of this line.
      const fits = line ? room - line.length - 1 : 0;
      if (fits > 0) {
        line += ` ${word.slice(0, fits)}`;
        word = word.slice(fits);
      }
      if (line) lines.push(line);
      while (word.length > room) {
        lines.push(word.slice(0, room));
        word = word.slice(room);
      }
      line = word;
      continue;
    }
    if (line) lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, room - 1)}…`;
  return kept;
}

export function StoreWarning(props: { lines: readonly string[] }) {
  const theme = useTheme();
  if (props.lines.length === 0) return null;
  return (
    <Box flexDirection="column">
      {props.lines.map((l, i) => (
        <Text key={i} {...theme.bad} wrap="truncate">
          {l}
        </Text>
      ))}
    </Box>
  );
}
