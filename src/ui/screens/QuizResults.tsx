/**
 * The end of a quiz: the score, each question of the session with where it now stands in plain
 * words ("again next session", "known"), and the review of missed questions (key r), which shows
 * each one again with the right answer, the learner's pick, and why.
 */
import { Box, Text } from 'ink';
import { masteryWords } from '../../quiz/mastery.js';
import type { QuizRun } from '../../quiz/session.js';
import type { QuizQuestion } from '../../quiz/types.js';
import type { MasteryRecord } from '../../store/schema.js';
import { GLYPHS, useTheme } from '../theme.js';

export interface Missed {
  question: QuizQuestion;
  choice: string;
}

export function missedOf(run: QuizRun): Missed[] {
  return run.answers.flatMap((a) => {
    const question = run.questions.find((q) => q.id === a.questionId);
    return !a.correct && question ? [{ question, choice: a.choice }] : [];
  });
}

export function QuizSummary(props: { run: QuizRun; mastery: Readonly<Record<string, MasteryRecord>>; rows: number }) {
  const theme = useTheme();
  const { run } = props;
  const correct = run.answers.filter((a) => a.correct).length;
  const missed = missedOf(run).length;
  const room = Math.max(1, props.rows - 8);
  const shown = run.answers.slice(0, room);
  return (
    <>
      <Text {...theme.ok}>{`Finished: ${correct} of ${run.questions.length} right.`}</Text>
      <Text> </Text>
      <Text {...theme.heading}>This session, and when each question comes back</Text>
      {shown.map((a) => {
        const q = run.questions.find((x) => x.id === a.questionId);
        const words = masteryWords(props.mastery[a.questionId], run.session);
        return (
          <Text key={a.questionId} wrap="truncate" {...(a.correct ? {} : theme.bad)}>
            {`  ${a.correct ? GLYPHS.done : GLYPHS.wrong} ${q?.topic ?? a.questionId}: ${words}`}
          </Text>
        );
      })}
      {run.answers.length > shown.length && <Text {...theme.muted}>{`  and ${run.answers.length - shown.length} more`}</Text>}
      <Box flexGrow={1} />
      <Text {...theme.muted} wrap="truncate">
        {missed > 0 ? `r reviews the ${missed} you missed, with explanations. Enter or m: menu.` : 'Nothing missed. Enter or m returns to the menu.'}
      </Text>
    </>
  );
}

export function QuizReview(props: { missed: Missed[]; at: number; rows: number }) {
  const theme = useTheme();
  const item = props.missed[props.at];
  if (!item) return <Text {...theme.muted}>Nothing to review.</Text>;
  const { question: q, choice } = item;
  const answer = q.options.find((o) => o.id === q.answerId)!;
  const picked = q.options.find((o) => o.id === choice);
  return (
    <>
      <Text {...theme.heading}>{`Review: missed question ${props.at + 1} of ${props.missed.length}${q.kind === 'misuse' ? ' · API misuse' : ''}`}</Text>
      {premiseFor(q, props.rows).map((l, i) => (
        <Text key={`p${i}`} {...theme.muted} wrap="wrap">
          {l}
        </Text>
      ))}
      <Text wrap="wrap" {...theme.strong}>
        {q.prompt}
      </Text>
      {q.options.map((o, i) => {
        const right = o.id === q.answerId;
        const pick = o.id === choice;
        return (
          <Text key={o.id} wrap="wrap" {...(right ? theme.ok : pick ? theme.bad : {})}>
            {`${right ? `${GLYPHS.done} ` : pick ? `${GLYPHS.wrong} ` : '  '}${i + 1}. ${o.text}`}
          </Text>
        );
      })}
      <Text wrap="wrap">{`Why ${q.options.indexOf(answer) + 1} is right: ${answer.explanation}`}</Text>
      {picked && <Text wrap="wrap">{`Why ${q.options.indexOf(picked) + 1} is wrong: ${picked.explanation}`}</Text>}
      <Text {...theme.muted} wrap="truncate">{`Source: ${q.source}`}</Text>
      <Box flexGrow={1} />
      <Text {...theme.muted} wrap="truncate">
        Enter or ↓: next · ↑: previous · r: back to the results · m: menu
      </Text>
    </>
  );
}

/** The premise, or on a short terminal only its last lines (the state and the event asked about). */
export function premiseFor(q: QuizQuestion, rows: number): string[] {
  const lines = q.premise ?? [];
  return rows >= 32 || q.kind === 'order' ? lines : lines.slice(-2);
}
