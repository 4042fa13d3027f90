import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExportDir } from '../../src/store/exportDir.js';
import { parseInteractiveArgs } from '../../src/cli/interactiveArgs.js';
import { MAIN_USAGE } from '../../src/cli/usage.js';

describe('resolveExportDir', () => {
  it('prefers --export-dir, then TCP_TIMEWAIT_EXPORT_DIR, then XDG_DATA_HOME', () => {
    const env = { TCP_TIMEWAIT_EXPORT_DIR: '/tmp/from-env', XDG_DATA_HOME: '/xdg', HOME: '/home/u' };
    expect(resolveExportDir(env, '/tmp/from-flag', 'linux')).toBe('/tmp/from-flag');
    expect(resolveExportDir(env, undefined, 'linux')).toBe('/tmp/from-env');
    expect(resolveExportDir({ XDG_DATA_HOME: '/xdg', HOME: '/home/u' }, undefined, 'linux')).toBe('/xdg/tcp-timewait/exports');
  });

  it('falls back to ~/.local/share on Linux, ignoring a relative XDG_DATA_HOME (XDG spec)', () => {
    expect(resolveExportDir({ HOME: '/home/u' }, undefined, 'linux')).toBe('/home/u/.local/share/tcp-timewait/exports');
    expect(resolveExportDir({ HOME: '/home/u', XDG_DATA_HOME: 'rel' }, undefined, 'linux')).toBe('/home/u/.local/share/tcp-timewait/exports');
  });

  it('never answers the current directory, and makes a relative override absolute', () => {
    expect(resolveExportDir({ HOME: '/home/u' }, '', 'linux')).not.toBe(process.cwd());
    expect(resolveExportDir({ TCP_TIMEWAIT_EXPORT_DIR: 'rel' }, undefined, 'linux')).toBe(path.resolve('rel'));
  });

  it('is reachable from the command line and documented in --help', () => {
    expect(parseInteractiveArgs(['lesson', '1', '--export-dir', '/tmp/x']).exportDir).toBe('/tmp/x');
    expect(parseInteractiveArgs(['sandbox']).exportDir).toBeUndefined();
    expect(MAIN_USAGE).toContain('--export-dir DIR');
    expect(MAIN_USAGE).toContain('TCP_TIMEWAIT_EXPORT_DIR');
  });
});
