import { describe, expect, it } from 'vitest';
import { applyDisplayOptions, parseDisplayOptions, screenReaderWanted } from '../../src/cli/displayOptions.js';
import { parseInteractiveArgs } from '../../src/cli/interactiveArgs.js';
import { UsageError } from '../../src/cli/usageError.js';

describe('display flags of the interactive commands', () => {
  it('parses --no-color, --theme and --screen-reader anywhere on the line', () => {
    expect(parseInteractiveArgs(['--no-color', 'lesson', '2', '--theme', 'light', '--screen-reader']).display).toEqual({ noColor: true, theme: 'light', screenReader: true });
    expect(parseInteractiveArgs(['sandbox']).display).toEqual({});
  });

  it('refuses a theme it does not have, naming the ones it has', () => {
    expect(() => parseDisplayOptions({ theme: 'pink' })).toThrow(UsageError);
    expect(() => parseDisplayOptions({ theme: 'pink' })).toThrow(/auto, dark, light/);
    expect(parseDisplayOptions({ theme: ' LIGHT ' })).toEqual({ theme: 'light' });
  });

  it('reaches the UI through the environment its libraries read', () => {
    const env: Record<string, string | undefined> = { FORCE_COLOR: '3' };
    applyDisplayOptions({ noColor: true, theme: 'dark', screenReader: true }, env);
    expect(env).toEqual({ NO_COLOR: '1', FORCE_COLOR: '0', TCP_TIMEWAIT_THEME: 'dark', TCP_TIMEWAIT_SCREEN_READER: '1' });
    const untouched: Record<string, string | undefined> = { FORCE_COLOR: '3' };
    applyDisplayOptions({}, untouched);
    expect(untouched).toEqual({ FORCE_COLOR: '3' });
  });

  it.each([
    [{ TCP_TIMEWAIT_SCREEN_READER: '1' }, true],
    [{ TCP_TIMEWAIT_SCREEN_READER: 'true' }, true],
    [{ INK_SCREEN_READER: 'true' }, true],
    [{ TCP_TIMEWAIT_SCREEN_READER: '0' }, false],
    [{}, false],
  ])('screen-reader mode with %o: %s', (env, on) => {
    expect(screenReaderWanted(env)).toBe(on);
  });
});
