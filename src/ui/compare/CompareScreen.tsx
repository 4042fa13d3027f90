/**
 * Compare mode in the sandbox: pick a policy change, then watch the run and its rerun under the
 * change in step by simulated time, the first divergence marked on both ladders and said in a
 * sentence under them. Side by side from 160 columns; below that one run at a time (Tab or s
 * shows the other). Esc hands back to the sandbox, which is left as it was.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { compareRuns, type Comparison } from '../../compare/compareRuns.js';
import { secondsText } from '../../compare/sentence.js';
import { verdictLines } from '../../compare/sideBySide.js';
import { fmtSeconds, wrapText } from '../../diagram/format.js';
import type { Perturbation, Policies, ScenarioSpec } from '../../sim/index.js';
import { Footer } from '../components/Footer.js';
import { HelpScreen } from '../components/HelpScreen.js';
import { ListPicker } from '../components/ListPicker.js';
import type { KeyContext } from '../keys/bindings.js';
import { useKeys } from '../keys/useKeys.js';
import { useSyncReducer } from '../keys/useSyncState.js';
import { useTheme } from '../theme.js';
import { CompareLadder } from './CompareLadder.js';
import { compareFrame } from './compareFrame.js';
import { compareReducer, compareVariants, initialCompareState, lockstepTimes, SIDE_BY_SIDE_COLUMNS, type CompareState } from './compareModel.js';

export interface CompareScreenProps {
  spec: ScenarioSpec;
  seed: number;
  /** The run's own policy settings, and the policies in force now (what the picker is relative to). */
  base: Partial<Policies>;
  now: Policies;
  /** The learner's perturbations, pinned by step. */
  perturbations: readonly Perturbation[];
  columns: number;
  rows: number;
  onClose: () => void;
}

const HELP_CONTEXTS: readonly KeyContext[] = ['compare', 'comparePick', 'global'];
/** Rows under the ladders for the sentence. */
const SENTENCE_ROWS = 2;

function contextsOf(s: CompareState): KeyContext[] {
  if (s.help) return ['help'];
  return s.phase === 'pick' ? ['comparePick'] : ['compare'];
}

export function CompareScreen({ spec, seed, base, now, perturbations, columns, rows, onClose }: CompareScreenProps) {
  const theme = useTheme();
  const [state, dispatch, ref] = useSyncReducer(compareReducer, () => initialCompareState);
  const variants = useMemo(() => compareVariants(now), [now]);
  const variant = state.chosen === null ? null : variants[state.chosen]!;
  const comparison: Comparison | null = useMemo(
    () => (variant ? compareRuns(spec, { seed, perturbations, base, variant: variant.overrides }) : null),
    [variant, spec, seed, perturbations, base],
  );
  const times = useMemo(() => (comparison ? lockstepTimes(comparison.a.trace, comparison.b.trace) : []), [comparison]);

  useKeys(
    () => contextsOf(ref.current),
    (b) => {
      const s = ref.current;
      if (b.action === 'help' || (s.help && b.action === 'close')) return dispatch({ type: 'toggleHelp' });
      if (s.help) return;
      switch (b.action) {
        case 'up':
          return dispatch({ type: 'cursor', delta: -1, length: variants.length });
        case 'down':
          return dispatch({ type: 'cursor', delta: 1, length: variants.length });
        case 'select':
          return dispatch({ type: 'choose' });
        case 'step':
          return dispatch({ type: 'step', delta: 1, length: times.length });
        case 'stepBack':
          return dispatch({ type: 'step', delta: -1, length: times.length });
        case 'toStart':
          return dispatch({ type: 'toStart' });
        case 'toEnd':
          return dispatch({ type: 'toEnd', length: times.length });
        case 'switchSide':
          return dispatch({ type: 'switchSide' });
        case 'close':
          return onClose();
      }
    },
  );

  const wide = columns >= SIDE_BY_SIDE_COLUMNS;
  const ladderW = wide ? Math.floor((columns - 1) / 2) : columns;
  const clock = times[Math.min(state.index, Math.max(0, times.length - 1))] ?? 0;
  const frame = useMemo(() => (comparison ? compareFrame(comparison, clock, ladderW) : null), [comparison, clock, ladderW]);
  const contexts = contextsOf(state);
  const bodyH = Math.max(3, rows - 2);
  let body;
  let title = `Compare · ${spec.name}`;
  if (state.help) {
    body = <HelpScreen contexts={HELP_CONTEXTS} width={columns} height={bodyH} scroll={0} />;
  } else if (!comparison || !frame || !variant) {
    const items = variants.map((v) => v.label);
    body = <ListPicker title="Compare this run with the same run under... (enter runs both, esc goes back)" items={items} cursor={state.cursor} width={columns} height={bodyH} />;
  } else {
    title = `Compare · ${spec.name} · t=${fmtSeconds(clock)} (${state.index + 1} of ${times.length})`;
    const d = comparison.divergence;
    const said = !d ? verdictLines(comparison)[0]! : frame.reached ? d.sentence : `The runs diverge at ${secondsText(d.at)}: step on (→) or press G to see how.`;
    const sentence = wrapText(said, columns).slice(0, SENTENCE_ROWS);
    const ladderH = Math.max(3, bodyH - 1 - SENTENCE_ROWS);
    const labelA = `run A: ${comparison.a.label}`;
    const labelB = `run B: ${comparison.b.label}`;
    const shown = state.side === 'a' ? frame.a : frame.b;
    body = (
      <Box flexDirection="column" height={bodyH}>
        {wide ? (
          <Box height={1}>
            <Box width={ladderW + 1}>
              <Text {...theme.heading} wrap="truncate">{labelA}</Text>
            </Box>
            <Text {...theme.heading} wrap="truncate">{labelB}</Text>
          </Box>
        ) : (
          <Text wrap="truncate">
            <Text {...theme.heading}>{`${state.side === 'a' ? labelA : labelB} (${state.side === 'a' ? 1 : 2} of 2)`}</Text>
            <Text {...theme.muted}>{` · tab: ${state.side === 'a' ? labelB : labelA}`}</Text>
          </Text>
        )}
        {wide ? (
          <Box height={ladderH}>
            <CompareLadder side={frame.a} clock={clock} width={ladderW} height={ladderH} />
            <Box width={1} />
            <CompareLadder side={frame.b} clock={clock} width={ladderW} height={ladderH} />
          </Box>
        ) : (
          <CompareLadder side={shown} clock={clock} width={ladderW} height={ladderH} />
        )}
        {sentence.map((line, i) => (
          <Text key={i} wrap="truncate" {...(frame.reached ? theme.focus : theme.accent)}>
            {line}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={rows} overflowY="hidden">
      <Text wrap="truncate" {...theme.heading}>
        {title}
      </Text>
      <Box height={bodyH} overflowY="hidden">
        {body}
      </Box>
      <Box height={1}>
        <Footer contexts={contexts} width={columns} />
      </Box>
    </Box>
  );
}
