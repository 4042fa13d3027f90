/**
 * The lesson menu: every lesson with its progress (done / in progress / not started, as a shape
 * and a word), the sandbox and the quiz, and a resume line when there is somewhere to resume.
 */
import { Box, Text } from 'ink';
import { useSyncState } from '../keys/useSyncState.js';
import type { LessonHeader } from '../../lessons/headers.js';
import { Footer } from '../components/Footer.js';
import { HelpScreen } from '../components/HelpScreen.js';
import { useKeys } from '../keys/useKeys.js';
import { GLYPHS, useTheme } from '../theme.js';
import { useHelpOverList } from '../keys/useHelpOverList.js';

export type LessonStatus = 'new' | 'in-progress' | 'done';

export interface MenuProps {
  lessons: readonly LessonHeader[];
  status: (lessonId: string) => LessonStatus;
  stepReached: (lessonId: string) => number | undefined;
  resume: { lessonId: string; step: number } | null;
  columns: number;
  rows: number;
  warning?: string | undefined;
  onLesson: (lessonId: string, step?: number) => void;
  onSandbox: () => void;
  onQuiz: () => void;
  /** The live lab ("Your own kernel"); the entry is shown when this is given. */
  onLab?: () => void;
}

export const STATUS_TEXT: Record<LessonStatus, string> = {
  done: `${GLYPHS.done} done`,
  'in-progress': `${GLYPHS.inProgress} in progress`,
  new: `${GLYPHS.notStarted} not started`,
};

export function MenuScreen(props: MenuProps) {
  const theme = useTheme();
  const [cursor, setCursor, cursorRef] = useSyncState(() => {
    const i = props.lessons.findIndex((l) => l.id === props.resume?.lessonId);
    return i >= 0 ? i : 0;
  });
  const { help, helpRef, helpScroll, handle: helpOrList } = useHelpOverList(setCursor);
  const entries = [...props.lessons.map((l) => ({ kind: 'lesson' as const, lesson: l })), { kind: 'sandbox' as const }, { kind: 'quiz' as const }, ...(props.onLab ? [{ kind: 'lab' as const }] : [])];
  const n = entries.length;
  const height = Math.max(3, props.rows - 1);
  const contexts = help ? (['help'] as const) : (['menu'] as const);
  useKeys(() => (helpRef.current ? ['help'] : ['menu']), (b) => {
    if (helpOrList(b.action, n)) return;
    switch (b.action) {
      case 'select': {
        const e = entries[cursorRef.current];
        if (!e) return;
        if (e.kind === 'lesson') {
          const st = props.status(e.lesson.id);
          props.onLesson(e.lesson.id, st === 'in-progress' ? props.stepReached(e.lesson.id) : 0);
        } else if (e.kind === 'sandbox') props.onSandbox();
        else if (e.kind === 'lab') props.onLab?.();
        else props.onQuiz();
        return;
      }
      case 'resume':
        if (props.resume) props.onLesson(props.resume.lessonId, props.resume.step);
        return;
      case 'openSandbox':
        props.onSandbox();
        return;
      case 'openQuiz':
        props.onQuiz();
        return;
      case 'openLab':
        props.onLab?.();
        return;
    }
  });
  if (help) {
    return (
      <Box flexDirection="column" height={height}>
        <HelpScreen contexts={['menu', 'global']} width={props.columns} height={height - 1} scroll={helpScroll} />
        <Footer contexts={['help', 'global']} width={props.columns} />
      </Box>
    );
  }
  const resumeLesson = props.resume ? props.lessons.find((l) => l.id === props.resume!.lessonId) : undefined;
  const listRoom = Math.max(3, height - 8);
  const top = Math.min(Math.max(0, cursor - listRoom + 1), Math.max(0, n - listRoom));
  return (
    <Box flexDirection="column" height={height} width={props.columns} overflow="hidden">
      <Text {...theme.heading}>tcp-timewait · why TCP waits in TIME_WAIT</Text>
      <Text {...theme.muted} wrap="truncate">
        A hands-on course on a deterministic TCP simulation. Choose a lesson.
      </Text>
      {props.warning ? (
        <Text {...theme.bad} wrap="truncate">
          {`${GLYPHS.alert} ${props.warning}`}
        </Text>
      ) : (
        <Text> </Text>
      )}
      {entries.slice(top, top + listRoom).map((e, i) => {
        const sel = top + i === cursor;
        const pointer = sel ? GLYPHS.focus : ' ';
        if (e.kind === 'lesson') {
          const st = props.status(e.lesson.id);
          const stepNote = st === 'in-progress' ? ` (step ${(props.stepReached(e.lesson.id) ?? 0) + 1}/${e.lesson.steps ?? '?'})` : '';
          return (
            <Text key={e.lesson.id} wrap="truncate" {...(sel ? theme.selected : {})}>
              {`${pointer} ${String(e.lesson.number).padStart(2)}. ${e.lesson.title.padEnd(44).slice(0, 44)} `}
              <Text {...(st === 'done' ? theme.ok : st === 'in-progress' ? theme.accent : theme.muted)}>{STATUS_TEXT[st] + stepNote}</Text>
            </Text>
          );
        }
        return (
          <Text key={e.kind} wrap="truncate" {...(sel ? theme.selected : {})}>
            {e.kind === 'sandbox'
              ? `${pointer}     Sandbox: every scenario and policy, no lesson text`
              : e.kind === 'lab'
                ? `${pointer}     Your own kernel: TIME_WAIT live on this machine (y)`
                : `${pointer}     Quiz: mixed review of transitions and facts`}
          </Text>
        );
      })}
      {props.lessons.length === 0 && <Text {...theme.bad}>No lessons were found; the sandbox still works.</Text>}
      <Text> </Text>
      {resumeLesson ? (
        <Text {...theme.accent} wrap="truncate">{`r resumes lesson ${resumeLesson.number}, "${resumeLesson.title}", at step ${props.resume!.step + 1}`}</Text>
      ) : (
        <Text {...theme.muted}>Start with lesson 1.</Text>
      )}
      <Box flexGrow={1} />
      <Footer contexts={['menu', 'global']} width={props.columns} />
    </Box>
  );
}
