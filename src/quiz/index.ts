/**
 * src/quiz: the UI-free quiz engine.
 *
 * Typical use by the quiz screen (progress comes from src/store):
 *   const bank = quizBank();                                   // all questions, cached
 *   let { progress, run } = startQuizForProgress(p, bank, 'mixed');   // or a lesson id
 *   const q = currentQuestion(run);                            // prompt, options, kind, showMe/reveal
 *   const { run: next, feedback } = answerCurrent(run, 'b');   // feedback.correct, feedback.lines
 *   progress = recordAnswer(progress, next, next.answers.at(-1)!, Date.now());
 *   quizScore(next)                                            // { correct, answered, total }
 *   progress = recordFinishedQuiz(progress, next, Date.now()); // when isFinished(next)
 *   weakItems(bank, progress.mastery)                          // "still weak" transitions
 *
 * Question kinds:
 *   transition  generated from src/sim/probe.ts; `outcomes` per option, `showMe` for the ladder
 *   scenario    `reveal`: play the scenario to `pauseAt`, ask, then play to `revealUntil`
 *   fact        from the course text (factData.ts)
 *   misuse      API misuse (close() again, send() after close()), misuse.ts: no lesson, mixed review only
 */
export * from './types.js';
export * from './bank.js';
export * from './transitions.js';
export * from './scenarios.js';
export * from './facts.js';
export * from './mastery.js';
export * from './selection.js';
export * from './session.js';
export * from './progressBridge.js';
export { describeSummary, type EventSummary } from './eventSummary.js';
export { simProber, type Prober } from './probeTypes.js';
