/** Every key binding, grouped by where it applies, generated from the binding table. */
import { Box, Text } from 'ink';
import { BINDINGS, CONTEXT_TITLES, HELP_ALSO, PRINTABLE, type KeyContext } from '../keys/bindings.js';
import { useTheme } from '../theme.js';

export function helpLines(contexts: readonly KeyContext[]): Array<{ heading?: string; key?: string; text?: string }> {
  const out: Array<{ heading?: string; key?: string; text?: string }> = [];
  for (const ctx of contexts.flatMap((c) => [c, ...(HELP_ALSO[c] ?? [])])) {
    const bs = BINDINGS.filter((b) => b.context === ctx);
    if (bs.length === 0) continue;
    out.push({ heading: CONTEXT_TITLES[ctx] });
    for (const b of bs) out.push({ key: b.keys.map(prettyKey).join(' '), text: b.description });
  }
  return out;
}

function prettyKey(k: string): string {
  const names: Record<string, string> = { right: '→', left: '←', up: '↑', down: '↓', enter: 'enter', escape: 'esc', space: 'space', [PRINTABLE]: 'any letter' };
  return names[k] ?? k;
}

export function HelpScreen({ contexts, width, height, scroll }: { contexts: readonly KeyContext[]; width: number; height: number; scroll: number }) {
  const theme = useTheme();
  const lines = helpLines(contexts);
  const room = Math.max(1, height - 2);
  const top = Math.min(scroll, Math.max(0, lines.length - room));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text {...theme.heading}>Keys (esc or ? closes{lines.length > room ? ', ↑/↓ scroll' : ''})</Text>
      {lines.slice(top, top + room).map((l, i) =>
        l.heading ? (
          <Text key={i} {...theme.heading} wrap="truncate">
            {l.heading}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            <Text {...theme.focus}>{`  ${l.key!.padEnd(18)}`}</Text>
            <Text>{l.text}</Text>
          </Text>
        ),
      )}
    </Box>
  );
}
