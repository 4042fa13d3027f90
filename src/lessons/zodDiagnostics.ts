/**
 * Turns zod issues into `found X, expected Y` diagnostics placed on the YAML node the issue
 * path points at. zod's own messages are written for programmers; these are for lesson authors.
 */
import type { z } from 'zod';
import { describeValue, type Diagnostic } from './diagnostics.js';
import type { DataPath, YamlSource } from './yamlSource.js';
import { allowedKeys, didYouMean } from './schemaKeys.js';

type Issue = z.core.$ZodIssue;

/** Keys whose value is a Condition, for a friendlier "expected". */
const CONDITION_KEYS = new Set(['until', 'goal', 'verify', 'outcome']);

export function zodIssuesToDiagnostics(src: YamlSource, root: unknown, issues: readonly Issue[], schema?: z.ZodType): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          file: src.file,
          ...src.keyPosOf(issue.path, key),
          severity: 'error',
          found: `unknown key "${key}"`,
          expected: expectedKeys(issue.path, root, key, schema),
        });
      }
      continue;
    }
    const found = valueAt(root, issue.path);
    out.push({
      file: src.file,
      ...src.posOf(issue.path),
      severity: 'error',
      found: describeFound(issue, found),
      expected: `${describeExpected(issue)}${where(issue.path)}`,
    });
  }
  return out;
}

function where(path: DataPath): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? ` for "${last}"` : '';
}

function describeFound(issue: Issue, found: unknown): string {
  if (found === undefined && issue.path.length > 0) return `no "${String(issue.path[issue.path.length - 1])}"`;
  return describeValue(found);
}

function describeExpected(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const last = issue.path[issue.path.length - 1];
      if (issue.expected === 'object' && typeof last === 'string' && CONDITION_KEYS.has(last)) return 'a condition mapping such as { kind: state, host: client, state: TIME_WAIT }';
      return article(issue.expected);
    }
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      if ('options' in issue && issue.options && issue.options.length > 0) {
        return `one of ${issue.options.map((v) => String(v)).join(', ')}`;
      }
      return 'a value of one of the allowed shapes';
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'string'
          ? 'a non-empty text'
          : `a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${String(issue.maximum)} items` : `a number ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
    case 'invalid_format':
      // A regex check carries its own readable message (see schema.ts).
      return issue.format === 'regex' && !issue.message.startsWith('Invalid') ? issue.message : `text in the format ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

function article(t: string): string {
  if (t === 'int') return 'a whole number';
  if (t === 'object') return 'a mapping';
  if (t === 'array') return 'a list';
  if (t === 'string') return 'text';
  if (t === 'boolean') return 'true or false';
  return `a ${t}`;
}

function expectedKeys(path: DataPath, root: unknown, key: string, schema?: z.ZodType): string {
  const obj = valueAt(root, path);
  const kind = obj && typeof obj === 'object' && 'kind' in obj ? ` in a "${String((obj as { kind: unknown }).kind)}"` : '';
  const keys = schema ? allowedKeys(schema, root, path) : undefined;
  if (!keys) return `only the documented keys${kind} (see lessons/README.md)`;
  const guess = didYouMean(key, keys);
  return `one of the keys ${keys.join(', ')}${kind}${guess ? ` (did you mean "${guess}"?)` : ''}`;
}

export function valueAt(root: unknown, path: DataPath): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}
