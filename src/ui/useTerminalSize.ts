/**
 * The terminal's size, kept current on resize. Ink redraws on resize itself; this hook makes the
 * layout follow. Falls back to 80x24 when the stream does not know (a pipe, a test double).
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface TermSize {
  columns: number;
  rows: number;
}

function read(out: NodeJS.WriteStream | undefined): TermSize {
  return { columns: out?.columns || MIN_COLUMNS, rows: out?.rows || MIN_ROWS };
}

export function useTerminalSize(): TermSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState<TermSize>(() => read(stdout));
  useEffect(() => {
    const on = () => setSize((prev) => {
      const next = read(stdout);
      return prev.columns === next.columns && prev.rows === next.rows ? prev : next;
    });
    stdout.on('resize', on);
    on();
    return () => {
      stdout.off('resize', on);
    };
  }, [stdout]);
  return size;
}
