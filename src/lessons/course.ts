/**
 * The course as a whole: every lesson file in a folder, in lesson-number order, and lookup by
 * id or number (`tcp-timewait lesson ID|NUMBER`).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { loadLesson, type Lesson } from './loader.js';

export interface Course {
  lessons: Lesson[];
  /** Problems in files that did not load (run `tcp-timewait lint` for the full check). */
  diagnostics: Diagnostic[];
}

export async function loadCourse(dir: string): Promise<Course> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const lessons: Lesson[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const r = await loadLesson(join(dir, name));
    if (r.lesson) lessons.push(r.lesson);
    diagnostics.push(...r.diagnostics);
  }
  lessons.sort((a, b) => a.number - b.number);
  return { lessons, diagnostics };
}

export { findLesson } from './headers.js';
