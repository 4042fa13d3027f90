/**
 * `tcp-timewait record --scenario NAME [--lesson ID] --out FILE.cast`: play a run through the
 * real TUI in a terminal in memory and write it as an asciicast v2 file (`asciinema play FILE`).
 */
import { parseArgs } from 'node:util';
import { SCENARIO_NAMES } from '../sim/scenarios/index.js';
import { LESSON_IDS } from './interactiveArgs.js';
import { checkedInteger } from './numbers.js';
import { abandonOutputFile, openOutputFile, writeOutputFile } from './outputFile.js';
import { UsageError, EXIT_OK } from './usageError.js';

export interface RecordRequest {
  scenario: string;
  lessonId?: string;
  out: string;
  force: boolean;
  columns: number;
  rows: number;
}

export function parseRecordArgs(argv: string[]): RecordRequest {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string', short: 's' },
        lesson: { type: 'string' },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        width: { type: 'string' },
        height: { type: 'string' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(`record: ${(e as Error).message.split('\n')[0]} (see tcp-timewait record --help)`);
  }
  const scenario = v.scenario ?? 'lost-final-ack';
  if (!(SCENARIO_NAMES as readonly string[]).includes(scenario)) {
    throw new UsageError(`--scenario: '${scenario}' is not accepted; expected one of ${SCENARIO_NAMES.join(', ')}`);
  }
  if (v.lesson !== undefined && !(LESSON_IDS as readonly string[]).includes(v.lesson)) {
    throw new UsageError(`--lesson: '${v.lesson}' is not a lesson; expected one of ${LESSON_IDS.join(', ')}`);
  }
  if (v.out === undefined || v.out.trim() === '') throw new UsageError('record: needs --out FILE.cast, e.g. --out demo.cast');
  return {
    scenario,
    ...(v.lesson !== undefined && { lessonId: v.lesson }),
    out: v.out,
    force: v.force === true,
    columns: v.width === undefined ? 80 : checkedInteger('--width', `'${v.width}'`, v.width, { min: 80, max: 300 }),
    rows: v.height === undefined ? 24 : checkedInteger('--height', `'${v.height}'`, v.height, { min: 24, max: 100 }),
  };
}

export const RECORD_USAGE = `tcp-timewait record: play a run through the TUI and save it as an asciicast

Usage: tcp-timewait record [--scenario NAME] [--lesson ID] --out FILE.cast

  --scenario, -s NAME   the sandbox scenario to play step by step (default
                        lost-final-ack): ${SCENARIO_NAMES.join(', ')}
  --lesson ID           record the lesson instead, a few steps of it
  --out, -o FILE        the .cast file to write (asciicast v2: asciinema play FILE)
  --force               overwrite FILE if it exists (never through a symlink)
  --width N, --height N the terminal's size (default 80 x 24)
`;

export async function recordCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(RECORD_USAGE);
    return EXIT_OK;
  }
  const req = parseRecordArgs(argv);
  const file = await openOutputFile('--out', req.out, req.force);
  try {
    // Before Ink loads: it draws only a last frame when it thinks it runs in CI, and the
    // colour library reads the environment once, on import.
    delete process.env.CI;
    if (process.env.NO_COLOR === undefined) process.env.FORCE_COLOR ??= '2';
    const [{ recordDemo }, { toAsciicast }] = await Promise.all([import('../ui/record/recordDemo.js'), import('../export/asciicast.js')]);
    const output = await recordDemo(req);
    const title = req.lessonId !== undefined ? `tcp-timewait lesson ${req.lessonId}` : `tcp-timewait sandbox: ${req.scenario}`;
    const cast = toAsciicast({ width: req.columns, height: req.rows, title, env: { TERM: 'xterm-256color' } }, output);
    await writeOutputFile(file, new TextEncoder().encode(cast));
  } catch (e) {
    await abandonOutputFile(file);
    throw e;
  }
  process.stderr.write(`wrote ${req.out}\n`);
  return EXIT_OK;
}
