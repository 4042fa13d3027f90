import { describe, expect, it } from 'vitest';
import { colourEnabled, createTheme, GLYPHS } from '../../src/ui/theme.js';
import { TCP_STATES } from '../../src/sim/tcp/states.js';

const tokens = (t: ReturnType<typeof createTheme>) => [
  ...TCP_STATES.map((s) => t.state(s)),
  t.segment(['SYN']),
  t.segment(['FIN', 'ACK']),
  t.segment(['RST']),
  t.segment(['ACK'], true),
  t.timer('2MSL'),
  t.timer('RTO'),
  t.lost,
  t.retransmission,
  t.duplicate,
  t.looping,
  t.alert,
  t.muted,
  t.accent,
  t.focus,
  t.ok,
  t.bad,
  t.heading,
  t.code,
];

describe('theme', () => {
  it('uses colour by default', () => {
    const t = createTheme({});
    expect(t.colour).toBe(true);
    expect(t.state('TIME_WAIT').color).toBeDefined();
    expect(t.lost.color).toBe('red');
  });

  it.each([
    [{ NO_COLOR: '1' }],
    [{ NO_COLOR: 'yes', FORCE_COLOR: '3' }],
    [{ FORCE_COLOR: '0' }],
    [{ FORCE_COLOR: 'false' }],
  ])('gives no colour at all with %o', (env) => {
    expect(colourEnabled(env)).toBe(false);
    const t = createTheme(env);
    for (const tok of tokens(t)) {
      expect(tok.color).toBeUndefined();
      expect(tok.backgroundColor).toBeUndefined();
    }
  });

  it('treats an empty NO_COLOR as unset (no-color.org)', () => {
    expect(colourEnabled({ NO_COLOR: '' })).toBe(true);
  });

  it('has a distinct shape for each meaning that colour also marks', () => {
    const shapes = [GLYPHS.lost, GLYPHS.retransmission, GLYPHS.duplicate, GLYPHS.loop, GLYPHS.alert, GLYPHS.done, GLYPHS.inProgress, GLYPHS.notStarted];
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});
