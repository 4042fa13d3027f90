import { describe, expect, it } from 'vitest';
import { inert, inertDeep } from '../../src/text/inert.js';

/** No character a terminal acts on: C0 (but \n and \t), DEL or C1. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const E = '\x1b';
interface Vector {
  name: string;
  raw: string;
  shown: string;
}
const vectors: Vector[] = [
  { name: 'OSC 0 window title, BEL-terminated', raw: `a${E}]0;PWNED\x07b`, shown: 'a␛]0;PWNED␇b' },
  { name: 'OSC 2 title, ST-terminated', raw: `a${E}]2;PWNED${E}\\b`, shown: 'a␛]2;PWNED␛\\b' },
  { name: 'OSC 52 clipboard write', raw: `${E}]52;c;UFdORUQ=\x07`, shown: '␛]52;c;UFdORUQ=␇' },
  { name: 'OSC 8 hyperlink', raw: `${E}]8;;http://x/${E}\\link${E}]8;;${E}\\`, shown: '␛]8;;http://x/␛\\link␛]8;;␛\\' },
  { name: 'CSI 2J clear screen', raw: `x${E}[2Jy`, shown: 'x␛[2Jy' },
  { name: 'CSI 6n cursor report', raw: `${E}[6n`, shown: '␛[6n' },
  { name: 'SGR colour', raw: `${E}[31;1mred${E}[0m`, shown: '␛[31;1mred␛[0m' },
  { name: 'DCS (sixel)', raw: `${E}Pq#0;2;0${E}\\after`, shown: '␛Pq#0;2;0␛\\after' },
  { name: 'SOS, PM and APC strings', raw: `${E}Xs${E}\\${E}^p${E}\\${E}_a${E}\\`, shown: '␛Xs␛\\␛^p␛\\␛_a␛\\' },
  { name: '8-bit C1 CSI', raw: 'a\x9b2Jb', shown: 'a␛[2Jb' },
  { name: '8-bit C1 OSC with 8-bit ST', raw: '\x9d0;PWNED\x9cb', shown: '␛]0;PWNED␛\\b' },
  { name: 'BEL', raw: 'ding\x07', shown: 'ding␇' },
  { name: 'backspace overwrite', raw: 'safe\b\b\b\bEVIL', shown: 'safe␈␈␈␈EVIL' },
  { name: 'CR overwrite', raw: 'safe\rEVIL', shown: 'safe␍EVIL' },
  { name: 'single-character ESC (RIS reset, keypad)', raw: `${E}c${E}=`, shown: '␛c␛=' },
  { name: 'ESC with an intermediate (charset)', raw: `${E}(0lqk`, shown: '␛(0lqk' },
  { name: 'NUL and DEL', raw: 'a\x00b\x7fc', shown: 'a␀b␡c' },
  { name: 'lone ESC at the end', raw: `end${E}`, shown: 'end␛' },
  { name: 'unterminated OSC runs to the end', raw: `${E}]0;never ends`, shown: '␛]0;never ends' },
  { name: 'OSC interrupted by another sequence', raw: `${E}]0;t${E}[2J`, shown: '␛]0;t␛[2J' },
];

describe('inert', () => {
  it.each(vectors)('$name', ({ raw, shown }) => {
    const out = inert(raw);
    expect(out).toBe(shown);
    expect(out).not.toMatch(CONTROL);
  });

  it('keeps ordinary text, newlines and tabs (and returns the same string when nothing is to do)', () => {
    const text = 'Two FINs, two ACKs:\n\tTIME_WAIT lasts 2×MSL ⏱ — «ok»';
    expect(inert(text)).toBe(text);
  });

  it('shows newlines and tabs too where one line is meant', () => {
    expect(inert('a\nb\tc', { newlines: false, tabs: false })).toBe('a␊b␉c');
  });

  it('never leaves a control character, whatever the input', () => {
    // Every control and a few sequence characters, in a deterministic jumble.
    const alphabet = ['\x1b', '\x07', '\x9b', '\x9c', '\x9d', '\x90', '[', ']', '\\', 'P', ';', '0', 'm', 'a', '\r', '\b', '\x00', '\x7f', 'é'];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = 0; k < 12; k++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        s += alphabet[seed % alphabet.length];
      }
      expect(inert(s), JSON.stringify(s)).not.toMatch(CONTROL);
    }
  });
});

describe('inertDeep', () => {
  it('makes every string inert, keys included, and leaves raw only the keys it is told to', () => {
    const pos = () => ({ line: 1 });
    const value = { title: `t${E}]0;x\x07`, file: `f${E}[2J.yaml`, steps: [{ [`k${E}[1m`]: ['\r'] }], n: 3, pos };
    const out = inertDeep(value, new Set(['file']));
    expect(out).toEqual({ title: 't␛]0;x␇', file: `f${E}[2J.yaml`, steps: [{ 'k␛[1m': ['␍'] }], n: 3, pos });
    expect(out.pos).toBe(pos);
    // The input is not changed.
    expect(value.title).toBe(`t${E}]0;x\x07`);
  });
});
