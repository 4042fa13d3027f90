/**
 * The TUI's root: loads lessons and saved progress, routes between menu, lesson, sandbox and
 * quiz, and covers every screen with the too-small notice when the terminal shrinks. Progress is saved after each change
 * (saves are atomic and never throw; a failed save becomes one warning line).
 */
import { Box, Text } from 'ink';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { LessonHeader } from '../lessons/headers.js';
import { completeLesson, lessonStatus, recordLessonStep, resumePoint, withLearnerId } from '../store/progress.js';
import { newLearnerId } from '../store/learnerId.js';
import { openProgress, type ProgressStore } from '../store/progressStore.js';
import type { Progress } from '../store/schema.js';
import { loadCatalog } from './lessonCatalog.js';
import { findLesson } from '../lessons/headers.js';
import { isLessonId } from '../quiz/progressBridge.js';
import { MenuScreen } from './screens/MenuScreen.js';
import { StoreWarning, wrapWarning } from './components/StoreWarning.js';
import { OpenLesson } from './screens/OpenLesson.js';
import { TooSmall } from './screens/TooSmall.js';
import { createTheme, ThemeContext, useTheme, type Env } from './theme.js';
import { Spinner } from '@inkjs/ui';
import { MIN_COLUMNS, MIN_ROWS, useTerminalSize, type TermSize } from './useTerminalSize.js';
import { ScreenShown } from './screenShown.js';
import { useKeys } from './keys/useKeys.js';
import type { RunRecord } from '../lessons/runFile.js';

// The screens behind the menu are separate chunks: starting at the menu compiles only the
// menu's code (start-up time, issue 7). Once the first screen is drawn they are loaded in the
// background, so they are ready before the learner's first Enter.
const loadLesson = once(() => import('./screens/LessonScreen.js'));
const loadSandbox = once(() => import('./screens/SandboxScreen.js'));
const loadQuiz = once(() => import('./screens/QuizScreen.js'));
const LessonScreen = lazy(() => loadLesson().then((m) => ({ default: m.LessonScreen })));
const SandboxScreen = lazy(() => loadSandbox().then((m) => ({ default: m.SandboxScreen })));
const QuizScreen = lazy(() => loadQuiz().then((m) => ({ default: m.QuizScreen })));
// The live lab is loaded only when opened: it is the one screen that touches real sockets.
const LabScreen = lazy(() => import('./lab/LabScreen.js').then((m) => ({ default: m.LabScreen })));

/** Load every screen's code now; resolves when all are ready. */
export function preloadScreens(): Promise<void> {
  return Promise.all([loadLesson(), loadSandbox(), loadQuiz()]).then(() => undefined);
}

function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

export type ScreenName = 'menu' | 'lesson' | 'sandbox' | 'quiz' | 'lab';

export interface AppProps {
  screen: ScreenName;
  lessonId?: string | undefined;
  scenario?: string | undefined;
  seed?: number | undefined;
  /** sandbox --run: a saved run to replay. */
  run?: RunRecord | undefined;
  configDir?: string | undefined;
  lessonsDir?: string | undefined;
  exportDir?: string | undefined;
  env?: Env;
  /** Wall-clock time for progress records (tests pin it). */
  now?: () => number;
}

type Route = { screen: 'menu' } | { screen: 'lesson'; lessonId: string; step?: number | undefined } | { screen: 'sandbox'; scenario?: string | undefined } | { screen: 'quiz'; scope: string } | { screen: 'lab' };

interface Loaded {
  lessons: LessonHeader[];
  progress: Progress;
  store: ProgressStore | null;
  warning?: string | undefined;
}

function Loading(props: { what?: string }) {
  useKeys([], () => {});
  const theme = useTheme();
  // The spinner is decoration only, so it is left out when colour is off (and the words stay).
  return (
    <Box>
      {theme.colour && <Spinner />}
      <Text>{` Loading ${props.what ?? 'lessons and progress'}…`}</Text>
    </Box>
  );
}

export function App(props: AppProps) {
  const env = props.env ?? process.env;
  const [theme] = useState(() => createTheme(env));
  const now = props.now ?? Date.now;
  const size = useTerminalSize();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [route, setRoute] = useState<Route>(() => initialRoute(props));
  const progressRef = useRef<Progress | null>(null);
  // sandbox --run: the saved run opens the first sandbox only; after the menu, sandboxes are new.
  const [run, setRun] = useState(props.run);

  useEffect(() => {
    let live = true;
    void (async () => {
      const catalog = await loadCatalog(props.lessonsDir);
      const opened = await openProgress({ env, ...(props.configDir ? { flag: props.configDir } : {}), now: now() });
      if (!live) return;
      // The learner id is drawn the first time progress has none; it is saved with the next
      // change (entering a lesson step is one), and kept from then on.
      const progress = withLearnerId(opened.progress, newLearnerId());
      progressRef.current = progress;
      const warning = [opened.warning, ...catalog.problems].filter(Boolean).join('; ') || undefined;
      setLoaded({ lessons: catalog.lessons, progress, store: opened.store, warning });
      // After the first real frame, not before it: preloading must not delay start-up.
      setImmediate(() => void preloadScreens());
    })();
    return () => {
      live = false;
    };
    // Loaded once per mount: the props describe the start-up, not later changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = (f: (p: Progress) => Progress) => {
    if (!loaded || !progressRef.current) return;
    const next = f(progressRef.current);
    progressRef.current = next;
    setLoaded((l) => (l ? { ...l, progress: next } : l));
    void loaded.store?.save(next).then((r) => {
      if (!r.ok) setLoaded((l) => (l ? { ...l, warning: r.warning } : l));
    });
  };

  // Too small: the notice covers the screen, it does not replace it. The screen stays mounted
  // (hidden, keys off, clock held) so a resize never resets the simulation, a lesson step or the quiz, and
  // it keeps the last size that fitted so its layout does not change while nobody can see it.
  const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
  const fitted = useRef<TermSize>({ columns: MIN_COLUMNS, rows: MIN_ROWS });
  if (!tooSmall) fitted.current = size;
  // Save and load warnings sit above every screen, which gets the rows below them.
  const warning = wrapWarning(loaded?.warning, fitted.current.columns);
  const layout = { columns: fitted.current.columns, rows: fitted.current.rows - warning.length };
  const screen = !loaded ? <Loading /> : <Suspense fallback={<Loading what="the screen" />}>{renderRoute()}</Suspense>;
  const content = (
    <>
      {tooSmall && <TooSmall columns={size.columns} rows={size.rows} />}
      <ScreenShown.Provider value={!tooSmall}>
        <Box flexDirection="column" display={tooSmall ? 'none' : 'flex'}>
          {screen}
        </Box>
      </ScreenShown.Provider>
    </>
  );

  function renderRoute() {
    const l = loaded!;
    const toMenu = () => setRoute({ screen: 'menu' });
    switch (route.screen) {
      case 'lesson': {
        const lesson = findLesson(l.lessons, route.lessonId);
        if (!lesson) {
          return (
            <Box flexDirection="column">
              <Text>{`No lesson "${route.lessonId}". Known: ${l.lessons.map((x) => x.id).join(', ') || 'none'}.`}</Text>
              {menuFor(l)}
            </Box>
          );
        }
        const saved = l.progress.lessons[lesson.id];
        const startAt = route.step ?? (saved?.status === 'in-progress' ? saved.step : 0);
        return (
          <OpenLesson key={lesson.id} header={lesson} loading={<Loading what={`lesson ${lesson.number}`} />} onMenu={toMenu}>
            {(full) => (
              <LessonScreen
                lesson={full}
                startAt={startAt}
                seed={props.seed}
                learnerId={l.progress.learnerId}
                attemptBase={l.progress.attempts}
                columns={layout.columns}
                rows={layout.rows}
                exportDir={props.exportDir}
                onStep={(id, i) => update((p) => recordLessonStep(p, id, i, now()))}
                onComplete={(id) => {
                  const i = l.lessons.findIndex((x) => x.id === id);
                  update((p) => completeLesson(p, id, now(), l.lessons[i + 1]?.id));
                }}
                onQuiz={isLessonId(full.id) ? (id) => setRoute({ screen: 'quiz', scope: id }) : undefined}
                onMenu={toMenu}
              />
            )}
          </OpenLesson>
        );
      }
      case 'sandbox':
        return (
          <SandboxScreen
            scenario={route.scenario}
            seed={props.seed}
            run={run}
            columns={layout.columns}
            rows={layout.rows}
            exportDir={props.exportDir}
            onMenu={() => {
              setRun(undefined);
              toMenu();
            }}
          />
        );
      case 'quiz':
        return (
          <QuizScreen
            scope={route.scope}
            scopeTitle={quizTitle(l.lessons, route.scope)}
            progress={l.progress}
            columns={layout.columns}
            rows={layout.rows}
            now={now}
            onProgress={(p) => update(() => p)}
            onMenu={toMenu}
          />
        );
      case 'lab':
        return <LabScreen columns={layout.columns} rows={layout.rows} onMenu={toMenu} />;
      default:
        return menuFor(l);
    }
  }

  function menuFor(l: Loaded) {
    return (
      <MenuScreen
        lessons={l.lessons}
        status={(id) => lessonStatus(l.progress, id)}
        stepReached={(id) => l.progress.lessons[id]?.step}
        resume={resumePoint(l.progress)}
        columns={layout.columns}
        rows={layout.rows}
        onLesson={(lessonId, step) => setRoute({ screen: 'lesson', lessonId, step })}
        onSandbox={() => setRoute({ screen: 'sandbox' })}
        onQuiz={() => setRoute({ screen: 'quiz', scope: 'mixed' })}
        onLab={() => setRoute({ screen: 'lab' })}
      />
    );
  }

  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column">
        {loaded && !tooSmall && <StoreWarning lines={warning} />}
        {content}
      </Box>
    </ThemeContext.Provider>
  );
}

function initialRoute(p: AppProps): Route {
  if (p.screen === 'lesson' && p.lessonId) return { screen: 'lesson', lessonId: p.lessonId };
  if (p.screen === 'sandbox') return { screen: 'sandbox', scenario: p.scenario };
  if (p.screen === 'quiz') return { screen: 'quiz', scope: p.lessonId ?? 'mixed' };
  if (p.screen === 'lab') return { screen: 'lab' };
  return { screen: 'menu' };
}

/** A one-lesson quiz is named by the lesson's number and title, as the menu names it. */
function quizTitle(lessons: readonly LessonHeader[], scope: string): string | undefined {
  const h = lessons.find((x) => x.id === scope);
  return h ? `lesson ${h.number}: ${h.title}` : undefined;
}
