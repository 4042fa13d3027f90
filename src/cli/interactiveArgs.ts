/** Arguments of the interactive commands: menu, lesson, sandbox, quiz, --reset-progress. */
import { parseArgs } from 'node:util';
import { SCENARIO_NAMES } from '../sim/scenarios/index.js';
import { joinNegativeValues, parseSeed } from './numbers.js';
import { UsageError } from './usageError.js';
import type { RunRecord } from '../lessons/runFile.js';
import { DISPLAY_ARG_OPTIONS, parseDisplayOptions, type DisplayOptions } from './displayOptions.js';

export const LESSON_IDS = ['the-close', 'msl', 'lost-final-ack', 'wandering-duplicates', 'the-exception', 'in-practice', 'review'] as const;

export interface InteractiveRequest {
  screen: 'menu' | 'lesson' | 'sandbox' | 'quiz' | 'lab';
  lessonId?: string;
  scenario?: string;
  /** sandbox --run FILE: a run file to replay (read by cli.tsx before the TUI starts). */
  runFile?: string;
  run?: RunRecord;
  seed?: number;
  configDir?: string;
  /** Where the export key writes (default: see src/store/exportDir.ts). */
  exportDir?: string;
  resetProgress?: boolean;
  /** How the screen is drawn; see src/cli/displayOptions.ts. */
  display: DisplayOptions;
}

export function parseInteractiveArgs(argv: string[]): InteractiveRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: true,
      options: {
        scenario: { type: 'string', short: 's' },
        run: { type: 'string' },
        seed: { type: 'string' },
        'config-dir': { type: 'string' },
        'export-dir': { type: 'string' },
        'reset-progress': { type: 'boolean' },
        ...DISPLAY_ARG_OPTIONS,
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]} (see tcp-timewait --help)`);
  }
  const { values: v, positionals: pos } = parsed;
  const req: InteractiveRequest = { screen: 'menu', display: parseDisplayOptions(v) };
  if (v['config-dir'] !== undefined) req.configDir = v['config-dir'];
  if (v['export-dir'] !== undefined) req.exportDir = v['export-dir'];
  if (v['reset-progress']) req.resetProgress = true;
  if (v.seed !== undefined) {
    req.seed = parseSeed(v.seed);
  }
  const [command, arg, extra] = pos;
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (see tcp-timewait --help)`);
  switch (command) {
    case undefined:
      if (arg !== undefined) throw new UsageError(`unexpected argument '${arg}'`);
      break;
    case 'lesson': {
      if (arg === undefined) throw new UsageError(`lesson: needs an ID or NUMBER; expected one of ${LESSON_IDS.join(', ')} or 1-${LESSON_IDS.length}`);
      const n = Number(arg);
      const id = Number.isInteger(n) && n >= 1 && n <= LESSON_IDS.length ? LESSON_IDS[n - 1]! : arg;
      if (!(LESSON_IDS as readonly string[]).includes(id)) {
        throw new UsageError(`lesson: '${arg}' is not a lesson; expected one of ${LESSON_IDS.join(', ')} or 1-${LESSON_IDS.length}`);
      }
      req.screen = 'lesson';
      req.lessonId = id;
      break;
    }
    case 'sandbox':
      req.screen = 'sandbox';
      if (v.scenario !== undefined) {
        if (!(SCENARIO_NAMES as readonly string[]).includes(v.scenario)) {
          throw new UsageError(`--scenario: '${v.scenario}' is not accepted; expected one of ${SCENARIO_NAMES.join(', ')}`);
        }
        req.scenario = v.scenario;
      }
      break;
    case 'quiz':
      req.screen = 'quiz';
      break;
    default:
      throw new UsageError(`unknown command '${command}'; expected lesson, sandbox, quiz, simulate or lint (see tcp-timewait --help)`);
  }
  if (v.scenario !== undefined && req.screen !== 'sandbox') throw new UsageError('--scenario goes with sandbox (or simulate)');
  if (v.run !== undefined) {
    if (req.screen !== 'sandbox') throw new UsageError('--run goes with sandbox: tcp-timewait sandbox --run FILE');
    if (v.scenario !== undefined) throw new UsageError('--run and --scenario: give one (a run file names its scenario)');
    if (v.run.trim() === '') throw new UsageError('--run: needs a file name, e.g. --run lost-ack.run.yaml');
    req.runFile = v.run;
  }
  return req;
}
