import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfigDir } from '../../src/store/configDir.js';

describe('resolveConfigDir', () => {
  it('prefers the flag, then TCP_TIMEWAIT_CONFIG_DIR, then XDG_CONFIG_HOME', () => {
    const env = { TCP_TIMEWAIT_CONFIG_DIR: '/tmp/from-env', XDG_CONFIG_HOME: '/xdg', HOME: '/home/u' };
    expect(resolveConfigDir(env, '/tmp/from-flag', 'linux')).toBe('/tmp/from-flag');
    expect(resolveConfigDir(env, undefined, 'linux')).toBe('/tmp/from-env');
    expect(resolveConfigDir({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/u' }, undefined, 'linux')).toBe('/xdg/tcp-timewait');
  });

  it('falls back to ~/.config on Linux and ignores a relative XDG_CONFIG_HOME (XDG spec)', () => {
    expect(resolveConfigDir({ HOME: '/home/u' }, undefined, 'linux')).toBe('/home/u/.config/tcp-timewait');
    expect(resolveConfigDir({ HOME: '/home/u', XDG_CONFIG_HOME: 'rel/dir' }, undefined, 'linux')).toBe(
      '/home/u/.config/tcp-timewait',
    );
  });

  it('treats an empty override as absent and makes a relative override absolute', () => {
    expect(resolveConfigDir({ TCP_TIMEWAIT_CONFIG_DIR: '', XDG_CONFIG_HOME: '/xdg' }, '', 'linux')).toBe('/xdg/tcp-timewait');
    expect(resolveConfigDir({ TCP_TIMEWAIT_CONFIG_DIR: 'rel' }, undefined, 'linux')).toBe(path.resolve('rel'));
  });
});
