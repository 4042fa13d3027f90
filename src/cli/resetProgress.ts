/**
 * `tcp-timewait --reset-progress`: asks before forgetting anything, and even then keeps the old
 * file aside (the store moves it rather than deleting it).
 */
import { createInterface } from 'node:readline/promises';
import { resetProgress } from '../store/index.js';
import { EXIT_OK } from './usageError.js';

export async function resetProgressInteractively(configDir: string | undefined): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  try {
    // An empty pipe ends the question with no answer, which counts as "no".
    const answer = await Promise.race([
      rl.question('Forget all saved progress (lessons, quiz history, mastery)? [y/N] '),
      new Promise<string>((resolve) => rl.once('close', () => resolve(''))),
    ]);
    if (!/^y(es)?$/i.test(answer.trim())) {
      process.stdout.write('\nNothing was changed.\n');
      return EXIT_OK;
    }
  } finally {
    rl.close();
  }
  const result = await resetProgress({ env: process.env, ...(configDir !== undefined && { flag: configDir }), now: Date.now() });
  if (result.warning) process.stderr.write(`tcp-timewait: ${result.warning}\n`);
  process.stdout.write(result.backup ? `Progress reset. The old file is kept at ${result.backup}\n` : 'Progress reset.\n');
  return EXIT_OK;
}
