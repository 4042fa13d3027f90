/**
 * Loads a scenario YAML file (the shape of ScenarioSpec in src/sim/scenario.ts) for
 * `tcp-timewait simulate --scenario FILE`, with the same `file:line:col: found X, expected Y`
 * messages as lesson files.
 */
import { readFile } from 'node:fs/promises';
import type { ScenarioSpec } from '../sim/scenario.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { scenarioSpecSchema } from './simSchemas.js';
import { parseYamlSource } from './yamlSource.js';
import { zodIssuesToDiagnostics } from './zodDiagnostics.js';

export interface ScenarioLoadResult {
  spec?: ScenarioSpec;
  diagnostics: Diagnostic[];
}

export function parseScenario(text: string, file: string): ScenarioLoadResult {
  const src = parseYamlSource(text, file);
  if (src.syntax.length > 0) return { diagnostics: src.syntax };
  if (src.value === null || typeof src.value !== 'object' || Array.isArray(src.value)) {
    return { diagnostics: [{ file, ...src.posOf([]), severity: 'error', found: 'not a mapping', expected: 'a scenario mapping with name, title, description and script' }] };
  }
  const parsed = scenarioSpecSchema.safeParse(src.value);
  if (!parsed.success) return { diagnostics: zodIssuesToDiagnostics(src, src.value, parsed.error.issues, scenarioSpecSchema) };
  return { spec: parsed.data as ScenarioSpec, diagnostics: [] };
}

export async function loadScenarioFile(file: string): Promise<ScenarioLoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { diagnostics: [{ file, line: 1, col: 1, severity: 'error', found: `an unreadable file (${(e as Error).message})`, expected: 'a readable scenario file' }] };
  }
  return parseScenario(text, file);
}

/** Convenience for the CLI: the spec, or an Error whose message lists every problem. */
export async function readScenarioFile(file: string): Promise<ScenarioSpec> {
  const r = await loadScenarioFile(file);
  if (!r.spec) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.spec;
}
