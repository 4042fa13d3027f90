/**
 * `tcp-timewait lint [PATH]`: check one lesson file or a folder of them. Schema errors,
 * static errors (answers, scenario names), cross-file duplicates, and semantic errors found
 * by playing each lesson on the simulation. Several errors per file are reported.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { loadLesson, type Lesson } from './loader.js';
import { semanticChecks } from './semanticChecks.js';
import { staticChecks } from './staticChecks.js';

export interface LintReport {
  /** Every lesson file looked at. */
  files: string[];
  /** The lessons that loaded (schema-valid), for callers that want them. */
  lessons: Lesson[];
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

export interface LintOptions {
  /** Skip the simulation-backed checks (faster; for editors). */
  skipSemantic?: boolean;
  seed?: number;
}

const isLessonFile = (name: string): boolean => /\.ya?ml$/i.test(name);

async function lessonFiles(path: string): Promise<string[]> {
  const st = await stat(path);
  if (!st.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) out.push(...(await lessonFiles(join(path, e.name))));
    else if (isLessonFile(e.name)) out.push(join(path, e.name));
  }
  return out;
}

export async function lintPath(path: string, options: LintOptions = {}): Promise<LintReport> {
  let files: string[];
  try {
    files = await lessonFiles(path);
  } catch (e) {
    const d: Diagnostic = { file: path, line: 1, col: 1, severity: 'error', found: `no such file or folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, expected: 'a lesson file or a folder of them' };
    return summarise([path], [], [d]);
  }
  const diagnostics: Diagnostic[] = [];
  const lessons: Lesson[] = [];
  for (const file of files) {
    try {
      const { lesson, diagnostics: ds } = await loadLesson(file);
      diagnostics.push(...ds);
      if (!lesson) continue;
      const st = staticChecks(lesson);
      // Playing a lesson whose answers or scenarios are broken would only add noise.
      const sem = !st.some((d) => d.severity === 'error') && !options.skipSemantic ? semanticChecks(lesson, options.seed) : [];
      lessons.push(lesson);
      diagnostics.push(...st, ...sem);
    } catch (e) {
      // Whatever one file does, the others are still checked: its failure is its own error.
      const message = e instanceof Error ? e.message : String(e);
      diagnostics.push({ file, line: 1, col: 1, severity: 'error', found: `the file could not be checked (${message.split('\n')[0]})`, expected: 'a lesson file the checker can read' });
    }
  }
  diagnostics.push(...duplicates(lessons));
  if (files.length === 0) {
    diagnostics.push({ file: path, line: 1, col: 1, severity: 'error', found: 'no .yaml lesson files', expected: 'at least one lesson file' });
  }
  return summarise(files, lessons, diagnostics);
}

function duplicates(lessons: Lesson[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seenId = new Map<string, Lesson>();
  const seenNumber = new Map<number, Lesson>();
  for (const l of lessons) {
    const a = seenId.get(l.id);
    if (a) out.push({ file: l.file, ...l.pos(['id']), severity: 'error', found: `duplicate id "${l.id}" (also in ${a.file})`, expected: 'an id no other lesson uses' });
    else seenId.set(l.id, l);
    const b = seenNumber.get(l.number);
    if (b) out.push({ file: l.file, ...l.pos(['number']), severity: 'error', found: `duplicate number ${l.number} (also in ${b.file})`, expected: 'a number no other lesson uses' });
    else seenNumber.set(l.number, l);
  }
  return out;
}

function summarise(files: string[], lessons: Lesson[], diagnostics: Diagnostic[]): LintReport {
  diagnostics.sort(compareDiagnostics);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return { files, lessons, diagnostics, errorCount, warningCount: diagnostics.length - errorCount };
}

/** One line per problem, then a summary line. */
export function formatLintReport(report: LintReport): string {
  const lines = report.diagnostics.map(formatDiagnostic);
  const n = report.files.length;
  const files = `${n} lesson file${n === 1 ? '' : 's'}`;
  if (report.errorCount === 0 && report.warningCount === 0) lines.push(`${files} checked: no problems`);
  else lines.push(`${files} checked: ${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}`);
  return lines.join('\n');
}
