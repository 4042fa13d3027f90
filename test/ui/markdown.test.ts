import { describe, expect, it } from 'vitest';
import { renderMarkdown, wrapSpans } from '../../src/ui/markdown.js';
import { createTheme } from '../../src/ui/theme.js';

const theme = createTheme({});
const plain = (md: string, w = 40) => renderMarkdown(md, w, theme).map((l) => l.map((s) => s.text).join(''));

describe('markdown for the terminal', () => {
  it('renders emphasis, strong and code with styles and without markers', () => {
    const lines = renderMarkdown('A *reliable* close, the **fourth** segment, `TIME_WAIT`.', 80, theme);
    const spans = lines[0]!;
    expect(spans.map((s) => s.text).join('')).toBe('A reliable close, the fourth segment, TIME_WAIT.');
    expect(spans.find((s) => s.text.includes('reliable'))?.style?.italic).toBe(true);
    expect(spans.find((s) => s.text.includes('fourth'))?.style?.bold).toBe(true);
    expect(spans.find((s) => s.text === 'TIME_WAIT')?.style?.color).toBe('yellow');
  });

  it('renders lists with bullets and numbers, wrapped under the text', () => {
    const lines = plain('- one thing that is long enough to wrap around\n- two\n\n1. first\n2. second', 24);
    expect(lines[0]).toMatch(/^• one/);
    expect(lines[1]).toMatch(/^ {2}\S/);
    expect(lines).toContain('1. first');
    expect(lines).toContain('2. second');
  });

  it('wraps paragraphs to the width and keeps blank lines between blocks', () => {
    const lines = plain('word '.repeat(30) + '\n\nnext paragraph', 20);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    expect(lines).toContain('');
    expect(lines[lines.length - 1]).toBe('next paragraph');
  });

  it('keeps code blocks verbatim', () => {
    expect(plain('```\nss -tan state time-wait\n```')).toEqual(['  ss -tan state time-wait']);
  });

  it('splits words longer than the width', () => {
    const lines = wrapSpans([{ text: 'x'.repeat(25) }], 10);
    expect(lines.length).toBe(3);
  });
});

describe('markdown line breaks', () => {
  it('treats a single newline in a paragraph as a space, and a hard break as a new line', () => {
    expect(plain('one\ntwo three', 80)).toEqual(['one two three']);
    expect(plain('one  \ntwo', 80)).toEqual(['one', 'two']);
  });
});
