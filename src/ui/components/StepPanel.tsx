/**
 * What the current lesson step asks of the learner, under its narrative: the goal of a run, the
 * options of a prediction or question with feedback, a challenge's goal, hints and result, a
 * recap's points. Plain lines; the lesson screen owns the state.
 */
import { goalText } from '../../lessons/goalText.js';
import type { Step } from '../../lessons/schema.js';
import type { AnswerFeedback } from '../../lessons/player.js';
import { GLYPHS, type Theme } from '../theme.js';
import { wrapSpans, type MdLine } from '../markdown.js';

export interface StepStatus {
  reached: boolean;
  timedOut: boolean;
  /** Feedback for the current predict/question answer. */
  feedback?: AnswerFeedback | undefined;
  chosen?: number | undefined;
  /** Which question of a questions step is shown. */
  question: number;
  hints: readonly string[];
  challengeResult?: string | undefined;
}

export function stepPanelLines(step: Step, st: StepStatus): Array<{ text: string; tone?: 'ok' | 'bad' | 'accent' | 'muted' }> {
  const out: Array<{ text: string; tone?: 'ok' | 'bad' | 'accent' | 'muted' }> = [];
  const options = (opts: ReadonlyArray<{ text: string }>) =>
    opts.forEach((o, i) => {
      const mark = st.feedback ? (i === st.feedback.correctIndex ? `${GLYPHS.done} ` : i === st.chosen ? `${GLYPHS.wrong} ` : '  ') : '  ';
      out.push({ text: `${mark}${i + 1}. ${o.text}`, ...(st.feedback && i === st.feedback.correctIndex ? { tone: 'ok' as const } : {}) });
    });
  const feedback = () => {
    if (!st.feedback) return;
    out.push({ text: st.feedback.correct ? `${GLYPHS.done} Right.` : `${GLYPHS.wrong} Not quite.`, tone: st.feedback.correct ? 'ok' : 'bad' });
    out.push({ text: st.feedback.explanation.trim() });
  };
  switch (step.kind) {
    case 'run':
      out.push({ text: st.reached ? `${GLYPHS.done} Goal reached: ${goalText(step.until)}. Enter goes on.` : st.timedOut ? `Goal not reached (${goalText(step.until)}); r restarts the step, enter jumps there.` : `Goal: ${goalText(step.until)}. Space plays, → steps, enter jumps there.`, tone: st.reached ? 'ok' : 'accent' });
      break;
    case 'predict':
      out.push({ text: step.ask, tone: 'accent' });
      options(step.options);
      feedback();
      if (!st.feedback) out.push({ text: 'Answer with 1-9.', tone: 'muted' });
      else out.push({ text: st.reached ? `${GLYPHS.done} Revealed. Enter goes on.` : 'Space plays the reveal, enter jumps to it.', tone: 'muted' });
      break;
    case 'questions': {
      const q = step.questions[st.question];
      if (!q) break;
      out.push({ text: `Question ${st.question + 1} of ${step.questions.length}: ${q.ask}`, tone: 'accent' });
      options(q.options);
      feedback();
      out.push({ text: st.feedback ? 'Enter goes on.' : 'Answer with 1-9.', tone: 'muted' });
      break;
    }
    case 'challenge':
      out.push({ text: `Challenge: ${goalText(step.goal)}${step.count && step.count > 1 ? ` (${step.count} times)` : ''}.`, tone: 'accent' });
      out.push({ text: 'p perturbs (your actions are recorded), enter runs it, H shows a hint, r starts over.', tone: 'muted' });
      st.hints.forEach((h, i) => out.push({ text: `Hint ${i + 1}: ${h}` }));
      if (st.challengeResult) out.push({ text: st.challengeResult, tone: st.reached ? 'ok' : 'bad' });
      break;
    case 'recap':
      step.points.forEach((p) => out.push({ text: `• ${p}` }));
      out.push({ text: 'Enter finishes the lesson.', tone: 'muted' });
      break;
    default:
      out.push({ text: 'Enter goes on; ] and [ move between steps.', tone: 'muted' });
  }
  return out;
}

/** The panel as wrapped, styled lines for the narrative pane. */
export function stepPanelMd(step: Step, status: StepStatus, width: number, theme: Theme): MdLine[] {
  const tone = { ok: theme.ok, bad: theme.bad, accent: theme.accent, muted: theme.muted };
  const out: MdLine[] = [];
  for (const l of stepPanelLines(step, status)) {
    // Option lines keep their mark and number in front, and wrap under the option's text.
    const m = /^(\s*(?:[✓✗]\s)?\s*\d+\.\s|• )/.exec(l.text);
    const first = m ? m[1]! : '';
    out.push(...wrapSpans([{ text: l.text.slice(first.length), style: l.tone ? tone[l.tone] : undefined }], width - 1, first, ' '.repeat(first.length)));
  }
  return out;
}
