/** The lessons module's public surface (UI-free): loading, linting, playing, scenario files. */
export { parseLesson, loadLesson, type Lesson, type LoadResult } from './loader.js';
export { lintPath, formatLintReport, type LintReport, type LintOptions } from './lint.js';
export { LessonPlayer, type AnswerFeedback, type StepRecord, type StepProgress, type PlayerOptions } from './player.js';
export type { ChallengeResult, PredictReveal, RunOutcome, OptionVerdict } from './playback.js';
export { loadCourse, findLesson, type Course } from './course.js';
export { parseScenario, loadScenarioFile, readScenarioFile, type ScenarioLoadResult } from './scenarioFile.js';
export { formatDiagnostic, type Diagnostic, type Position, type Severity } from './diagnostics.js';
export { STEP_KINDS } from './schema.js';
export type * from './schema.js';
export { asMenuAction, menuPerturbation, parseTyped, RANGES, type MenuAction, type SolutionAction, type ValueRange } from './uiActions.js';
