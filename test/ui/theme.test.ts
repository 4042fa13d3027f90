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

describe('themes for dark and light backgrounds', () => {
  const allColours = (env: Record<string, string>) =>
    tokens(createTheme(env))
      .flatMap((t) => [t.color, t.backgroundColor])
      .filter((c): c is string => c !== undefined);

  it.each([['dark'], ['light']])('the %s theme draws nothing in white or black', (name) => {
    const colours = allColours({ TCP_TIMEWAIT_THEME: name });
    expect(colours.length).toBeGreaterThan(10);
    for (const c of colours) expect(c.toLowerCase()).not.toMatch(/^(white|black|whitebright|blackbright|#fff(fff)?|#000(000)?)$/);
  });

  it('draws a bare ACK (the final ACK of the course) in the terminal’s own foreground', () => {
    for (const name of ['dark', 'light']) expect(createTheme({ TCP_TIMEWAIT_THEME: name }).segment(['ACK'])).toEqual({});
  });

  it('keeps the light theme off the pale ANSI colours', () => {
    for (const c of allColours({ TCP_TIMEWAIT_THEME: 'light' })) expect(c).not.toMatch(/^(yellow|cyan|gray|grey)/);
  });

  it.each([
    [{}, 'dark'],
    [{ COLORFGBG: '15;0' }, 'dark'],
    [{ COLORFGBG: '0;15' }, 'light'],
    [{ COLORFGBG: '0;default;15' }, 'light'],
    [{ COLORFGBG: '12;8' }, 'dark'],
    [{ COLORFGBG: '0;7' }, 'light'],
    [{ COLORFGBG: 'default;default' }, 'dark'],
    [{ COLORFGBG: '0;15', TCP_TIMEWAIT_THEME: 'dark' }, 'dark'],
    [{ COLORFGBG: '15;0', TCP_TIMEWAIT_THEME: 'light' }, 'light'],
    [{ COLORFGBG: '0;15', TCP_TIMEWAIT_THEME: 'auto' }, 'light'],
  ])('with %o picks the %s palette', (env, name) => {
    expect(createTheme(env).name).toBe(name);
  });

  it('gives the two palettes different colours for the same meaning', () => {
    expect(createTheme({ TCP_TIMEWAIT_THEME: 'light' }).state('TIME_WAIT').color).not.toBe(createTheme({ TCP_TIMEWAIT_THEME: 'dark' }).state('TIME_WAIT').color);
  });
});
