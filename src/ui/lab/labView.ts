/**
 * What the lab screen shows, folded from the experiments' records (pure). Live records (a
 * countdown tick, a progress count) replace the one before; the rest accumulate.
 */
import { EXPERIMENTS, type ExperimentName, type LabRecord } from '../../lab/records.js';

export interface LabView {
  /** The experiment running now, if any. */
  running: ExperimentName | null;
  /** Records of the latest run of each experiment. */
  runs: Partial<Record<ExperimentName, LabRecord[]>>;
}

export const EMPTY_LAB_VIEW: LabView = { running: null, runs: {} };

const LIVE: ReadonlySet<string> = new Set(['tick', 'progress']);

export function foldRecord(v: LabView, r: LabRecord): LabView {
  const name = r.experiment;
  if (r.kind === 'start') return { running: name, runs: { ...v.runs, [name]: [r] } };
  const prev = v.runs[name] ?? [];
  const kept = LIVE.has(r.kind) ? prev.filter((x) => x.kind !== r.kind) : prev;
  const finished = r.kind === 'done' || r.kind === 'error' || r.kind === 'unavailable';
  return { running: finished && v.running === name ? null : v.running, runs: { ...v.runs, [name]: [...kept, r] } };
}

/** The experiment that key '1'..'5' runs. */
export function experimentForKey(key: string): ExperimentName | undefined {
  const i = Number(key) - 1;
  return Number.isInteger(i) ? EXPERIMENTS[i] : undefined;
}

/** The counts the learner can choose for many connections (at most 2000). */
export const COUNT_STEPS = [10, 50, 100, 200, 500, 1000, 2000] as const;

export function stepCount(n: number, dir: 1 | -1): number {
  const i = COUNT_STEPS.findIndex((x) => x >= n);
  const at = i < 0 ? COUNT_STEPS.length - 1 : i;
  return COUNT_STEPS[Math.min(COUNT_STEPS.length - 1, Math.max(0, at + dir))]!;
}

/** The record of a kind in the latest run, last one first found. */
export function latest<K extends LabRecord['kind']>(rs: readonly LabRecord[] | undefined, kind: K): Extract<LabRecord, { kind: K }> | undefined {
  if (!rs) return undefined;
  for (let i = rs.length - 1; i >= 0; i--) if (rs[i]!.kind === kind) return rs[i] as Extract<LabRecord, { kind: K }>;
  return undefined;
}

export function all<K extends LabRecord['kind']>(rs: readonly LabRecord[] | undefined, kind: K): Array<Extract<LabRecord, { kind: K }>> {
  return (rs ?? []).filter((r) => r.kind === kind) as Array<Extract<LabRecord, { kind: K }>>;
}
