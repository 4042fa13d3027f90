/**
 * Where progress lives.
 *
 * API:
 *   resolveConfigDir(env, flag?) -> absolute directory path
 *     1. `flag` (a `--config-dir` style CLI option), if given and non-empty;
 *     2. env.TCP_TIMEWAIT_CONFIG_DIR (tests point this at a temporary directory);
 *     3. the platform's config dir for "tcp-timewait" (env-paths): on Linux and other XDG
 *        systems $XDG_CONFIG_HOME/tcp-timewait, else ~/.config/tcp-timewait.
 *   PROGRESS_FILE_NAME = 'progress.json'
 *
 * It reads only the `env` it is given (not process.env) so tests can pass a fake one.
 */
import os from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';

export const APP_NAME = 'tcp-timewait';
export const CONFIG_DIR_ENV = 'TCP_TIMEWAIT_CONFIG_DIR';
export const PROGRESS_FILE_NAME = 'progress.json';

export type Env = Readonly<Record<string, string | undefined>>;

export function resolveConfigDir(env: Env, flag?: string, platform: NodeJS.Platform = process.platform): string {
  if (flag !== undefined && flag.trim() !== '') return path.resolve(flag);
  const override = env[CONFIG_DIR_ENV];
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  if (platform === 'darwin' || platform === 'win32') {
    // env-paths knows these platforms' conventions; suffix '' keeps the bare app name.
    return envPaths(APP_NAME, { suffix: '' }).config;
  }
  // XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  // We do this ourselves rather than through env-paths because env-paths reads process.env,
  // and this function must honour the env it is handed.
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, APP_NAME);
  const home = env.HOME !== undefined && path.isAbsolute(env.HOME) ? env.HOME : os.homedir();
  return path.join(home, '.config', APP_NAME);
}

export function progressFilePath(dir: string): string {
  return path.join(dir, PROGRESS_FILE_NAME);
}
