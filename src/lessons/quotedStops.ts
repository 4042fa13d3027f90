/**
 * Where a step's own words say its run stops. Authors quote a stop time with one of a few
 * fixed phrases (lessons/README.md, "Quoting where a run stops"):
 *
 *   play to T s, play on to T s, plays/played (on) to T s, fast-forward(s) to T s,
 *   stop(s)/stopped at T s, pause(s)/paused at T s
 *
 * T is an absolute simulated time in seconds. Other times in the text ("the timer runs to
 * 61.85 s", "at 0.85 s the client...") describe events, not the stop, and are not matched.
 * The linter and a course-wide test compare these quotes with the time the step really stops.
 */
import type { PredictStep, RunStep } from './schema.js';
import type { DataPath } from './yamlSource.js';

const STOP_PHRASE = /\b(?:play(?:s|ed)?(?:\s+on)?\s+to|fast-forwards?\s+to|stop(?:s|ped)?\s+at|pause(?:s|d)?\s+at)\s+(\d+(?:\.\d+)?)\s*(?:s|seconds?)\b/gi;

export interface QuotedStop {
  seconds: number;
  /** The matched words, for messages. */
  phrase: string;
  /** Where in the step the quote is (for file:line:col). */
  path: DataPath;
}

/** Stop times quoted in one piece of text (Markdown emphasis and code marks are ignored). */
export function quotedStopTimes(text: string): Array<{ seconds: number; phrase: string }> {
  const plain = text.replace(/[*_`]/g, '').replace(/\s+/g, ' ');
  return [...plain.matchAll(STOP_PHRASE)].map((m) => ({ seconds: Number(m[1]), phrase: m[0] }));
}

/** Every stop time a run or predict step quotes: in its text, its question, options and explanations. */
export function stepQuotedStops(step: RunStep | PredictStep, stepPath: DataPath): QuotedStop[] {
  const fields: Array<[string | undefined, DataPath]> = [[step.text, [...stepPath, 'text']]];
  if (step.kind === 'predict') {
    fields.push([step.ask, [...stepPath, 'ask']]);
    step.options.forEach((o, k) => {
      fields.push([o.text, [...stepPath, 'options', k, 'text']]);
      fields.push([o.explanation, [...stepPath, 'options', k, 'explanation']]);
    });
  }
  return fields.flatMap(([text, path]) => (text ? quotedStopTimes(text).map((q) => ({ ...q, path })) : []));
}

/**
 * Does a quote agree with where the run stopped? A quote is as precise as its digits: "46 s"
 * allows half a second either way, "60.85 s" half a hundredth.
 */
export function quoteMatches(quoted: number, stoppedSeconds: number, phrase: string): boolean {
  const decimals = /\d+\.(\d+)/.exec(phrase)?.[1]?.length ?? 0;
  return Math.abs(quoted - stoppedSeconds) <= 0.5 * 10 ** -decimals + 1e-9;
}
