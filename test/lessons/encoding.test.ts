/** Non-UTF-8 bytes in a lesson file are a lint warning at their line and column. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodingWarning, firstInvalidUtf8 } from '../../src/lessons/encoding.js';
import { lintPath } from '../../src/lessons/lint.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it.each([
    ['plain ASCII', Buffer.from('id: x\n'), -1],
    ['valid multi-byte text', Buffer.from('é → 𝄞\n'), -1],
    ['a Latin-1 byte', bytes(0x61, 0xe9, 0x62), 1],
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong two-byte form', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a character cut off at the end', bytes(0x61, 0xe2, 0x82), 1],
  ])('%s', (_name, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
  });
});

describe('encodingWarning', () => {
  it('names the line and the column in characters, and the byte', () => {
    const file = Buffer.concat([Buffer.from('id: x\ntitle: "é'), bytes(0xe9), Buffer.from('"\n')]);
    expect(encodingWarning(file, 'f.yaml')).toMatchObject({ line: 2, col: 10, severity: 'warning', expected: 'a file saved as UTF-8' });
    expect(encodingWarning(file, 'f.yaml')!.found).toContain('0xe9');
  });

  it('lint reports it for a lesson that is otherwise valid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ttw-enc-'));
    const good = readFileSync('test/ui/fixtures/lessons/01-ui-demo.yaml', 'utf8').replace(/^title: (.*)$/m, 'title: $1 caf\u0000');
    const file = path.join(dir, '01-latin1.yaml');
    writeFileSync(file, Buffer.from(good.replace('\u0000', '\u00ff'), 'latin1'));
    const report = await lintPath(file, { skipSemantic: true });
    const w = report.diagnostics.find((d) => d.expected === 'a file saved as UTF-8');
    expect(w, JSON.stringify(report.diagnostics)).toBeDefined();
    expect(w!.severity).toBe('warning');
  });
});
