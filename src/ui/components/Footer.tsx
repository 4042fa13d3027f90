/** The key footer, generated from the binding table for the contexts of the current screen. */
import { Text } from 'ink';
import { footerBindings, footerWord, type KeyContext } from '../keys/bindings.js';
import { useTheme } from '../theme.js';

export function footerText(contexts: readonly KeyContext[], width: number): Array<{ key: string; word: string }> {
  const all = footerBindings([...contexts, 'global']);
  // help and quit always fit: they are how a lost learner finds everything else.
  const must = all.filter((b) => b.action === 'help' || b.action === 'quit');
  const rest = all.filter((b) => b.action !== 'help' && b.action !== 'quit');
  const items = [...rest, ...must].map((b) => ({ key: b.label, word: footerWord(b) }));
  const len = (xs: typeof items) => xs.reduce((n, x) => n + x.key.length + x.word.length + 3, 0);
  const shown = [...items];
  while (shown.length > must.length && len(shown) > width) shown.splice(shown.length - must.length - 1, 1);
  return shown;
}

export function Footer({ contexts, width, message }: { contexts: readonly KeyContext[]; width: number; message?: string | null }) {
  const theme = useTheme();
  if (message) {
    return (
      <Text wrap="truncate" {...theme.accent}>
        {message}
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      {footerText(contexts, width).map((x, i) => (
        <Text key={i}>
          <Text {...theme.focus}>{x.key}</Text>
          <Text {...theme.muted}>{` ${x.word}  `}</Text>
        </Text>
      ))}
    </Text>
  );
}
