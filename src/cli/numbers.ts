/**
 * Checked numbers for the command line. Every value has a type (whole number or seconds) and a
 * range; anything else is a UsageError in one line that says what would be accepted. Why not
 * Number(): it takes '0x10', '1e300' and ' 7 ', and a seed beyond 2^32 silently aliases.
 */
import { U32_MAX, SECONDS_MAX } from '../sim/valueBounds.js';
import { UsageError } from './usageError.js';

export interface Range {
  min: number;
  max: number;
  /** The minimum itself is not allowed (e.g. an MSL must be above 0). */
  minExclusive?: boolean;
}

const DECIMAL_INTEGER = /^-?[0-9]+$/;
const DECIMAL_NUMBER = /^-?([0-9]+\.?[0-9]*|\.[0-9]+)$/;

function describe(noun: string, r: Range): string {
  if (r.minExclusive) return `${noun} above ${r.min} and at most ${r.max}`;
  return `${noun} from ${r.min} to ${r.max}`;
}

function inRange(n: number, r: Range): boolean {
  return Number.isFinite(n) && (r.minExclusive ? n > r.min : n >= r.min) && n <= r.max;
}

/**
 * `subject` is how the value is named in the message: `'5.5'` for a flag's value, `nth=1.5` for
 * a key inside a selector.
 */
export function checkedInteger(flag: string, subject: string, text: string | undefined, r: Range): number {
  const n = text !== undefined && DECIMAL_INTEGER.test(text) ? Number(text) : NaN;
  // Number() of a long digit string rounds: 9007199254740993 must not become ...992 and pass.
  if (!Number.isSafeInteger(n) || !inRange(n, r)) {
    throw new UsageError(`${flag}: ${subject} is not accepted; expected ${describe('a whole number', r)}`);
  }
  return n;
}

/** A plain decimal (no exponent, no hex), finite and in range; by default a time in seconds. */
export function checkedDecimal(
  flag: string,
  subject: string,
  text: string | undefined,
  r: Range = { min: 0, max: SECONDS_MAX },
  noun = 'a number of seconds',
): number {
  const n = text !== undefined && DECIMAL_NUMBER.test(text) ? Number(text) : NaN;
  if (!inRange(n, r)) throw new UsageError(`${flag}: ${subject} is not accepted; expected ${describe(noun, r)}`);
  return n;
}

/** Seeds are unsigned 32-bit, decimal only: two spellings of one seed would be two runs that look different. */
export function parseSeed(text: string): number {
  return checkedInteger('--seed', `'${text}'`, text, { min: 0, max: U32_MAX });
}

/**
 * node:util reads `--seed -1` as a missing value followed by an option '-1' ("ambiguous"). A
 * value that looks like a negative number is joined to its flag, so the range check can answer.
 */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(a) && next !== undefined && /^-[0-9.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
