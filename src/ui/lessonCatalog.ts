/**
 * Finds and loads the course's lesson files for the menu and the lesson player. The lessons/
 * folder ships next to dist/ (package.json "files"), so it is found by walking up from this
 * module: that works from src/ui/ under tsx and from the bundled dist/cli.js alike.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLesson, type Lesson } from '../lessons/loader.js';

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
  lessons: Lesson[];
  /** One line per file that failed to load (the lint command gives the details). */
  problems: string[];
}

export async function loadCatalog(dir: string | undefined = findLessonsDir()): Promise<Catalog> {
  if (!dir) return { lessons: [], problems: ['lessons folder not found'] };
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (err) {
    return { lessons: [], problems: [`cannot read ${dir}: ${(err as Error).message}`] };
  }
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const r = await loadLesson(path.join(dir, f));
    if (r.lesson) lessons.push(r.lesson);
    else problems.push(`${f}: ${r.diagnostics.length} problem(s); run tcp-timewait lint`);
  }
  lessons.sort((a, b) => a.number - b.number);
  return { lessons, problems };
}

/** A lesson by id or by number ("3"). */
export function findLesson(lessons: readonly Lesson[], idOrNumber: string): Lesson | undefined {
  return lessons.find((l) => l.id === idOrNumber || String(l.number) === idOrNumber);
}
