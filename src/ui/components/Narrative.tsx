/** The lesson text of the current step, Markdown rendered for the terminal, scrollable. */
import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { renderMarkdown, type MdLine } from '../markdown.js';
import { useTheme, type Theme } from '../theme.js';

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
  /**
   * Names what is newest at the end of `extra` (an answer, a hint, a result). When it changes,
   * the pane scrolls so that the end of `extra` sits on its last row, and reports the new
   * scroll through `onScroll` so the learner scrolls on from there.
   */
  newsKey?: string | undefined;
  onScroll?: ((top: number) => void) | undefined;
}

/** The pane's lines: the text and the task, in the order the step wants. */
export function narrativeLines(markdown: string | readonly MdLine[], width: number, theme: Theme, extra: readonly MdLine[], extraFirst?: boolean): { lines: MdLine[]; extraEnd: number } {
  const text = typeof markdown === 'string' ? renderMarkdown(markdown, width - 1, theme) : markdown;
  const gap: MdLine[] = text.length && extra.length ? [[]] : [];
  const lines = extraFirst ? [...extra, ...gap, ...text] : [...text, ...gap, ...extra];
  return { lines, extraEnd: extraFirst ? extra.length : lines.length };
}

export function Narrative({ title, markdown, width, height, scroll, focused, extra = [], extraFirst, newsKey, onScroll }: NarrativeProps) {
  const theme = useTheme();
  const text = useMemo(() => renderMarkdown(markdown, width - 1, theme), [markdown, width, theme]);
  const { lines, extraEnd } = narrativeLines(text, width, theme, extra, extraFirst);
  const room = Math.max(0, height - 1);
  const maxScroll = Math.max(0, lines.length - room);
  // Scroll to the news once per new key; until the reported scroll comes back, show it anyway.
  const shownNews = useRef<string | undefined>(undefined);
  const newsTop = Math.min(maxScroll, Math.max(0, extraEnd - room));
  const fresh = newsKey !== undefined && newsKey !== shownNews.current;
  useEffect(() => {
    if (!fresh) return;
    shownNews.current = newsKey;
    onScroll?.(newsTop);
  });
  const top = fresh ? newsTop : Math.min(scroll, maxScroll);
  const shown = lines.slice(top, top + room);
  const more = lines.length - (top + shown.length);
  const above = top > 0 ? `  (↑ ${top})` : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text wrap="truncate" {...(focused ? theme.focus : theme.heading)}>
        {`${focused ? '› ' : ''}${title ?? 'Lesson'}${above}${more > 0 ? `  (↓ ${more} more)` : ''}`}
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
