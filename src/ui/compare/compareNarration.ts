/**
 * The compare view for a screen reader: no ladders, sentences. The shared clock, what each run
 * does at this moment, and where the runs part (or where they will).
 */
import type { Comparison } from '../../compare/compareRuns.js';
import { secondsText } from '../../compare/sentence.js';
import { verdictLines } from '../../compare/sideBySide.js';
import { describeEvent } from '../format.js';
import { isVisibleEvent } from '../simTypes.js';
import type { CompareFrame } from './compareFrame.js';

export function compareNarration(c: Comparison, frame: CompareFrame, index: number, count: number): string[] {
  const now = (trace: CompareFrame['a']['trace']): string => {
    const here = trace.filter((e) => e.at === frame.clock && isVisibleEvent(e)).map(describeEvent);
    return here.length ? here.join('; ') : 'nothing happens at this moment';
  };
  const d = c.divergence;
  const verdict = !d ? verdictLines(c)[0]! : frame.reached ? d.sentence : `The runs diverge at ${secondsText(d.at)}; step on to hear how.`;
  return [
    `Time ${secondsText(frame.clock)}, moment ${index + 1} of ${count}.`,
    `Run A, ${c.a.label}: ${now(frame.a.trace)}.`,
    `Run B, ${c.b.label}: ${now(frame.b.trace)}.`,
    verdict,
  ];
}
