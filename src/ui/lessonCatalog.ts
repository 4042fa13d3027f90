/**
 * Finds and loads the course's lesson files for the menu and the lesson player. The lessons/
 * folder ships next to dist/ (package.json "files"), so it is found by walking up from this
 * module: that works from src/ui/ under tsx and from the bundled dist/cli.js alike.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lesson } from '../lessons/loader.js';
import { readLessonHeaders, type LessonHeader } from '../lessons/headers.js';
import { inertDeep, inert } from '../text/inert.js';

/** File paths stay raw: the program opens them. Where one is shown, it is made inert there. */
const RAW_KEYS: ReadonlySet<string> = new Set(['file']);

export function findLessonsDir(start: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'lessons');
    if (existsSync(path.join(candidate, '01-the-close.yaml')) || existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

export interface Catalog {
  /** What the menu shows: each lesson's id, number, title, length and step count. */
  lessons: LessonHeader[];
  /** One line per file that failed to load (the lint command gives the details). */
  problems: string[];
}

/** The menu's view of the course: lesson headers only (see src/lessons/headers.ts). */
export async function loadCatalog(dir: string | undefined = findLessonsDir()): Promise<Catalog> {
  if (!dir) return { lessons: [], problems: ['lessons folder not found'] };
  const { headers, problems } = await readLessonHeaders(dir);
  // Lesson files are untrusted: their text is made inert here, before any screen shows it.
  return { lessons: inertDeep(headers, RAW_KEYS), problems: problems.map((p) => inert(p)) };
}

/**
 * The whole lesson, loaded and validated when the learner opens it. The loader (YAML and the
 * lesson schema) is imported here, not at the top, so the menu starts without it.
 */
export async function openLesson(header: LessonHeader): Promise<{ lesson: Lesson } | { problem: string }> {
  const { loadLesson } = await import('../lessons/loader.js');
  const r = await loadLesson(header.file);
  if (r.lesson) return { lesson: inertDeep(r.lesson, RAW_KEYS) };
  const first = r.diagnostics[0];
  const where = first ? `${path.basename(first.file)}:${first.line}:${first.col}` : path.basename(header.file);
  return { problem: `${inert(where)}: lesson ${header.number} has ${r.diagnostics.length} problem(s); run tcp-timewait lint` };
}
