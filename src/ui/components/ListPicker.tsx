/** A windowed list with a cursor: the body of the perturb menu, inspect and scenario pickers. */
import { Box, Text } from 'ink';
import { GLYPHS, useTheme } from '../theme.js';

export interface ListPickerProps {
  title: string;
  items: readonly string[];
  cursor: number;
  width: number;
  height: number;
  /** Shown above the list (e.g. the tab strip). */
  subtitle?: string;
}

export function ListPicker({ title, items, cursor, width, height, subtitle }: ListPickerProps) {
  const theme = useTheme();
  const room = Math.max(1, height - 1 - (subtitle ? 1 : 0));
  const top = Math.min(Math.max(0, cursor - room + 1), Math.max(0, items.length - room));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate" {...theme.heading}>
        {title}
      </Text>
      {subtitle && (
        <Text wrap="truncate" {...theme.accent}>
          {subtitle}
        </Text>
      )}
      {items.length === 0 && <Text {...theme.muted}>(nothing to choose)</Text>}
      {items.slice(top, top + room).map((it, i) => {
        const sel = top + i === cursor;
        return (
          <Text key={top + i} wrap="truncate" {...(sel ? theme.selected : {})}>
            {`${sel ? GLYPHS.focus : ' '} ${it}`}
          </Text>
        );
      })}
    </Box>
  );
}
