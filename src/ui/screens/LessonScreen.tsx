/**
 * The lesson player: the live view driven by a LessonPlayer (src/lessons/player.ts). Each step
 * rebuilds its simulation deterministically; the learner plays, steps, perturbs and answers.
 * Progress (the step reached, completion) is reported through callbacks the App saves.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSyncReducer, useSyncState } from '../keys/useSyncState.js';
import { LessonPlayer, type AnswerFeedback } from '../../lessons/player.js';
import type { Lesson } from '../../lessons/loader.js';
import { optionCount, optionOrder, optionSeed } from '../../lessons/optionOrder.js';
import type { Step } from '../../lessons/schema.js';
import type { Perturbation } from '../../sim/scenario.js';
import { Narrative, narrativeLines } from '../components/Narrative.js';
import { RunView } from '../components/RunView.js';
import { answerWith, challengeVerdict, stepPanelMd, stepPanelText, type StepStatus } from '../components/StepPanel.js';
import { emptySim } from '../emptySim.js';
import { exportMessage, exportRun } from '../exportRun.js';
import { useKeys } from '../keys/useKeys.js';
import { initialUiState, uiReducer } from '../keys/uiState.js';
import { jumpToStop, stepStopOptions } from '../lessonStops.js';
import { handleRunKey, runContexts } from '../runKeys.js';
import type { SimLike } from '../simTypes.js';
import { useTheme } from '../theme.js';
import { SimContext, useSimulation } from '../useSimulation.js';
import { markdownPlain } from '../markdown.js';
import { CompareScreen } from '../compare/CompareScreen.js';
import { compareInputs } from '../../lessons/compareStep.js';
import { resolvePolicies } from '../../sim/policy.js';

export interface LessonScreenProps {
  lesson: Lesson;
  startAt?: number | undefined;
  seed?: number | undefined;
  /** With the attempt number, seeds the shuffled order of options (src/lessons/optionOrder.ts). */
  learnerId?: string | undefined;
  /** Lesson steps the learner had entered before this screen opened (saved progress). */
  attemptBase?: number | undefined;
  columns: number;
  rows: number;
  exportDir?: string | undefined;
  onStep?: (lessonId: string, index: number) => void;
  onComplete?: (lessonId: string) => void;
  /** After the last step: the lesson's own quiz (absent: back to the menu). */
  onQuiz?: (lessonId: string) => void;
  onMenu: () => void;
}

interface Answers {
  feedback?: AnswerFeedback | undefined;
  chosen?: number | undefined;
  question: number;
  hints: string[];
  challengeResult?: string | undefined;
}

const NO_ANSWERS: Answers = { question: 0, hints: [] };

/** A step without a title is headed by what it is, in words (never its `kind` as spelled in the file). */
const UNTITLED_STEP: Record<Step['kind'], string> = {
  narrative: 'Read',
  setup: 'A new run',
  perturb: 'Interference',
  run: 'Play',
  predict: 'Predict',
  questions: 'Questions',
  challenge: 'Challenge',
  recap: 'Recap',
  compare: 'Side by side',
};

export function LessonScreen(props: LessonScreenProps) {
  const { lesson } = props;
  const theme = useTheme();
  const player = useMemo(
    () => new LessonPlayer(lesson, { seed: props.seed ?? 1, startAt: Math.min(Math.max(0, props.startAt ?? 0), lesson.steps.length - 1) }),
    [lesson, props.seed],
  );
  const [index, setIndex, indexRef] = useSyncState(player.index);
  const [simVersion, setSimVersion] = useState(0);
  const [answers, setAnswers, answersRef] = useSyncState<Answers>(NO_ANSWERS);
  const [finished, setFinished, finishedRef] = useSyncState(false);
  // Every entry into a step (a restart too) is a new attempt, so a retry shows a new order;
  // the count continues from saved progress, so it differs after a restart of the program too.
  const [attempt, setAttempt, attemptRef] = useSyncState(props.attemptBase ?? 0);
  const orderFor = (question: number, att: number) =>
    optionOrder(optionCount(player.step, question), optionSeed(props.learnerId ?? 'anonymous', lesson.id, player.index, question, att));
  const empty = useMemo(() => emptySim(), []);
  const sim: SimLike = useMemo(() => player.sim ?? empty, [player, index, simVersion, empty]);
  // Playing pauses the moment the step's goal is first seen, so the learner sees it happen;
  // a run "to 46 s" (or one that reaches its limit) stops the clock at that moment exactly,
  // whether Space plays it or → steps it.
  const goalSeen = useRef(false);
  const ctrl = useSimulation(sim, { ...stepStopOptions(player, goalSeen), clock: player.clockSeconds * 1e6 });
  const [ui, dispatch, uiRef] = useSyncReducer(uiReducer, () => initialUiState(['ladder', 'narrative', 'log']));
  const step = player.step;
  // The step's goal and the reveal depend on the trace and, for a time target, on the clock:
  // redraw when either changes what the step panel says (not on every frame).
  useSyncExternalStore(ctrl.subscribe, () => {
    const st = ctrl.getState();
    const p = player.progress(st.clock);
    return `${st.traceLength}:${p.reached}:${p.timedOut}`;
  });

  // Opening the lesson enters its first step: counted like any other entry.
  useEffect(() => props.onStep?.(lesson.id, player.index), []); // eslint-disable-line react-hooks/exhaustive-deps

  const enter = (i: number) => {
    player.enterStep(i);
    setAttempt(attemptRef.current + 1);
    goalSeen.current = false;
    setAnswers(NO_ANSWERS);
    setIndex(i);
    setSimVersion((v) => v + 1);
    // Hand the new simulation over now, so a key that follows at once acts on it.
    ctrl.setSim(player.sim ?? empty, player.clockSeconds * 1e6);
    dispatch({ type: 'follow' });
    props.onStep?.(lesson.id, i);
  };
  const progress = player.progress(ctrl.getState().clock);
  const status: StepStatus = {
    reached: progress.reached,
    timedOut: progress.timedOut,
    feedback: answers.feedback,
    chosen: answers.chosen,
    question: answers.question,
    hints: answers.hints,
    challengeResult: answers.challengeResult,
    order: orderFor(answers.question, attempt),
  };

  const finish = () => {
    setFinished(true);
    props.onComplete?.(lesson.id);
    dispatch({
      type: 'message',
      text: `Lesson ${lesson.number} done. ${props.onQuiz ? 'Enter takes its quiz, ' : 'Enter or '}m returns to the menu, [ revisits a step.`,
    });
  };

  /** The keys that move between steps, the same in the run view and in a compare step. */
  const moveAlong = (action: 'nextStep' | 'prevStep' | 'menu') => {
    if (action === 'menu') props.onMenu();
    else if (action === 'prevStep') {
      if (!player.isFirst) enter(indexRef.current - 1);
    } else if (!player.isLast) enter(indexRef.current + 1);
    else finish();
  };

  const proceed = () => {
    const s = player.step;
    const t = player.target();
    const now = player.progress(ctrl.getState().clock);
    if (t && !now.reached && !now.timedOut) {
      if (s.kind === 'predict' && !answersRef.current.feedback) {
        dispatch({ type: 'message', text: `Make a prediction first: ${answerWith(s.options.length).toLowerCase()}` });
        return;
      }
      ctrl.pause();
      if (s.kind === 'run' || s.kind === 'predict') {
        // Enter jumps to the same moment Space would stop at.
        if (jumpToStop(player, ctrl)) setSimVersion((v) => v + 1);
      } else if (s.kind === 'challenge') {
        const r = player.runChallenge();
        ctrl.refresh();
        setAnswers((a) => ({ ...a, challengeResult: r ? challengeVerdict(r) : undefined }));
      }
      goalSeen.current = true;
      return;
    }
    if (s.kind === 'questions' && !answersRef.current.feedback) {
      // Enter must not skip a question by accident; ] still moves on deliberately.
      const q = s.questions[answersRef.current.question];
      dispatch({ type: 'message', text: `Answer first: ${answerWith(q?.options.length ?? 2).toLowerCase().replace(/\.$/, '')} (] skips the step).` });
      return;
    }
    if (s.kind === 'questions' && answersRef.current.question < s.questions.length - 1) {
      setAnswers({ ...NO_ANSWERS, question: answersRef.current.question + 1 });
      return;
    }
    if (player.isLast) finish();
    else enter(indexRef.current + 1);
  };

  const answer = (key: string) => {
    // The digit is a place in the shown order; the player and the record take file indexes.
    const k = orderFor(answersRef.current.question, attemptRef.current)[Number(key) - 1] ?? Infinity;
    const s = player.step;
    try {
      if (s.kind === 'predict' && !answersRef.current.feedback && k < s.options.length) {
        setAnswers((a) => ({ ...a, feedback: player.answerPredict(k), chosen: k }));
      } else if (s.kind === 'questions' && !answersRef.current.feedback) {
        const q = s.questions[answersRef.current.question];
        if (q && k < q.options.length) setAnswers((a) => ({ ...a, feedback: player.answerQuestion(a.question, k), chosen: k }));
      }
    } catch {
      // An out-of-range option is simply not an answer.
    }
  };

  const contexts = runContexts(ui, 'lesson');
  const helpContexts = ['lesson', 'run', 'list', 'input', 'global'] as const;
  // A compare step is drawn by CompareScreen, which takes the keys and hands lesson keys back.
  const comparing = step.kind === 'compare';
  useKeys(() => runContexts(uiRef.current, 'lesson'), (b, key) =>
    player.step.kind === 'compare' ? undefined : handleRunKey(b, key, {
      ctrl,
      ui: uiRef.current,
      dispatch,
      helpContexts,
      canRun: player.sim !== undefined,
      applyPerturbation: (p: Perturbation) => {
        if (player.step.kind === 'challenge') {
          player.act(p);
          ctrl.refresh();
        } else ctrl.perturb(p);
      },
      onExport: () => {
        const st = ctrl.getState();
        exportRun(st.sim.completeTrace(), props.exportDir, `${lesson.id}-step${indexRef.current + 1}`).then(
          (paths) => dispatch({ type: 'message', text: exportMessage(paths) }),
          (err: unknown) => dispatch({ type: 'message', text: `Export failed: ${String((err as Error).message ?? err)}` }),
        );
      },
      other: (bb, k) => {
        switch (bb.action) {
          case 'continue':
            if (finishedRef.current) (props.onQuiz ? props.onQuiz(lesson.id) : props.onMenu());
            else proceed();
            return;
          case 'nextStep':
          case 'prevStep':
          case 'menu':
            moveAlong(bb.action);
            return;
          case 'restartStep':
            if (player.step.kind === 'challenge') player.resetChallenge();
            enter(index);
            return;
          case 'answer':
            answer(k);
            return;
          case 'hint':
            if (player.step.kind === 'challenge') {
              const h = player.revealHint();
              if (h) setAnswers((a) => ({ ...a, hints: [...a.hints, h] }));
              else dispatch({ type: 'message', text: 'No more hints.' });
            }
            return;
        }
      },
    }),
    !comparing,
  );

  const stepTitle = step.title ?? UNTITLED_STEP[step.kind];
  const title = `Lesson ${lesson.number} · step ${index + 1}/${player.count} · ${lesson.title}`;
  const markdown = step.text ?? '';
  const interactive = step.kind === 'predict' || step.kind === 'questions';
  // What the narrative has newly said (an answer, a hint, a result, a reveal reached): while
  // there is news it takes rows from the ladder and scrolls to show its newest line.
  // Before the first event the ladder is an empty frame: the text may use its rows meanwhile.
  const nothingDrawnYet = ctrl.getState().traceLength === 0;
  const hasNews = status.feedback !== undefined || status.hints.length > 0 || status.challengeResult !== undefined;
  const newsKey = hasNews ? `${index}:${status.question}:${status.chosen ?? ''}:${status.hints.length}:${status.challengeResult ?? ''}:${status.reached}` : undefined;
  const narrativeLineCount = (width: number) => narrativeLines(markdown, width, theme, stepPanelMd(step, status, width, theme), interactive).lines.length;
  const narrative = (r: { width: number; height: number }, scroll: number, focused: boolean) => (
    <Narrative
      title={`${finished ? '✓ ' : ''}Step ${index + 1}/${player.count}: ${stepTitle}`}
      markdown={markdown}
      width={r.width}
      height={r.height}
      scroll={scroll}
      focused={focused}
      extra={stepPanelMd(step, status, r.width, theme)}
      extraFirst={interactive}
      newsKey={newsKey}
      onScroll={(top) => dispatch({ type: 'scrollTo', pane: 'narrative', to: top })}
    />
  );
  // Screen-reader mode reads this instead of the panes: the step, its text rendered to plain
  // sentences (no Markdown marks), then the question, options, marks and results line by line.
  // Rendering Markdown on every frame would be waste: the step's text changes only with the step.
  const plainText = useMemo(() => markdownPlain(step.text ?? '', theme), [step.text, theme]);
  // A compare step's two runs: computed once per step (the view keeps them while it is open).
  const compare = useMemo(() => {
    if (step.kind !== 'compare') return undefined;
    const inputs = compareInputs(lesson, index, { seed: player.seed });
    return inputs && { ...inputs, now: resolvePolicies(inputs.spec.policies, inputs.base) };
  }, [lesson, index, step, player]);
  const narrativeText = [
    `${finished ? 'Done: ' : ''}Step ${index + 1}/${player.count}: ${stepTitle}.`,
    plainText,
    ...stepPanelText(step, status, theme),
  ]
    .filter(Boolean)
    .join('\n');
  if (step.kind === 'compare' && compare) {
    return (
      <CompareScreen
        key={`${index}:${attempt}`}
        spec={compare.spec}
        seed={compare.seed}
        base={compare.base}
        now={compare.now}
        perturbations={compare.perturbations}
        variant={compare.variant}
        columns={props.columns}
        rows={props.rows}
        title={title}
        heading={`Step ${index + 1}/${player.count}: ${stepTitle}`}
        intro={plainText}
        extraContexts={['lesson']}
        onOther={(b, _key, reached) => {
          switch (b.action) {
            case 'continue':
              if (finishedRef.current) (props.onQuiz ? props.onQuiz(lesson.id) : props.onMenu());
              else if (!reached) return 'Step on (→ or G) to where the two runs part first; then Enter goes on.';
              else if (player.isLast) finish();
              else enter(indexRef.current + 1);
              return;
            case 'nextStep':
            case 'prevStep':
            case 'menu':
              moveAlong(b.action);
              return;
            case 'restartStep':
              enter(index);
              return;
          }
        }}
      />
    );
  }
  return (
    <SimContext.Provider value={ctrl}>
      <RunView
        title={title}
        columns={props.columns}
        rows={props.rows}
        ui={ui}
        contexts={contexts}
        helpContexts={helpContexts}
        narrative={narrative}
        narrativeText={narrativeText}
        tallNarrative={interactive || step.kind === 'challenge'}
        narrativeOnly={!player.sim || step.kind === 'recap'}
        narrativeNews={hasNews || nothingDrawnYet}
        narrativeLines={narrativeLineCount}
      />
    </SimContext.Provider>
  );
}
