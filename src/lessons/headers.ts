/**
 * The lesson menu needs each lesson's id, number, title and length, not the lesson: parsing
 * and validating seven whole YAML files at launch was a large part of start-up. This reads only
 * the top-level scalar lines that come before `steps:`. It is a fast path, not a second parser:
 * a header it cannot read is reported, and the full loader (lesson open, `tcp-timewait lint`)
 * remains the judge of a file's validity.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface LessonHeader {
  id: string;
  number: number;
  title: string;
  minutes: number;
  /** How many steps the lesson has, when its `steps:` is a plain block list. */
  steps?: number;
  file: string;
}

export interface HeaderScan {
  headers: LessonHeader[];
  /** One line per file whose header could not be read. */
  problems: string[];
}

const FIELD = /^(id|number|title|minutes):[ \t]*(.*?)[ \t]*$/;

/** A plain, single-quoted or double-quoted YAML scalar on one line. */
function scalar(raw: string): string | undefined {
  if (raw === '' || raw.startsWith('|') || raw.startsWith('>')) return undefined;
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) return raw.endsWith("'") && raw.length > 1 ? raw.slice(1, -1).replace(/''/g, "'") : undefined;
  return raw.replace(/[ \t]+#.*$/, '');
}

/** Items of the block list under `steps:`: lines starting `- ` at the first item's indentation. */
function countSteps(lines: readonly string[], from: number): number | undefined {
  let indent: string | undefined;
  let n = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/.test(line)) break; // the next top-level key
    const m = /^(\s*)- /.exec(line);
    if (!m) continue;
    indent ??= m[1];
    if (m[1] === indent) n++;
  }
  return indent === undefined ? undefined : n;
}

export function parseLessonHeader(text: string, file: string): LessonHeader | undefined {
  const found: Record<string, string> = {};
  const lines = text.split('\n');
  let steps: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^steps:[ \t]*$/.test(line)) {
      steps = countSteps(lines, i + 1);
      break;
    }
    if (/^steps:/.test(line)) break;
    const m = FIELD.exec(line);
    if (!m) continue;
    const value = scalar(m[2]!);
    if (value === undefined) return undefined;
    found[m[1]!] = value;
  }
  const number = Number(found.number);
  const minutes = Number(found.minutes);
  if (!found.id || !found.title || !Number.isInteger(number) || !Number.isFinite(minutes)) return undefined;
  const header: LessonHeader = { id: found.id, number, title: found.title, minutes, file };
  if (steps !== undefined) header.steps = steps;
  return header;
}

/**
 * A lesson, or a lesson's header, by id ("msl") or number ("2"). It lives here, beside the
 * headers, so the menu can use it without loading the lesson loader.
 */
export function findLesson<T extends { id: string; number: number }>(lessons: readonly T[], key: string): T | undefined {
  const n = /^\d+$/.test(key) ? Number(key) : NaN;
  return lessons.find((l) => l.id === key || l.number === n);
}

export async function readLessonHeaders(dir: string): Promise<HeaderScan> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => /\.ya?ml$/i.test(f)).sort();
  } catch (e) {
    return { headers: [], problems: [`cannot read ${dir}: ${(e as Error).message}`] };
  }
  const headers: LessonHeader[] = [];
  const problems: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const header = parseLessonHeader(await readFile(file, 'utf8'), file);
      if (header) headers.push(header);
      else problems.push(`${name}: its id, number, title and minutes could not be read; run tcp-timewait lint`);
    }),
  );
  headers.sort((a, b) => a.number - b.number);
  problems.sort();
  return { headers, problems };
}
