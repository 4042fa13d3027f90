/**
 * What the current lesson step asks of the learner, under its narrative: the goal of a run, the
 * options of a prediction or question with feedback, a challenge's goal, hints and result, a
 * recap's points. The lesson screen owns the state.
 *
 * Options are shown in `status.order` (a shuffle, see src/lessons/optionOrder.ts): the number
 * on screen is the place in that order, while `chosen` and the feedback's indexes are places in
 * the lesson file. Texts from the lesson (options, explanations, hints, points) are Markdown and
 * are rendered; the panel's own words are plain.
 */
import { goalText } from '../../lessons/goalText.js';
import type { Step } from '../../lessons/schema.js';
import type { AnswerFeedback } from '../../lessons/player.js';
import { GLYPHS, type Theme } from '../theme.js';
import { inlinePlain, renderInline, wrapSpans, type MdLine, type Span } from '../markdown.js';

export interface StepStatus {
  reached: boolean;
  timedOut: boolean;
  /** Feedback for the current predict/question answer. */
  feedback?: AnswerFeedback | undefined;
  /** The chosen option, as its index in the lesson file. */
  chosen?: number | undefined;
  /** Which question of a questions step is shown. */
  question: number;
  hints: readonly string[];
  challengeResult?: string | undefined;
  /** The shown order of the current options: entry d is the file index numbered d + 1. Default: file order. */
  order?: readonly number[] | undefined;
}

export type PanelTone = 'ok' | 'bad' | 'accent' | 'muted';

export interface PanelLine {
  /** Kept in front of the first row and as the indent of the others (an option's mark and number). */
  lead?: string;
  /** The panel's own plain words, in the line's tone. */
  head?: string;
  /** Lesson Markdown, after the head (in the line's tone only when there is no head). */
  text?: string;
  tone?: PanelTone;
}

/** The shown number (1-based) of the option at file index `i`. */
/** A challenge run's outcome in one line: solved, or how far it got. */
export function challengeVerdict(r: { reached: boolean; count: number; needed: number }): string {
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  if (r.reached) return r.needed > 1 ? `Solved: the goal was seen ${times(r.count)}.` : 'Solved: the goal was seen.';
  if (r.count === 0) return 'Not yet: the goal was not seen. r starts over, H gives a hint.';
  return `Not yet: the goal was seen ${times(r.count)} of the ${r.needed} needed. r starts over.`;
}

/** The digits that answer, as many as there are options. */
export const answerWith = (count: number): string => `Answer with 1-${count}.`;

const shownNumber = (order: readonly number[], i: number): number => order.indexOf(i) + 1;

export function stepPanelLines(step: Step, st: StepStatus): PanelLine[] {
  const out: PanelLine[] = [];
  const options = (opts: ReadonlyArray<{ text: string }>) => {
    const order = st.order && st.order.length === opts.length ? st.order : opts.map((_, i) => i);
    order.forEach((i, d) => {
      const o = opts[i]!;
      const right = st.feedback !== undefined && i === st.feedback.correctIndex;
      const mark = st.feedback ? (right ? `${GLYPHS.done} ` : i === st.chosen ? `${GLYPHS.wrong} ` : '  ') : '  ';
      out.push({ lead: `${mark}${d + 1}. `, text: o.text, ...(right ? { tone: 'ok' as const } : {}) });
    });
    const fb = st.feedback;
    if (!fb) return;
    if (fb.correct) {
      out.push({ head: `${GLYPHS.done} Right.`, text: fb.explanation, tone: 'ok' });
      return;
    }
    // A wrong pick shows why it is wrong, and then the answer's own explanation.
    out.push({ head: `${GLYPHS.wrong} Not quite: you picked ${shownNumber(order, fb.chosenIndex)}.`, text: fb.explanation, tone: 'bad' });
    out.push({ head: `${GLYPHS.done} The answer is ${shownNumber(order, fb.correctIndex)}.`, text: fb.correctExplanation, tone: 'ok' });
  };
  switch (step.kind) {
    case 'run':
      out.push({ head: st.reached ? `${GLYPHS.done} Goal reached: ${goalText(step.until)}. Enter goes on.` : st.timedOut ? `Goal not reached (${goalText(step.until)}); r restarts the step, enter jumps there.` : `Goal: ${goalText(step.until)}. Space plays, → steps, enter jumps there.`, tone: st.reached ? 'ok' : 'accent' });
      break;
    case 'predict':
      out.push({ text: step.ask, tone: 'accent' });
      options(step.options);
      if (!st.feedback) out.push({ head: answerWith(step.options.length), tone: 'muted' });
      else out.push({ head: st.reached ? `${GLYPHS.done} Revealed. Enter goes on.` : 'Space plays the reveal, enter jumps to it.', tone: 'muted' });
      break;
    case 'questions': {
      const q = step.questions[st.question];
      if (!q) break;
      out.push({ head: `Question ${st.question + 1} of ${step.questions.length}:`, text: q.ask, tone: 'accent' });
      options(q.options);
      out.push({ head: st.feedback ? 'Enter goes on.' : answerWith(q.options.length), tone: 'muted' });
      break;
    }
    case 'challenge':
      out.push({ head: `Challenge: ${goalText(step.goal)}${step.count && step.count > 1 ? ` (${step.count} times)` : ''}.`, tone: 'accent' });
      out.push({ head: 'p perturbs (your actions are recorded), enter runs it, H shows a hint, r starts over.', tone: 'muted' });
      st.hints.forEach((h, i) => out.push({ head: `Hint ${i + 1}:`, text: h }));
      if (st.challengeResult) out.push({ head: st.challengeResult, tone: st.reached ? 'ok' : 'bad' });
      // Once solved, the lesson's own account of why it worked.
      if (st.challengeResult && st.reached && step.explanation) out.push({ head: 'Why:', text: step.explanation });
      break;
    case 'recap':
      step.points.forEach((p) => out.push({ lead: '• ', text: p }));
      out.push({ head: 'Enter finishes the lesson.', tone: 'muted' });
      break;
    default:
      out.push({ head: 'Enter goes on; ] and [ move between steps.', tone: 'muted' });
  }
  return out;
}

/** The panel as plain words, one string per line (Markdown markers removed). */
export function stepPanelText(step: Step, status: StepStatus, theme: Theme): string[] {
  return stepPanelLines(step, status).map((l) => [l.lead?.trim(), l.head, l.text === undefined ? undefined : inlinePlain(l.text, theme)].filter(Boolean).join(' '));
}

/** The panel as wrapped, styled lines for the narrative pane. */
export function stepPanelMd(step: Step, status: StepStatus, width: number, theme: Theme): MdLine[] {
  const tone = { ok: theme.ok, bad: theme.bad, accent: theme.accent, muted: theme.muted };
  const out: MdLine[] = [];
  for (const l of stepPanelLines(step, status)) {
    const style = l.tone ? tone[l.tone] : undefined;
    const spans: Span[] = [];
    if (l.head) spans.push({ text: l.head, style });
    if (l.text !== undefined) {
      if (l.head) spans.push({ text: ' ' });
      spans.push(...renderInline(l.text, theme, l.head ? {} : (style ?? {})));
    }
    const lead = l.lead ?? '';
    out.push(...wrapSpans(spans, width - 1, lead, ' '.repeat(lead.length)));
  }
  return out;
}
