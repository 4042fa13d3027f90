/**
 * The quiz: one question at a time, feedback at once with the explanation, "show me" (a small
 * ladder of the answer), the running score, and at the end the transitions still weak.
 * Answers go to saved progress (history, Leitner mastery) as they are given.
 */
import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { useSyncState } from '../keys/useSyncState.js';
import { quizBank } from '../../quiz/bank.js';
import { isLessonId, recordAnswer, recordFinishedQuiz, startQuizForProgress } from '../../quiz/progressBridge.js';
import { answerCurrent, currentQuestion, isFinished, quizScore, type Feedback, type QuizRun } from '../../quiz/session.js';
import { KIND_LABELS } from '../../quiz/types.js';
import type { Progress } from '../../store/schema.js';
import { missedOf, premiseFor, QuizReview, QuizSummary } from './QuizResults.js';
import { Footer } from '../components/Footer.js';
import { HelpScreen } from '../components/HelpScreen.js';
import { StyledLine } from '../components/StyledLine.js';
import { useKeys } from '../keys/useKeys.js';
import { scenarioRows, showMeRows } from '../quizShowMe.js';
import { GLYPHS, useTheme } from '../theme.js';

export interface QuizScreenProps {
  scope: string;
  /** How the header names a one-lesson quiz, e.g. "lesson 1: The close, step by step" (never its id). */
  scopeTitle?: string | undefined;
  progress: Progress;
  columns: number;
  rows: number;
  now: () => number;
  onProgress: (p: Progress) => void;
  onMenu: () => void;
}

export function QuizScreen(props: QuizScreenProps) {
  const theme = useTheme();
  const progressRef = useRef(props.progress);
  const save = (p: Progress) => {
    progressRef.current = p;
    props.onProgress(p);
  };
  const bank = useMemo(() => quizBank(), []);
  const [run, setRun, runRef] = useSyncState<QuizRun>(() => {
    const scope = isLessonId(props.scope) ? props.scope : 'mixed';
    const started = startQuizForProgress(progressRef.current, bank, scope);
    // Saving the new session number belongs after the screen is committed (the effect below): a
    // render React throws away (Suspense) must not count a session, or each quiz would use two.
    progressRef.current = started.progress;
    return started.run;
  });
  useEffect(() => {
    props.onProgress(progressRef.current);
    // Once, on mount: later saves go through save().
  }, []);
  const [feedback, setFeedback, feedbackRef] = useSyncState<Feedback | null>(null);
  const [cursor, setCursor, cursorRef] = useSyncState(0);
  const [showMe, setShowMe] = useSyncState(false);
  const [help, setHelp, helpRef] = useSyncState(false);
  const [reviewAt, setReviewAt, reviewRef] = useSyncState<number | null>(null);
  const q = feedback ? feedback.question : currentQuestion(run);
  const done = !feedback && isFinished(run);
  const score = quizScore(run);

  const answer = (i: number) => {
    const cur = currentQuestion(runRef.current);
    if (feedbackRef.current || !cur) return;
    const opt = cur.options[i];
    if (!opt) return;
    const r = answerCurrent(runRef.current, opt.id);
    setRun(r.run);
    setFeedback(r.feedback);
    setShowMe(false);
    let p = recordAnswer(progressRef.current, r.run, r.run.answers[r.run.answers.length - 1]!, props.now());
    if (isFinished(r.run)) p = recordFinishedQuiz(p, r.run, props.now());
    save(p);
  };

  useKeys(() => (helpRef.current ? ['help'] : ['quiz']), (b, key) => {
    const fb = feedbackRef.current;
    const shown = fb ? fb.question : currentQuestion(runRef.current);
    switch (b.action) {
      case 'help':
      case 'close':
        setHelp((h) => !h);
        return;
      case 'answer':
        answer(Number(key) - 1);
        return;
      case 'review':
        if (!fb && isFinished(runRef.current) && missedOf(runRef.current).length > 0) setReviewAt((r) => (r === null ? 0 : null));
        return;
      case 'up':
      case 'down':
        if (reviewRef.current !== null) {
          const n = missedOf(runRef.current).length;
          setReviewAt((r) => Math.min(n - 1, Math.max(0, (r ?? 0) + (b.action === 'up' ? -1 : 1))));
          return;
        }
        if (shown && !helpRef.current) setCursor((c) => (c + (b.action === 'up' ? -1 : 1) + shown.options.length) % shown.options.length);
        return;
      case 'select':
        if (reviewRef.current !== null) {
          const n = missedOf(runRef.current).length;
          setReviewAt((r) => ((r ?? 0) + 1 < n ? (r ?? 0) + 1 : null));
        } else if (!fb && isFinished(runRef.current)) props.onMenu();
        else if (fb) {
          setFeedback(null);
          setShowMe(false);
          setCursor(0);
        } else answer(cursorRef.current);
        return;
      case 'showMe':
        if (fb) setShowMe((s) => !s);
        return;
      case 'menu':
        props.onMenu();
        return;
    }
  });

  const height = Math.max(3, props.rows - 1);
  const width = props.columns;
  if (help) {
    return (
      <Box flexDirection="column" height={height}>
        <HelpScreen contexts={['quiz', 'global']} width={width} height={height - 1} scroll={0} />
        <Footer contexts={['help', 'global']} width={width} />
      </Box>
    );
  }
  const header = (
    <Box justifyContent="space-between" width={width}>
      <Text {...theme.heading}>{`Quiz · ${run.scope === 'mixed' ? 'mixed review' : (props.scopeTitle ?? 'this lesson')}`}</Text>
      <Text>{`score ${score.correct}/${score.answered} · question ${Math.min(score.answered + (feedback ? 0 : 1), score.total)} of ${score.total}`}</Text>
    </Box>
  );
  if (done || !q) {
    return (
      <Box flexDirection="column" height={height} width={width} overflow="hidden">
        {header}
        {reviewAt !== null ? (
          <QuizReview missed={missedOf(run)} at={reviewAt} rows={height} />
        ) : (
          <QuizSummary run={run} mastery={progressRef.current.mastery} rows={height} />
        )}
        <Footer contexts={['quiz', 'global']} width={width} />
      </Box>
    );
  }
  const showRows = showMe && feedback ? showMeRows(q, width, Math.max(4, Math.floor(height / 3)), theme) : [];
  // A scenario question shows the run up to the pause it asks about (until "show me" replaces it).
  const contextRows = q.reveal && !(showMe && feedback) ? scenarioRows(q, width, Math.max(5, Math.floor(height / 3)), theme, false) : [];
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {header}
      <Text {...theme.muted} wrap="truncate">{`Kind: ${KIND_LABELS[q.kind]}`}</Text>
      {(feedback ? premiseFor(q, height) : (q.premise ?? [])).map((l, i) => (
        <Text key={`p${i}`} {...theme.muted} wrap="wrap">
          {l}
        </Text>
      ))}
      {contextRows.map((cells, i) => (
        <StyledLine key={`c${i}`} cells={cells} />
      ))}
      <Text wrap="wrap" {...theme.strong}>
        {q.prompt}
      </Text>
      {q.options.map((o, i) => {
        const right = feedback && o.id === feedback.answer.id;
        const wrongPick = feedback && !feedback.correct && o.id === feedback.chosen.id;
        const mark = right ? `${GLYPHS.done} ` : wrongPick ? `${GLYPHS.wrong} ` : !feedback && i === cursor ? `${GLYPHS.focus} ` : '  ';
        return (
          <Text key={o.id} wrap="wrap" {...(right ? theme.ok : wrongPick ? theme.bad : !feedback && i === cursor ? theme.selected : {})}>
            {`${mark}${i + 1}. ${o.text}`}
          </Text>
        );
      })}
      {feedback && (
        <>
          <Text {...(feedback.correct ? theme.ok : theme.bad)}>{verdictLine(feedback)}</Text>
          {feedbackLines(feedback).map((l, i) => (
            <Text key={i} wrap="wrap">
              {l}
            </Text>
          ))}
          <Text {...theme.muted} wrap="truncate">{`Source: ${q.source}`}</Text>
          {showRows.map((cells, i) => (
            <StyledLine key={`s${i}`} cells={cells} />
          ))}
          <Text {...theme.muted}>{`Enter: ${isFinished(run) ? 'results' : 'next question'}${q.showMe || q.reveal ? ` · w: ${showMe ? 'hide' : 'show me'}` : ''}`}</Text>
        </>
      )}
      <Box flexGrow={1} />
      <Footer contexts={['quiz', 'global']} width={width} />
    </Box>
  );
}

/** One verdict line: right, or which option was the answer. */
export function verdictLine(fb: Pick<Feedback, 'correct' | 'question' | 'answer'>): string {
  if (fb.correct) return `${GLYPHS.done} Right.`;
  return `${GLYPHS.wrong} Not that one: the answer is ${fb.question.options.findIndex((o) => o.id === fb.answer.id) + 1}.`;
}

/**
 * After the verdict: why the right answer is right; after a wrong pick, also why that pick is
 * wrong. No line repeats or contradicts the verdict (a leading "Right" in older text is dropped).
 */
export function feedbackLines(fb: Pick<Feedback, 'correct' | 'lines'>): string[] {
  const strip = (s: string) => s.replace(/^Right[.:!]\s*/, '');
  const [why, pick] = fb.lines.map(strip);
  const out = [`Why: ${why ?? ''}`];
  if (!fb.correct && pick !== undefined) out.push(`Your pick: ${pick}`);
  return out;
}
