/** Shown instead of any screen when the terminal is smaller than the layout needs. */
import { Box, Text } from 'ink';
import { useKeys } from '../keys/useKeys.js';
import { MIN_COLUMNS, MIN_ROWS } from '../useTerminalSize.js';

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  useKeys([], () => {});
  return (
    <Box flexDirection="column" width={Math.max(10, columns)}>
      <Text wrap="wrap">
        The terminal is too small: {columns}x{rows}. tcp-timewait needs at least {MIN_COLUMNS}x{MIN_ROWS}.
      </Text>
      <Text wrap="wrap">Make the window larger, or press q to quit.</Text>
    </Box>
  );
}
