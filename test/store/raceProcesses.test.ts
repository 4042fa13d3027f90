import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { raceValue } from './fixtures/raceValue.js';

const saver = fileURLToPath(new URL('./fixtures/raceSaver.ts', import.meta.url));
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function runSaver(target: string, writer: string, count: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', saver, target, writer, String(count)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

it('two processes saving at once never leave a half-written file', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-race-'));
  const file = path.join(dir, 'progress.json');
  const count = 40;
  const codes = await Promise.all([runSaver(dir, 'a', count), runSaver(dir, 'b', count)]);
  expect(codes).toEqual([0, 0]);
  const written = ['a', 'b'].flatMap((w) => Array.from({ length: count }, (_, i) => raceValue(w, i)));
  expect(written).toContainEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  expect(fs.readdirSync(dir)).toEqual(['progress.json']);
});
