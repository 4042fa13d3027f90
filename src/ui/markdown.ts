/**
 * Lesson Markdown to terminal lines, via marked's lexer (no HTML). Supports what lessons use:
 * paragraphs, headings, emphasis, strong, inline code, code blocks, lists, block quotes. The
 * output is a list of lines of styled spans, wrapped to a width, so a pane can scroll by line.
 */
import { marked, type Token, type Tokens } from 'marked';
import type { Style, Theme } from './theme.js';

/** Marks a Markdown hard break; a plain newline inside a paragraph is only a space. */
const HARD_BREAK = '\uE000';

export interface Span {
  text: string;
  style?: Style | undefined;
}
export type MdLine = Span[];

function inline(tokens: readonly Token[] | undefined, theme: Theme, base: Style = {}): Span[] {
  const out: Span[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inline((t as Tokens.Strong).tokens, theme, { ...base, ...theme.strong }));
        break;
      case 'em':
        out.push(...inline((t as Tokens.Em).tokens, theme, { ...base, ...theme.emphasis }));
        break;
      case 'codespan':
        out.push({ text: decode((t as Tokens.Codespan).text), style: { ...base, ...theme.code } });
        break;
      case 'link':
        out.push(...inline((t as Tokens.Link).tokens, theme, { ...base, underline: true }));
        break;
      case 'br':
        out.push({ text: HARD_BREAK, style: base });
        break;
      default: {
        const tt = t as Tokens.Text;
        if ('tokens' in tt && tt.tokens && tt.tokens.length) out.push(...inline(tt.tokens, theme, base));
        else out.push({ text: decode(('text' in t ? (t as Tokens.Text).text : t.raw) ?? ''), style: base });
      }
    }
  }
  return out;
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Word-wraps spans to `width` columns, keeping styles; `indent` prefixes continuation lines. */
export function wrapSpans(spans: readonly Span[], width: number, first = '', indent = ''): MdLine[] {
  const lines: MdLine[] = [];
  let line: MdLine = first ? [{ text: first }] : [];
  let col = first.length;
  const push = (text: string, style: Style | undefined) => {
    const last = line[line.length - 1];
    if (last && last.style === style) last.text += text;
    else line.push({ text, style });
    col += text.length;
  };
  const breakLine = () => {
    lines.push(line);
    line = indent ? [{ text: indent }] : [];
    col = indent.length;
  };
  for (const s of spans) {
    const parts = s.text.split(/(\uE000|\s+)/);
    for (const p of parts) {
      if (p === '') continue;
      if (p === HARD_BREAK) {
        breakLine();
        continue;
      }
      if (/^\s+$/.test(p)) {
        if (col > indent.length && col < width) push(' ', s.style);
        continue;
      }
      let word = p;
      if (col + word.length > width && col > indent.length) breakLine();
      // A word longer than a whole line is cut; each piece fills what is left of the line.
      while (word.length > 0 && col + word.length > width) {
        const room = Math.max(1, width - col);
        push(word.slice(0, room), s.style);
        word = word.slice(room);
        breakLine();
      }
      push(word, s.style);
    }
  }
  if (line.length) lines.push(line);
  return lines;
}

export function renderMarkdown(src: string, width: number, theme: Theme): MdLine[] {
  const out: MdLine[] = [];
  const w = Math.max(10, width);
  const blocks = marked.lexer(src);
  const block = (t: Token, prefix = ''): void => {
    switch (t.type) {
      case 'heading':
        out.push(...wrapSpans(inline((t as Tokens.Heading).tokens, theme, theme.heading), w, prefix, prefix));
        break;
      case 'paragraph':
        out.push(...wrapSpans(inline((t as Tokens.Paragraph).tokens, theme), w, prefix, prefix));
        break;
      case 'code':
        for (const l of (t as Tokens.Code).text.split('\n')) out.push([{ text: `${prefix}  ${l}`, style: theme.code }]);
        break;
      case 'list': {
        const list = t as Tokens.List;
        list.items.forEach((item, i) => {
          const bullet = list.ordered ? `${Number(list.start || 1) + i}. ` : '• ';
          const spans: Span[] = [];
          for (const c of item.tokens) {
            if (c.type === 'text' || c.type === 'paragraph') spans.push(...inline((c as Tokens.Text).tokens ?? [c], theme));
          }
          out.push(...wrapSpans(spans, w, prefix + bullet, prefix + ' '.repeat(bullet.length)));
          for (const c of item.tokens) if (c.type === 'list') block(c, prefix + '  ');
        });
        break;
      }
      case 'blockquote':
        for (const c of (t as Tokens.Blockquote).tokens) block(c, `${prefix}│ `);
        break;
      case 'space':
        return;
      case 'hr':
        out.push([{ text: '─'.repeat(Math.min(w, 40)), style: theme.muted }]);
        break;
      default:
        if (t.raw.trim()) out.push(...wrapSpans([{ text: t.raw.trim() }], w, prefix, prefix));
    }
    if (prefix === '') out.push([]);
  };
  for (const t of blocks) block(t);
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/**
 * A short Markdown text (an option, an explanation, a hint, a recap point) as one run of
 * styled spans, to be wrapped behind a lead such as "2. " with wrapSpans. Paragraphs are
 * joined by a hard break; emphasis, strong and code lose their markers as in renderMarkdown.
 */
export function renderInline(src: string, theme: Theme, base: Style = {}): Span[] {
  const out: Span[] = [];
  for (const t of marked.lexer(src.trim())) {
    if (t.type === 'space') continue;
    if (out.length) out.push({ text: HARD_BREAK, style: base });
    const tokens = (t as { tokens?: Token[] }).tokens;
    if (tokens?.length) out.push(...inline(tokens, theme, base));
    else out.push({ text: decode(t.raw.trim()), style: base });
  }
  return out;
}

/** The words of a short Markdown text without its markers (for the screen-reader view). */
export function inlinePlain(src: string, theme: Theme): string {
  return renderInline(src, theme)
    .map((s) => s.text)
    .join('')
    .split(HARD_BREAK)
    .join(' ');
}

/** Block Markdown as plain text, one paragraph or list item per line (screen-reader mode). */
export function markdownPlain(src: string, theme: Theme): string {
  return renderMarkdown(src, Number.MAX_SAFE_INTEGER, theme)
    .map((line) => line.map((s) => s.text).join('').trimEnd())
    .filter((l) => l !== '')
    .join('\n');
}
