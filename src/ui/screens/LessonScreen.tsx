/**
 * The lesson player: the live view driven by a LessonPlayer (src/lessons/player.ts). Each step
 * rebuilds its simulation deterministically; the learner plays, steps, perturbs and answers.
 * Progress (the step reached, completion) is reported through callbacks the App saves.
 */
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSyncReducer, useSyncState } from '../keys/useSyncState.js';
import { LessonPlayer, type AnswerFeedback } from '../../lessons/player.js';
import type { Lesson } from '../../lessons/loader.js';
import type { Step } from '../../lessons/schema.js';
import type { Perturbation } from '../../sim/scenario.js';
import { Narrative } from '../components/Narrative.js';
import { RunView } from '../components/RunView.js';
import { stepPanelLines, stepPanelMd, type StepStatus } from '../components/StepPanel.js';
import { emptySim } from '../emptySim.js';
import { exportRun } from '../exportRun.js';
import { useKeys } from '../keys/useKeys.js';
import { initialUiState, uiReducer } from '../keys/uiState.js';
import { handleRunKey, runContexts } from '../runKeys.js';
import type { SimLike } from '../simTypes.js';
import { useTheme } from '../theme.js';
import { SimContext, useSimulation } from '../useSimulation.js';

export interface LessonScreenProps {
  lesson: Lesson;
  startAt?: number | undefined;
  seed?: number | undefined;
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
  const empty = useMemo(() => emptySim(), []);
  const sim: SimLike = useMemo(() => player.sim ?? empty, [player, index, simVersion, empty]);
  // Playing pauses the moment the step's goal is first seen, so the learner sees it happen.
  const goalSeen = useRef(false);
  const ctrl = useSimulation(sim, {
    shouldPause: () => {
      if (goalSeen.current || !player.target()) return false;
      const p = player.progress();
      if (p.reached) goalSeen.current = true;
      return p.reached;
    },
  });
  const [ui, dispatch, uiRef] = useSyncReducer(uiReducer, () => initialUiState(['ladder', 'narrative', 'log']));
  const step = player.step;
  // The step's goal and the reveal depend on the trace: redraw when it grows (not on every frame).
  useSyncExternalStore(ctrl.subscribe, () => ctrl.getState().traceLength);

  const enter = (i: number) => {
    player.enterStep(i);
    goalSeen.current = false;
    setAnswers(NO_ANSWERS);
    setIndex(i);
    setSimVersion((v) => v + 1);
    // Hand the new simulation over now, so a key that follows at once acts on it.
    ctrl.setSim(player.sim ?? empty);
    dispatch({ type: 'follow' });
    props.onStep?.(lesson.id, i);
  };
  const rebuilt = () => {
    setSimVersion((v) => v + 1);
    ctrl.setSim(player.sim ?? empty);
  };

  const progress = player.progress();
  const status: StepStatus = {
    reached: progress.reached,
    timedOut: progress.timedOut,
    feedback: answers.feedback,
    chosen: answers.chosen,
    question: answers.question,
    hints: answers.hints,
    challengeResult: answers.challengeResult,
  };

  const finish = () => {
    setFinished(true);
    props.onComplete?.(lesson.id);
    dispatch({
      type: 'message',
      text: `Lesson ${lesson.number} done. ${props.onQuiz ? 'Enter takes its quiz, ' : 'Enter or '}m returns to the menu, [ revisits a step.`,
    });
  };

  const proceed = () => {
    const s = player.step;
    const t = player.target();
    if (t && !player.progress().reached && !player.progress().timedOut) {
      if (s.kind === 'predict' && !answersRef.current.feedback) {
        dispatch({ type: 'message', text: 'Make a prediction first: press 1-9.' });
        return;
      }
      ctrl.pause();
      if (s.kind === 'run') {
        player.play();
        ctrl.refresh();
      } else if (s.kind === 'predict') {
        player.reveal();
        rebuilt();
      } else if (s.kind === 'challenge') {
        const r = player.runChallenge();
        ctrl.refresh();
        setAnswers((a) => ({ ...a, challengeResult: r ? (r.reached ? `Solved: the goal was seen ${r.count} time(s).` : `Not yet: the goal was seen ${r.count} of ${r.needed} time(s). r starts over.`) : undefined }));
      }
      goalSeen.current = true;
      return;
    }
    if (s.kind === 'questions' && answersRef.current.feedback && answersRef.current.question < s.questions.length - 1) {
      setAnswers({ ...NO_ANSWERS, question: answersRef.current.question + 1 });
      return;
    }
    if (player.isLast) finish();
    else enter(indexRef.current + 1);
  };

  const answer = (key: string) => {
    const k = Number(key) - 1;
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
  const helpContexts = ['lesson', 'run', 'list', 'global'] as const;
  useKeys(() => runContexts(uiRef.current, 'lesson'), (b, key) =>
    handleRunKey(b, key, {
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
        exportRun(st.sim.completeTrace(), props.exportDir ?? process.cwd(), `tcp-timewait-${lesson.id}-step${indexRef.current + 1}`).then(
          (paths) => dispatch({ type: 'message', text: `Exported ${paths.join(' and ')}` }),
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
            if (!player.isLast) enter(indexRef.current + 1);
            else finish();
            return;
          case 'prevStep':
            if (!player.isFirst) enter(indexRef.current - 1);
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
          case 'menu':
            props.onMenu();
            return;
        }
      },
    }),
  );

  const stepTitle = step.title ?? UNTITLED_STEP[step.kind];
  const title = `Lesson ${lesson.number} · step ${index + 1}/${player.count} · ${lesson.title}`;
  const markdown = step.text ?? '';
  const interactive = step.kind === 'predict' || step.kind === 'questions';
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
    />
  );
  const narrativeText = [step.text ?? '', ...stepPanelLines(step, status).map((l) => l.text)].filter(Boolean).join(' ');
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
        narrativeOnly={!player.sim}
      />
    </SimContext.Provider>
  );
}
