/**
 * The sandbox: any built-in scenario under any policy preset, no lesson text. The learner
 * plays, steps, perturbs and inspects freely.
 */
import { useRef, useState, useSyncExternalStore } from 'react';
import { useSyncReducer, useSyncState } from '../keys/useSyncState.js';
import { BUILTIN_SCENARIOS, getScenario, SCENARIO_NAMES, Simulation } from '../../sim/index.js';
import { POLICY_PRESETS, type PolicyPresetName } from '../../sim/policy.js';
import { RunView } from '../components/RunView.js';
import { useKeys } from '../keys/useKeys.js';
import { initialUiState, uiReducer } from '../keys/uiState.js';
import { handleRunKey, runContexts } from '../runKeys.js';
import { SimContext, useSimulation } from '../useSimulation.js';
import { exportMessage, exportRun } from '../exportRun.js';
import { runFileText, runRecordOf, simulationOfRun, type RunRecord } from '../../lessons/runFile.js';
import type { Policies } from '../../sim/policy.js';
import { CompareScreen } from '../compare/CompareScreen.js';

export const PRESETS: ReadonlyArray<PolicyPresetName | 'default'> = ['default', 'rfc1122', 'bsd', 'linux'];

export interface SandboxProps {
  scenario?: string | undefined;
  seed?: number | undefined;
  /** A saved run (sandbox --run FILE): the sandbox opens on it, at the step it was saved. */
  run?: RunRecord | undefined;
  columns: number;
  rows: number;
  exportDir?: string | undefined;
  onMenu: () => void;
}

const presetPolicies = (preset: PolicyPresetName | 'default'): Partial<Policies> => (preset === 'default' ? {} : POLICY_PRESETS[preset]);

function create(name: string, preset: PolicyPresetName | 'default', seed: number): Simulation {
  const spec = getScenario(name) ?? getScenario('normal-close')!;
  return Simulation.create(spec, { seed, policies: presetPolicies(preset) });
}

export function SandboxScreen({ scenario, seed = 1, run, columns, rows, exportDir, onMenu }: SandboxProps) {
  const names = SCENARIO_NAMES as readonly string[];
  const [name, setName, nameRef] = useSyncState(() => run?.scenario ?? (scenario && getScenario(scenario) ? scenario : 'normal-close'));
  const [preset, setPreset, presetRef] = useSyncState<PolicyPresetName | 'default'>('default');
  // The policies the current run started with: a replayed run file's own, until a restart.
  const [replayed, setReplayed] = useState(run !== undefined);
  const policiesRef = useRef<Partial<Policies>>(run?.policies ?? {});
  const [sim, setSim] = useState(() => (run ? simulationOfRun(run) : create(nameRef.current, presetRef.current, seed)));
  const ctrl = useSimulation(sim);
  // A new run starts at once (not after the next render), so keys that follow act on it.
  const restart = (n: string, p: PolicyPresetName | 'default') => {
    setName(n);
    setPreset(p);
    setReplayed(false);
    policiesRef.current = presetPolicies(p);
    const s = create(n, p, seed);
    setSim(s);
    ctrl.setSim(s);
  };
  // Compare mode (C): the run so far, saved as a run record, and the policies in force now.
  const [comparing, setComparing, comparingRef] = useSyncState<{ run: RunRecord; now: Policies } | null>(null);
  const [ui, dispatch, uiRef] = useSyncReducer(uiReducer, () => initialUiState(['ladder', 'log']));
  const contexts = runContexts(ui, 'sandbox');
  const helpContexts = ['sandbox', 'run', 'list', 'input', 'global'] as const;
  const items = names.map((n) => `${n.padEnd(20)} ${BUILTIN_SCENARIOS[n]?.title ?? ''}`);

  useKeys(() => runContexts(uiRef.current, 'sandbox'), (b, key) =>
    comparingRef.current ? undefined : handleRunKey(b, key, {
      ctrl,
      ui: uiRef.current,
      dispatch,
      helpContexts,
      applyPerturbation: (p) => ctrl.perturb(p),
      pickerLength: () => items.length,
      onPick: (i) => restart(names[i] ?? nameRef.current, presetRef.current),
      onExport: () => {
        const st = ctrl.getState();
        const runFile = runFileText(runRecordOf(st.sim as Simulation, nameRef.current, policiesRef.current));
        exportRun(st.sim.completeTrace(), exportDir, `sandbox-${nameRef.current}-${st.snapshot.step}`, [{ ext: '.run.yaml', data: runFile }]).then(
          (paths) => dispatch({ type: 'message', text: exportMessage(paths) }),
          (err: unknown) => dispatch({ type: 'message', text: `Export failed: ${String((err as Error).message ?? err)}` }),
        );
      },
      other: (bb) => {
        switch (bb.action) {
          case 'scenarios':
            ctrl.pause();
            dispatch({ type: 'open', overlay: 'scenarios', cursor: Math.max(0, names.indexOf(nameRef.current)) });
            return;
          case 'policyPreset': {
            const next = PRESETS[(PRESETS.indexOf(presetRef.current) + 1) % PRESETS.length]!;
            restart(nameRef.current, next);
            dispatch({ type: 'message', text: `Policy preset: ${next} (the scenario restarts)` });
            return;
          }
          case 'restartStep':
            restart(nameRef.current, presetRef.current);
            return;
          case 'menu':
            onMenu();
            return;
          case 'compare': {
            ctrl.pause();
            const st = ctrl.getState();
            setComparing({ run: runRecordOf(st.sim as Simulation, nameRef.current, policiesRef.current), now: st.snapshot.policies });
            return;
          }
        }
      },
    }),
    comparing === null,
  );
  const p = useSyncExternalStore(ctrl.subscribe, () => ctrl.getState().snapshot.policies);
  const title = `Sandbox · ${name} · ${replayed ? 'run file' : preset === 'default' ? 'default policies' : preset} · MSL ${p.mslSeconds}s${p.timeWait === 'off' ? ' · TIME_WAIT off' : ''}`;
  if (comparing) {
    return (
      <CompareScreen
        spec={getScenario(comparing.run.scenario) ?? getScenario('normal-close')!}
        seed={comparing.run.seed}
        base={comparing.run.policies}
        now={comparing.now}
        perturbations={comparing.run.perturbations}
        columns={columns}
        rows={rows}
        onClose={() => setComparing(null)}
      />
    );
  }
  return (
    <SimContext.Provider value={ctrl}>
      <RunView
        title={title}
        columns={columns}
        rows={rows}
        ui={ui}
        contexts={contexts}
        helpContexts={helpContexts}
        picker={{ title: 'Choose a scenario (enter starts it, esc cancels)', items }}
      />
    </SimContext.Provider>
  );
}
