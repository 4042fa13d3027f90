/**
 * Reads one lesson file: YAML -> schema check -> a Lesson that still knows where each of its
 * nodes is in the file (`lesson.pos(path)`), so later checks can point at the exact line.
 */
import { readFile } from 'node:fs/promises';
import { encodingWarning } from './encoding.js';
import type { Diagnostic, Position } from './diagnostics.js';
import { lessonSchema, type LessonData } from './schema.js';
import { parseYamlSource, type DataPath } from './yamlSource.js';
import { zodIssuesToDiagnostics } from './zodDiagnostics.js';

export interface Lesson extends LessonData {
  /** The file it was read from, as given to the loader. */
  file: string;
  /** Position of the node at a data path such as ['steps', 3, 'until']. */
  pos(path: DataPath): Position;
}

export interface LoadResult {
  /** Present only when the file parsed and matched the schema. */
  lesson?: Lesson;
  diagnostics: Diagnostic[];
}

export function parseLesson(text: string, file: string): LoadResult {
  const src = parseYamlSource(text, file);
  if (src.syntax.length > 0) return { diagnostics: src.syntax };
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    return {
      diagnostics: [
        { file, ...src.posOf([]), severity: 'error', found: src.value === undefined || src.value === null ? 'an empty file' : 'not a mapping', expected: 'a lesson mapping with id, number, title, minutes, summary, sources and steps' },
      ],
    };
  }
  const parsed = lessonSchema.safeParse(src.value);
  if (!parsed.success) return { diagnostics: zodIssuesToDiagnostics(src, src.value, parsed.error.issues, lessonSchema) };
  const lesson: Lesson = { ...parsed.data, file, pos: src.posOf };
  return { lesson, diagnostics: [] };
}

export async function loadLesson(file: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { diagnostics: [{ file, line: 1, col: 1, severity: 'error', found: `an unreadable file (${(e as Error).message})`, expected: 'a readable lesson file' }] };
  }
  const result = parseLesson(bytes.toString('utf8'), file);
  const encoding = encodingWarning(bytes, file);
  return encoding ? { ...result, diagnostics: [encoding, ...result.diagnostics] } : result;
}
