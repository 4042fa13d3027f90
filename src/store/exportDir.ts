/**
 * Where the export key (`e`) writes its pcap and Mermaid files: a place of the learner's own
 * that does not depend on where the program was started (exports used to land in the current
 * directory, usually a repository checkout).
 *
 *   resolveExportDir(env, flag?) -> absolute directory path
 *     1. `flag` (`--export-dir DIR`), if given and non-empty;
 *     2. env.TCP_TIMEWAIT_EXPORT_DIR;
 *     3. the platform's data dir (env-paths): on Linux and other XDG systems
 *        $XDG_DATA_HOME/tcp-timewait/exports, else ~/.local/share/tcp-timewait/exports.
 *
 * Like resolveConfigDir it reads only the `env` it is given. The directory is created by the
 * export itself, when there is something to write.
 */
import os from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';
import { APP_NAME, type Env } from './configDir.js';

export const EXPORT_DIR_ENV = 'TCP_TIMEWAIT_EXPORT_DIR';

export function resolveExportDir(env: Env, flag?: string, platform: NodeJS.Platform = process.platform): string {
  if (flag !== undefined && flag.trim() !== '') return path.resolve(flag);
  const override = env[EXPORT_DIR_ENV];
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  if (platform === 'darwin' || platform === 'win32') return path.join(envPaths(APP_NAME, { suffix: '' }).data, 'exports');
  // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, APP_NAME, 'exports');
  const home = env.HOME !== undefined && path.isAbsolute(env.HOME) ? env.HOME : os.homedir();
  return path.join(home, '.local', 'share', APP_NAME, 'exports');
}
