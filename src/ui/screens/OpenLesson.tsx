/**
 * Opens one lesson: loads and validates its file (the menu only read its header), then hands it
 * to the lesson screen. A lesson that fails to load is reported in one line, with the way back.
 */
import { Box, Text } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import type { Lesson } from '../../lessons/loader.js';
import type { LessonHeader } from '../../lessons/headers.js';
import { openLesson } from '../lessonCatalog.js';
import { useKeys } from '../keys/useKeys.js';
import { useTheme } from '../theme.js';

export interface OpenLessonProps {
  header: LessonHeader;
  loading: ReactNode;
  children: (lesson: Lesson) => ReactNode;
  onMenu: () => void;
}

export function OpenLesson(props: OpenLessonProps) {
  const [result, setResult] = useState<Awaited<ReturnType<typeof openLesson>> | null>(null);
  useEffect(() => {
    let live = true;
    void openLesson(props.header).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [props.header]);
  if (!result) return <>{props.loading}</>;
  if ('lesson' in result) return <>{props.children(result.lesson)}</>;
  return <LessonProblem problem={result.problem} onMenu={props.onMenu} />;
}

function LessonProblem(props: { problem: string; onMenu: () => void }) {
  const theme = useTheme();
  useKeys(['lesson'], (b) => {
    if (b.action === 'continue' || b.action === 'menu') props.onMenu();
  });
  return (
    <Box flexDirection="column">
      <Text {...theme.bad}>{`This lesson could not be opened: ${props.problem}`}</Text>
      <Text>Press Enter for the menu.</Text>
    </Box>
  );
}
