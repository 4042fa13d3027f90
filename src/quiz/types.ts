/**
 * The quiz's data model, shared by every question source and by the TUI.
 *
 * A question is plain data: a prompt, 3-5 options (each with its own explanation, shown after
 * answering), the id of the right option, and an item id that mastery is tracked under.
 * Transition questions also carry what the "show me" ladder needs; scenario questions carry
 * the scenario and the conditions to play to for the reveal.
 */
import type { Condition } from '../sim/condition.js';
import type { AppEventName, SegmentRecord } from '../sim/trace.js';
import type { TcpState } from '../sim/tcp/states.js';

/** The course's lessons, by id (shared/DESIGN.md). */
export const LESSON_IDS = [
  'the-close',
  'msl',
  'lost-final-ack',
  'wandering-duplicates',
  'the-exception',
  'in-practice',
  'review',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export type QuestionKind = 'transition' | 'scenario' | 'fact' | 'state-now' | 'order' | 'cause' | 'misuse';

/** How the quiz screen names each kind, neutrally (never the topic). */
export const KIND_LABELS: Record<QuestionKind, string> = {
  transition: 'what does it do?',
  scenario: 'what happens next?',
  fact: 'the facts',
  'state-now': 'which state now?',
  order: 'put in order',
  cause: 'cause this',
  misuse: 'API misuse: what does the call do?',
};

export interface QuizOption {
  /** Stable within its question: 'a', 'b', ... in display order. */
  id: string;
  text: string;
  /** Why this option is right or wrong; shown once the learner has answered. */
  explanation: string;
}

/** What an endpoint does in one transition: the segments it sends (as flag lists) and its next state. */
export interface TransitionOutcome {
  /** e.g. ['ACK'] or ['FIN', 'ACK'] per segment sent, in order; [] when nothing is sent. */
  sent: string[][];
  next: TcpState;
}

/** What the TUI's "show me" ladder draws for a transition question. */
export interface TransitionShowMe {
  state: TcpState;
  /** Short description of the event, e.g. "FIN arrives" or "close() called". */
  event: string;
  /** The incoming segment's flags, when the event is a segment. */
  incoming?: string[];
  sent: SegmentRecord[];
  next: TcpState;
  app: AppEventName[];
}

/**
 * API-misuse questions: the run, the endpoint and the state it is in, and the call it makes
 * `after` seconds once it entered that state (at `at` microseconds), to replay the answer.
 */
export interface MisuseReplay {
  run: string;
  host: 'client' | 'server';
  state: TcpState;
  call: 'close' | 'send';
  after: number;
  at: number;
}

/** What the TUI needs to pause a scenario for the question and then play the answer. */
export interface ScenarioReveal {
  scenario: string;
  seed: number;
  /** Play to here (from the start) before asking. */
  pauseAt: Condition;
  /** Then play to here to show the answer (counted from the pause). */
  revealUntil: Condition;
}

export interface QuizQuestion {
  /** Mastery is tracked under this id: stable across runs and versions of the bank. */
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** Lines shown above the prompt: an excerpt of the run the question was drawn from. */
  premise?: string[];
  options: QuizOption[];
  answerId: string;
  /** The lessons whose quiz may include this question ('review' holds everything but API misuse, which has none). */
  lessons: LessonId[];
  /** Short name for lists such as "weak transitions", e.g. "TIME_WAIT + FIN". */
  topic: string;
  /** The rule the answer rests on, e.g. "RFC 9293 §3.10.7.4". */
  source: string;
  /** Transition questions: the structured outcome of each option, keyed by option id. */
  outcomes?: Record<string, TransitionOutcome>;
  showMe?: TransitionShowMe;
  reveal?: ScenarioReveal;
  /** State-now questions: the run, the step it is paused after, and the state the simulator reached. */
  pause?: { run: string; step: number; host: 'client' | 'server'; state: TcpState };
  /** Transition questions: the run and the step whose event the question asks about. */
  drawnFrom?: { run: string; step: number };
  /** API-misuse questions: the call to replay (they belong to no lesson: `lessons` is empty). */
  misuse?: MisuseReplay;
  /** Order questions: the run, and the steps of the segments in the order they were sent. */
  sequence?: { run: string; steps: number[] };
}
