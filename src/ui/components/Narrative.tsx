/** The lesson text of the current step, Markdown rendered for the terminal, scrollable. */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { renderMarkdown, type MdLine } from '../markdown.js';
import { useTheme } from '../theme.js';

export interface NarrativeProps {
  title?: string | undefined;
  markdown: string;
  width: number;
  height: number;
  scroll: number;
  focused?: boolean;
  /** The step's task (goal, options, feedback), already wrapped; shown before or after the text. */
  extra?: readonly MdLine[];
  extraFirst?: boolean;
}

export function Narrative({ title, markdown, width, height, scroll, focused, extra = [], extraFirst }: NarrativeProps) {
  const theme = useTheme();
  const text = useMemo(() => renderMarkdown(markdown, width - 1, theme), [markdown, width, theme]);
  const gap: MdLine[] = text.length && extra.length ? [[]] : [];
  const lines = extraFirst ? [...extra, ...gap, ...text] : [...text, ...gap, ...extra];
  const room = Math.max(0, height - 1);
  const maxScroll = Math.max(0, lines.length - room);
  const top = Math.min(scroll, maxScroll);
  const shown = lines.slice(top, top + room);
  const more = lines.length - (top + shown.length);
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text wrap="truncate" {...(focused ? theme.focus : theme.heading)}>
        {`${focused ? '› ' : ''}${title ?? 'Lesson'}${more > 0 ? `  (↓ ${more} more)` : ''}`}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l.length === 0 ? ' ' : l.map((s, j) => (
            <Text key={j} {...(s.style ?? {})}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
