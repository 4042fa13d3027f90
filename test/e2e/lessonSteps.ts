/**
 * What the lesson e2e tests share: a lesson file's step kinds (to know what a step asks for,
 * never its wording) and the step number read off the screen ("Step N/M" or "step N/M").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './tmux.js';

export interface StepShape {
  kind: string;
  questions?: unknown[];
}

export function lessonSteps(file: string): StepShape[] {
  return (parse(readFileSync(path.join(ROOT, 'lessons', file), 'utf8')) as { steps: StepShape[] }).steps;
}

export function stepOf(screen: string): number | undefined {
  const m = /[Ss]tep (\d+)\/\d+/.exec(screen);
  return m ? Number(m[1]) : undefined;
}
