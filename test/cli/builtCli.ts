/** Runs the built CLI (dist/cli.js) as a user would, building it first if it is missing. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = `${ROOT}dist/cli.js`;

export function ensureBuilt(): void {
  if (!existsSync(CLI)) execFileSync(process.execPath, [`${ROOT}scripts/build.mjs`], { stdio: 'inherit' });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run with stdin not a terminal (a pipe), as CI does. */
export function runCli(args: string[], env: Record<string, string> = {}, input = ''): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
